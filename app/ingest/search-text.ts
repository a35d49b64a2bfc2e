// How document text is cut into search tokens, the same way at ingest and at query time
// (decision 028). Pure: no database. Chinese has no spaces between words, so Han (and
// kana, Hangul) characters are indexed one by one and as overlapping pairs: 即梦 in
// 字节跳动旗下即梦发布 is the pair 即梦, whatever the words around it. Other words are
// runs of letters and digits, lower-cased after NFKC (全角 ＡＩ is ai).

/** Bump when tokens change: rows of an older version are rebuilt by the backfill. */
export const SEARCH_TOKENIZER_VERSION = 1

/** Longer words are cut: a tsvector lexeme has a size limit, and no one searches for them. */
const MAX_WORD = 60
/** PostgreSQL keeps positions up to 16,383; later ones count there (ranking only). */
const MAX_POSITION = 16_383
/** Positions kept per token (PostgreSQL keeps 256). */
const MAX_POSITIONS_PER_TOKEN = 256
/** Bytes of distinct tokens in one tsvector, under PostgreSQL's 1 MB limit. */
const MAX_VECTOR_BYTES = 900_000

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD = /[\p{L}\p{N}\p{M}]/u
const SPACE = /\s/u

type CharClass = 'cjk' | 'word' | 'space' | 'other'

function classOf(ch: string): CharClass {
  const code = ch.charCodeAt(0)
  // Fast paths for ASCII and the common Han block: most of every document.
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return 'word'
    return code === 32 || (code >= 9 && code <= 13) ? 'space' : 'other'
  }
  if (code >= 0x4e00 && code <= 0x9fff) return 'cjk'
  if (CJK.test(ch)) return 'cjk'
  if (WORD.test(ch)) return 'word'
  return SPACE.test(ch) ? 'space' : 'other'
}

/**
 * Text folded for searching, with where each folded UTF-16 unit came from in the original:
 * NFKC and lower case per character, runs of white space as one space, and no space
 * between two CJK characters (a line break inside a Chinese sentence is not a break).
 */
export interface FoldedText {
  text: string
  /** from[i]: the original offset of folded unit i; from[text.length] is the original length. */
  from: number[]
  /** to[i]: the original offset just after the character folded unit i came from. */
  to: number[]
}

export function foldText(original: string): FoldedText {
  let text = ''
  const from: number[] = []
  const to: number[] = []
  let pendingSpace = -1
  let lastClass: CharClass = 'space'
  let at = 0
  for (const ch of original) {
    const start = at
    at += ch.length
    const cls = classOf(ch)
    if (cls === 'space') {
      if (pendingSpace < 0 && text.length > 0) pendingSpace = start
      continue
    }
    const simple = cls === 'cjk' ? ch.charCodeAt(0) >= 0x4e00 && ch.charCodeAt(0) <= 0x9fff : ch.charCodeAt(0) < 128
    const folded = simple ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase()
    const foldedClass = simple ? cls : classOf(folded[0] ?? ch)
    if (pendingSpace >= 0 && !(lastClass === 'cjk' && foldedClass === 'cjk')) {
      text += ' '
      from.push(pendingSpace)
      to.push(start)
    }
    pendingSpace = -1
    for (let i = 0; i < folded.length; i++) {
      from.push(start)
      to.push(at)
    }
    text += folded
    lastClass = foldedClass
  }
  from.push(original.length)
  return { text, from, to }
}

interface Token {
  token: string
  position: number
}

/**
 * Tokens of folded text with their positions. Each CJK character takes one position and
 * gives its single-character token and, when the next character is CJK too, the pair
 * starting there; each other word takes one position. `pairsOnly` (queries): a CJK run of
 * two or more gives only its pairs, since every pair implies its characters.
 */
export function tokensOf(folded: string, options: { pairsOnly?: boolean; firstPosition?: number } = {}): Token[] {
  const tokens: Token[] = []
  const chars = Array.from(folded)
  let position = options.firstPosition ?? 1
  let i = 0
  while (i < chars.length) {
    const cls = classOf(chars[i])
    if (cls === 'cjk') {
      let end = i
      while (end < chars.length && classOf(chars[end]) === 'cjk') end++
      for (let k = i; k < end; k++, position++) {
        if (!options.pairsOnly || end - i === 1) tokens.push({ token: chars[k], position })
        if (k + 1 < end) tokens.push({ token: chars[k] + chars[k + 1], position })
      }
      i = end
    } else if (cls === 'word') {
      let end = i
      while (end < chars.length && classOf(chars[end]) === 'word') end++
      tokens.push({ token: chars.slice(i, Math.min(end, i + MAX_WORD)).join(''), position })
      position++
      i = end
    } else {
      i++
    }
  }
  return tokens
}

function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/**
 * A document's tokens as tsvector text: title tokens weigh A, text tokens D, positions
 * running on from the title into the text. Built here so both databases store the same.
 */
export function searchVectorOf(foldedTitle: string, foldedBody: string): string {
  const entries = new Map<string, string[]>()
  let bytes = 0
  const add = (tokens: Token[], weight: string) => {
    for (const { token, position } of tokens) {
      let positions = entries.get(token)
      if (!positions) {
        const size = token.length * 3 + 8 // UTF-8 bytes at most, plus the entry
        if (bytes + size > MAX_VECTOR_BYTES) continue
        bytes += size
        positions = []
        entries.set(token, positions)
      }
      if (positions.length < MAX_POSITIONS_PER_TOKEN && position <= MAX_POSITION) positions.push(`${position}${weight}`)
    }
  }
  const titleTokens = tokensOf(foldedTitle)
  add(titleTokens, 'A')
  const next = titleTokens.reduce((max, t) => Math.max(max, t.position), 0) + 2
  add(tokensOf(foldedBody, { firstPosition: next }), '')
  const parts: string[] = []
  for (const [token, positions] of entries)
    parts.push(positions.length ? `${quoteLexeme(token)}:${positions.join(',')}` : quoteLexeme(token))
  return parts.join(' ')
}

/** What the search index stores for a document: its tsvector text and its folded text (phrases are checked on it). */
export interface SearchText {
  words: string
  plain: string
}

/** A document's search index row, from its title and text (ingest works it out off the request thread). */
export function searchTextOf(title: string, body: string): SearchText {
  const foldedTitle = foldText(title).text
  const foldedBody = foldText(body).text
  return { words: searchVectorOf(foldedTitle, foldedBody), plain: `${foldedTitle}\n${foldedBody}` }
}

/** tsquery text requiring every token (AND). */
export function searchQueryOf(tokens: readonly string[]): string {
  return [...new Set(tokens)].map(quoteLexeme).join(' & ')
}
