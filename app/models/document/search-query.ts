// What a person typed into document search, cut into terms (decision 028). Pure.
// Words are separated by spaces; "text in quotes" is one phrase; a run without spaces
// (字节跳动旗下即梦, gpt-4o) must appear as typed. Every term must be found (AND).

import { foldText, tokensOf } from '#app/ingest/search-text.ts'

export const MAX_QUERY_LENGTH = 200
const MAX_TERMS = 10
const MAX_TOKENS = 32
const MAX_MATCHES = 500

export interface SearchTerm {
  /** The term folded like the index's plain text: what a phrase check looks for. */
  folded: string
  tokens: string[]
  /** More than one token: the tokens alone do not prove the term is there as typed. */
  phrase: boolean
}

export type QueryProblem = 'tooLong' | 'nothingToSearch' | 'tooManyWords'

export type ParsedQuery = { ok: true; terms: SearchTerm[] } | { ok: false; problem: QueryProblem }

const QUOTES = new Set(['"', '\u201c', '\u201d', '\uff02', '\u300c', '\u300d'])

export function parseDocumentQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, problem: 'tooLong' }
  const chunks: string[] = []
  let current = ''
  let quoted = false
  const flush = () => {
    if (current.trim()) chunks.push(current)
    current = ''
  }
  for (const ch of query) {
    if (QUOTES.has(ch)) {
      flush()
      quoted = !quoted
    } else if (!quoted && /\s/u.test(ch)) flush()
    else current += ch
  }
  flush()
  const terms: SearchTerm[] = []
  const seen = new Set<string>()
  for (const chunk of chunks) {
    const folded = foldText(chunk).text.trim()
    const tokens = tokensOf(folded, { pairsOnly: true }).map((t) => t.token)
    if (tokens.length === 0 || seen.has(folded)) continue
    seen.add(folded)
    terms.push({ folded, tokens, phrase: tokens.length > 1 })
  }
  if (terms.length === 0) return { ok: false, problem: 'nothingToSearch' }
  const distinct = new Set(terms.flatMap((t) => t.tokens))
  if (terms.length > MAX_TERMS || distinct.size > MAX_TOKENS) return { ok: false, problem: 'tooManyWords' }
  return { ok: true, terms }
}

export interface TextRange {
  start: number
  end: number
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function isWordEdge(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !CJK_CHAR.test(ch)
}

/**
 * Where the terms occur in the original text (UTF-16 offsets, sorted, not overlapping).
 * A term that starts or ends with a Latin letter or digit matches whole words only, as the
 * index does (ai is not in "said"); CJK matches anywhere, as the pairs do.
 */
export function findTermRanges(original: string, terms: readonly SearchTerm[]): TextRange[] {
  const folded = foldText(original)
  const found: TextRange[] = []
  for (const term of terms) {
    const needle = term.folded
    const wordStart = isWordEdge(needle[0])
    const wordEnd = isWordEdge(needle[needle.length - 1])
    let at = folded.text.indexOf(needle)
    while (at >= 0 && found.length < MAX_MATCHES) {
      const end = at + needle.length
      const before = folded.text[at - 1]
      const after = folded.text[end]
      if (!(wordStart && isWordEdge(before)) && !(wordEnd && isWordEdge(after))) {
        found.push({ start: folded.from[at], end: folded.to[end - 1] })
      }
      at = folded.text.indexOf(needle, end)
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: TextRange[] = []
  for (const range of found) {
    const last = merged[merged.length - 1]
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

export interface Snippet {
  text: string
  /** Offsets into text of the matches to mark. */
  marks: TextRange[]
  cutStart: boolean
  cutEnd: boolean
  /** Where the snippet's text starts in the original. */
  from: number
}

/** A short window of the text around its first match, with the matches in it. */
export function snippetOf(original: string, ranges: readonly TextRange[], width = 160): Snippet {
  const first = ranges[0]
  let start = first ? Math.max(0, first.start - Math.floor(width / 3)) : 0
  let end = Math.min(original.length, start + width)
  if (first && end < first.end) end = Math.min(original.length, first.end + 20)
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(original[start] ?? '')) start--
  if (end < original.length && /[\ud800-\udbff]/.test(original[end - 1] ?? '')) end++
  const marks = ranges.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start - start, end: r.end - start }))
  return { text: original.slice(start, end), marks, cutStart: start > 0, cutEnd: end < original.length, from: start }
}
