/** One way a company is written: the engine's view of a company_alias row. */
export interface MentionAlias {
  id: number
  companyId: number
  /** The alias as written; the engine folds it (fold.ts) the way normaliseText does. */
  text: string
  language: 'zh' | 'en' | 'any'
  kind: 'name' | 'short_name' | 'product' | 'ticker'
  /** Match only with exactly this case (full-width forms still fold to half-width). */
  caseSensitive: boolean
  /** Also an ordinary word (Apple, Runway, Gemini): counts only with company context. */
  isAmbiguous: boolean
  /** Words that, near a match, mean it is not this company (苹果 near 水果, Block near "city block"). */
  negativeContext?: readonly string[]
  /**
   * Why the alias is ambiguous (company_alias.ambiguous_reason). 'english_word' and
   * 'chinese_word' mark an ordinary word: generic company words alone never admit it.
   */
  ambiguousReason?: string | null
}

/** What admitted a mention; stored as mention.rule. */
export type MentionRule = 'name' | 'product' | 'ticker' | 'context_word' | 'listed_with' | 'topic_word' | 'confirmed'
export type MentionConfidence = 'high' | 'medium' | 'low'

/** A listed security of a company: every written variant of it counts as a mention. */
export interface MentionTicker {
  companyId: number
  exchange: 'SH' | 'SZ' | 'BJ' | 'HK' | 'US'
  code: string
}

/** One company mention found in a text. Offsets are UTF-16 indices into that text. */
export interface Mention {
  /** The company_alias row, or null for a ticker variant generated from company_ticker (600519.SH, 700 HK). */
  aliasId: number | null
  companyId: number
  /** The alias as written in the alias list (not as it appears in the text). */
  aliasText: string
  start: number
  end: number
  /** About 60 units either side of the match, cut at white space where there is one. */
  snippet: string
  /** Where the snippet starts in the text: snippet === text.slice(snippetStart, snippetStart + snippet.length). */
  snippetStart: number
  /** Why it counted: the alias kind, a ticker, or the context that admitted an ambiguous alias. */
  rule: MentionRule
  /** The context word, topic word or company name behind rule, else null. */
  ruleDetail: string | null
  confidence: MentionConfidence
}

export interface CompanyMentionCount {
  companyId: number
  count: number
}

export interface MentionMatcherOptions {
  /** Words that show a company is being talked about; default DEFAULT_COMPANY_WORDS. */
  companyWords?: readonly string[]
  /** Extra common Chinese two-character words for the CJK split filter (cjk-filter.ts). */
  extraCjkWords?: readonly string[]
  /** Idioms and set phrases holding a short Chinese alias as ordinary words (快手快脚): vetoed (idioms.ts). */
  cjkVetoPhrases?: readonly string[]
  /** Topic words the themes declare (视频生成, video generation): context for ambiguous aliases. */
  topicWords?: readonly string[]
  /** Tickers of the registry; each matches in the variants people write (0700.HK, 700 HK, HK:0700...). */
  tickers?: readonly MentionTicker[]
  /**
   * Whether a lower-cased US symbol is an ordinary English word (snap, target): such a
   * symbol counts alone only in brackets after its company. Default: a built-in short list.
   */
  isOrdinaryWord?: (word: string) => boolean
}

export interface FindMentionsOptions {
  /** The document's language: aliases tagged with the other language are skipped. */
  language?: 'zh' | 'en'
  /** Units either side of an ambiguous match searched for company context; default 200. */
  contextWindow?: number
  /** Units either side of a match kept in its snippet; default 60. */
  snippetRadius?: number
}

export interface MentionMatcher {
  /** Aliases the matcher was built from (empty ones are ignored). */
  readonly aliasCount: number
  findMentions(text: string, options?: FindMentionsOptions): Mention[]
}
