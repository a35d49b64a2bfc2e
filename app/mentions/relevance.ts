import { foldAliasKey } from './fold.ts'

// Is a document ABOUT a company, or does it only mention it in passing? Decided per
// company per document from what a reader would notice first: the company is in the
// title, in the opening paragraph, or named so often that it cannot be a side remark.
// The /mentions dashboard can count only the documents about a company.

export type MentionRelevance = 'about' | 'passing'

/** Dense: at least this many mentions per 1,000 characters of text... */
export const DENSE_PER_THOUSAND = 2
/** ...or at least this share of all the document's mentions... */
export const DOMINANT_SHARE = 0.4
/** ...and never on fewer than this many mentions (a 200-character note naming it once is not "dense"). */
export const DENSE_MIN_MENTIONS = 3
/** The opening paragraph ends at the first blank line, or this many characters in. */
export const OPENING_MAX = 600
/** A first paragraph shorter than this is a heading or a dateline: the next one opens the text. */
const HEADING_MAX = 40
/** Characters of the body that judgeRelevance may read (a heading, then the opening paragraph). */
export const OPENING_READ = 2 * OPENING_MAX + 2

export interface RelevanceMention {
  companyId: number
  start: number
  /** The alias that matched; looked for in the title too. */
  aliasText: string
}

export interface RelevanceInput {
  title: string
  /** The start of the body is enough: only OPENING_MAX characters (plus a heading) are read. */
  opening: string
  /** The whole body's length, for density. */
  bodyLength: number
  mentions: readonly RelevanceMention[]
}

/** Where the opening paragraph ends in `text` (UTF-16 index). */
export function openingEnd(text: string): number {
  const lead = text.length - text.trimStart().length
  const paragraphEnd = (from: number) => {
    const blank = /\n[ \t\u3000]*\n/.exec(text.slice(from, from + OPENING_MAX))
    return blank ? from + blank.index : Math.min(text.length, from + OPENING_MAX)
  }
  let end = paragraphEnd(lead)
  if (end - lead < HEADING_MAX && end < text.length) end = paragraphEnd(end + 1)
  return Math.min(end, lead + OPENING_MAX)
}

const LATIN = /[a-z0-9]/

/** The alias in the title as a whole word (no "meta" in "metadata"). */
function titleNames(foldedTitle: string, aliasText: string): boolean {
  const key = foldAliasKey(aliasText)
  if (!key) return false
  for (let at = foldedTitle.indexOf(key); at >= 0; at = foldedTitle.indexOf(key, at + 1)) {
    const before = foldedTitle[at - 1] ?? ' '
    const after = foldedTitle[at + key.length] ?? ' '
    if ((!LATIN.test(key[0]) || !LATIN.test(before)) && (!LATIN.test(key[key.length - 1]) || !LATIN.test(after))) return true
  }
  return false
}

/** 'about' or 'passing' for every company with a mention in the document. */
export function judgeRelevance(input: RelevanceInput): Map<number, MentionRelevance> {
  const byCompany = new Map<number, RelevanceMention[]>()
  for (const m of input.mentions) {
    const list = byCompany.get(m.companyId)
    if (list) list.push(m)
    else byCompany.set(m.companyId, [m])
  }
  const foldedTitle = foldAliasKey(input.title)
  const opening = openingEnd(input.opening)
  const total = input.mentions.length
  const perThousand = (n: number) => (n * 1000) / Math.max(input.bodyLength, 1)
  const result = new Map<number, MentionRelevance>()
  for (const [companyId, list] of byCompany) {
    const inTitle = [...new Set(list.map((m) => m.aliasText))].some((alias) => titleNames(foldedTitle, alias))
    const inOpening = list.some((m) => m.start < opening)
    const dense =
      list.length >= DENSE_MIN_MENTIONS && (perThousand(list.length) >= DENSE_PER_THOUSAND || list.length / total >= DOMINANT_SHARE)
    result.set(companyId, inTitle || inOpening || dense ? 'about' : 'passing')
  }
  return result
}
