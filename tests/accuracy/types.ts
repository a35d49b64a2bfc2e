// The accuracy corpus: short texts the team wrote itself in the style of real sources,
// each labelled by hand with the companies it names. `npm run bench -- accuracy` and
// tests/accuracy.test.ts ingest them through the real pipeline against the demo registry
// (seeds/demo/) and compare what was stored with these labels.

/** What a text exercises; a text may exercise several. Figures are reported per kind. */
export type AccuracyKind =
  /** 腾讯(0700.HK), （300418.SZ）, 00700 HK, BIDU US, NASDAQ:BIDU, 阿里巴巴-W, SZ300624, 证券代码 300418 */
  | 'tickers'
  /** Taiwan and Hong Kong script: 萬興科技, 字節跳動, 騰訊, 快手可靈 */
  | 'traditional'
  /** Latin names in odd case or glued to digits inside Chinese: OPENAI, runway, PIKA1.0, DALL·E3, Stability.ai */
  | 'latin-case'
  /** Ambiguous names in a list with other companies: Sora、Runway和Pika */
  | 'lists'
  /** Homonyms that must not count: SAM the addressable market, 商汤 the king, Gemini the sign */
  | 'negative'
  /** A company name that is also an ordinary word, used as the word: apple the fruit, a startup's runway */
  | 'ordinary-words'
  /** PDF-like text whose header or disclaimer repeats on every page: counts once */
  | 'furniture'
  /** Cases that already worked before issue 12: plain names, products, the CJK split filter */
  | 'baseline'

export type AccuracySource = 'broker' | 'filing' | 'news' | 'wechat'
export type AccuracyScript = 'zh-Hans' | 'zh-Hant' | 'en' | 'mixed'

export interface AccuracyText {
  /** Stable id, used in reports: b01, f03, n12, w07 */
  id: string
  source: AccuracySource
  script: AccuracyScript
  kinds: readonly AccuracyKind[]
  /**
   * Every registry company the text names, by the demo company's name_en, with the number
   * of mentions expected (each name, short name, product or ticker occurrence is one; a
   * name followed by its ticker is two; a repeated page header counts once), or null when
   * the count is not worth pinning (the pair still counts). A company absent here must
   * not be found.
   */
  expect: Readonly<Record<string, number | null>>
  text: string
}

export function text(
  id: string,
  source: AccuracySource,
  script: AccuracyScript,
  kinds: readonly AccuracyKind[],
  expect: Readonly<Record<string, number | null>>,
  body: string,
): AccuracyText {
  return { id, source, script, kinds, expect, text: body }
}

/** Joins pages the way a PDF's text comes out of pdftotext: a form feed between pages. */
export function pages(...texts: string[]): string {
  return texts.join('\n\f')
}
