/**
 * Names the registry does not know yet (issue 13, section 2): while a document is matched,
 * pick out what looks like a company or a product but is no alias of any company, so an
 * analyst can add it. Pure and linear: it runs on every document after matching.
 *
 * It finds:
 * - Chinese organisation names: 2-12 Han characters before 科技, 智能, 集团, 股份, 公司,
 *   实验室, 研究院 (or a glued "AI": 智谱AI), cut where a function word, pronoun or verb
 *   starts the phrase (a segmenter tells the words apart), with the legal form that
 *   follows (有限公司);
 * - English ones: capitalised words before AI, Labs, Inc., Technologies, Robotics...,
 *   after a company word (startup Zhipu), or in a list with a known company;
 * - products next to a known company: 字节跳动旗下即梦, 快手可灵, Kuaishou's Kling.
 *
 * What the mentions already cover (a span overlapping a found mention, a name equal to an
 * alias after folding) and generic phrases (本公司, The Company) are left out. The
 * segmenter and the word list are given by the caller (name-segmenter.server.ts), so this
 * file stays safe for the browser bundle that reaches app/mentions/index.ts.
 */
import { findEnglishNames } from './new-names-en.ts'
import { findChineseNames } from './new-names-zh.ts'
import { snippetBounds } from './snippet.ts'

/** A word and its part-of-speech tag (jieba's tag set: n, v, x for unknown, nz, nr...). */
export interface TaggedWord {
  word: string
  tag: string
}

/** What the extractor needs that is too big for the browser: a segmenter and word lists. */
export interface NameSegmenter {
  /** Segments simplified Chinese into tagged words. */
  tag(text: string): readonly TaggedWord[]
  /** Traditional to simplified, one character to one character (same length). */
  toSimplified(text: string): string
  /** An ordinary English word (lower case): "moonshot", "runway". */
  isEnglishWord(word: string): boolean
}

export interface KnownMention {
  start: number
  end: number
  companyId: number
}

export interface NewNameContext {
  /** The mentions the matcher kept in this text. */
  mentions: readonly KnownMention[]
  /** Is this folded name (newNameKey) already an alias of some company? */
  isKnownName(key: string): boolean
  segmenter: NameSegmenter
}

export type NewNameKind = 'org' | 'product'

export interface NewNameCandidate {
  /** newNameKey(text): folded, simplified; the same name in any script or width. */
  key: string
  /** As written in the text. */
  text: string
  language: 'zh' | 'en'
  kind: NewNameKind
  /** The known company a product was named next to, else null. */
  ownerCompanyId: number | null
  start: number
  end: number
  snippet: string
  snippetStart: number
}

/** A raw find before the checks every kind shares. */
export interface NameHit {
  start: number
  end: number
  kind: NewNameKind
  ownerCompanyId: number | null
  /** Keys that also count as "already known" (the name without its legal form). */
  alsoKeys?: readonly string[]
}

const MAX_NAME_LENGTH = 60

// Phrases that look like names and never are one.
const GENERIC = new Set(
  [
    '本公司',
    '该公司',
    '我们公司',
    '我公司',
    '贵公司',
    '母公司',
    '子公司',
    '分公司',
    '总公司',
    '上市公司',
    '科技公司',
    '有限公司',
    '股份有限公司',
    '集团公司',
    '控股公司',
    'the company',
    'our company',
    'this company',
    'the group',
    'the firm',
  ].map((p) => p.toLowerCase()),
)

/** The fold for candidate keys: NFKC, lower case, one space, traditional -> simplified. */
export function newNameKey(text: string, toSimplified: (text: string) => string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim())
}

/** Sorted, non-overlapping spans of what the matcher found, for overlap checks. */
function coveredBy(mentions: readonly KnownMention[]): (start: number, end: number) => boolean {
  const spans = [...mentions].sort((a, b) => a.start - b.start)
  return (start, end) => {
    let lo = 0
    let hi = spans.length
    // First mention ending after start.
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (spans[mid]!.end <= start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < spans.length && spans[i]!.start < end; i++) if (spans[i]!.end > start) return true
    return false
  }
}

export interface ExtractNewNamesOptions {
  /** Units either side of a name kept in its snippet; default 60. */
  snippetRadius?: number
  /** At most this many candidates per text (a pathological document stays bounded). */
  limit?: number
}

/** Names in the text that look like companies or products and that no alias covers, in text order. */
export function extractNewNames(text: string, context: NewNameContext, options: ExtractNewNamesOptions = {}): NewNameCandidate[] {
  const { snippetRadius = 60, limit = 500 } = options
  const { segmenter, isKnownName } = context
  const mentions = [...context.mentions].sort((a, b) => a.start - b.start)
  const covered = coveredBy(mentions)
  const hits = [...findChineseNames(text, mentions, segmenter), ...findEnglishNames(text, mentions, segmenter)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  )
  const found: NewNameCandidate[] = []
  let lastEnd = -1
  for (const hit of hits) {
    if (found.length >= limit) break
    if (hit.start < lastEnd) continue
    const name = text.slice(hit.start, hit.end)
    if (name.length < 2 || name.length > MAX_NAME_LENGTH || covered(hit.start, hit.end)) continue
    const key = newNameKey(name, segmenter.toSimplified)
    if (GENERIC.has(key) || isKnownName(key)) continue
    if (hit.alsoKeys?.some((k) => GENERIC.has(k) || isKnownName(k))) continue
    const { from, to } = snippetBounds(text, hit.start, hit.end, snippetRadius)
    found.push({
      key,
      text: name,
      language: /\p{Script=Han}/u.test(name) ? 'zh' : 'en',
      kind: hit.kind,
      ownerCompanyId: hit.ownerCompanyId,
      start: hit.start,
      end: hit.end,
      snippet: text.slice(from, to),
      snippetStart: from,
    })
    lastEnd = hit.end
  }
  return found
}
