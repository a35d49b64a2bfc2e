/**
 * Per-code-unit text folding for the mention engine.
 *
 * Aliases are stored under `normaliseText` (NFKC, lower case, one space for any run of
 * white space). Running NFKC over a whole document would change its length (ﬁ -> fi,
 * ㈱ -> (株)), and mentions must carry offsets into the ORIGINAL text. So the engine folds
 * one UTF-16 code unit at a time through a table: each unit maps to the single unit its
 * NFKC form lower-cases to, or to itself when that form is longer than one unit. This
 * covers what matters for company names: full-width ASCII (Ｏｐｅｎ ＡＩ -> open ai),
 * the ideographic space and every other white space (-> " "), CJK compatibility
 * ideographs, half-width katakana and letter case. Surrogates map to themselves, so
 * astral characters (emoji) pass through unchanged and keep their two units.
 *
 * Traditional Chinese folds to simplified, character to character (traditional.ts), after
 * NFKC: 騰訊 matches the alias 腾讯 and 萬興科技 matches 万兴科技, with offsets and snippets
 * still those of the original text.
 *
 * Beyond NFKC, the look-alike hyphens (U+2010-2013, U+2212) fold to "-" and the middle
 * dots (U+2027, U+2219, U+22C5, U+30FB, U+FF65) to "·", on both sides: Chinese and web
 * text write GPT‑4V and DALL・E with them. Aliases stored under normaliseText still match;
 * the engine is only more lenient than the stored key.
 *
 * Runs of white space are collapsed by the scanner (a space after a space is skipped),
 * not by the table, for the same offset reason.
 *
 * Known gaps, accepted: per-unit folding does not compose combining sequences (e + U+0301
 * stays two units) and lower-cases the Greek final sigma as σ.
 */

import { traditionalToSimplified } from './traditional.ts'

export const SPACE = 0x20

// Punctuation that NFKC leaves alone but writers use interchangeably inside names.
const PUNCTUATION_FOLDS: Record<number, number> = {
  0x2010: 0x2d,
  0x2011: 0x2d,
  0x2012: 0x2d,
  0x2013: 0x2d,
  0x2212: 0x2d,
  0x2027: 0xb7,
  0x2219: 0xb7,
  0x22c5: 0xb7,
  0x30fb: 0xb7,
  0xff65: 0xb7,
}

/** Character classes used by the boundary rules. */
export const CharClass = {
  Other: 0,
  /** A letter, digit or mark of a script written with spaces (Latin, Greek, Cyrillic...). */
  Word: 1,
  /** Han ideographs, kana, Hangul, Bopomofo: scripts whose words are not space-separated. */
  Cjk: 2,
} as const

export interface FoldTables {
  /** NFKC + lower case + white space -> " ", per code unit (the matching fold). */
  readonly fold: Uint16Array
  /** NFKC + white space -> " " without case folding (for case-sensitive aliases). */
  readonly width: Uint16Array
  /** CharClass of each code unit's folded form. */
  readonly charClass: Uint8Array
  /** 1 for Han ideographs (the CJK word filter only looks at these). */
  readonly han: Uint8Array
}

let tables: FoldTables | undefined

/**
 * Built once per process on first use (~50 ms: 64k calls to normalize/toLowerCase),
 * then shared by every matcher, so rebuilding a matcher does not pay it again.
 */
export function getFoldTables(): FoldTables {
  tables ??= buildTables()
  return tables
}

function buildTables(): FoldTables {
  const fold = new Uint16Array(0x10000)
  const width = new Uint16Array(0x10000)
  const charClass = new Uint8Array(0x10000)
  const han = new Uint8Array(0x10000)
  const whiteSpace = /\s/u
  const wordChar = /[\p{L}\p{N}\p{M}]/u
  const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u
  const hanChar = /\p{Script=Han}/u
  const simplified = traditionalToSimplified()
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) {
      fold[unit] = unit
      width[unit] = unit
      continue
    }
    const char = String.fromCharCode(unit)
    let w = unit
    if (whiteSpace.test(char)) w = SPACE
    else if (PUNCTUATION_FOLDS[unit] !== undefined) w = PUNCTUATION_FOLDS[unit]
    else {
      const nfkc = char.normalize('NFKC')
      if (nfkc.length === 1) w = nfkc.charCodeAt(0)
    }
    w = simplified.get(w) ?? w
    width[unit] = w
    const lower = String.fromCharCode(w).toLowerCase()
    const f = lower.length === 1 ? lower.charCodeAt(0) : w
    fold[unit] = f
    const folded = String.fromCharCode(f)
    if (cjkChar.test(folded)) {
      charClass[unit] = CharClass.Cjk
      if (hanChar.test(folded)) han[unit] = 1
    } else if (wordChar.test(folded)) charClass[unit] = CharClass.Word
  }
  return { fold, width, charClass, han }
}

/**
 * The key an alias is matched under: NFKC first (like normaliseText, so ligatures and
 * composed accents in an alias become what documents usually contain), then the per-unit
 * fold, white space runs collapsed, ends trimmed. For ordinary aliases this equals
 * normaliseText(alias).
 */
export function foldAliasKey(text: string, caseSensitive = false): string {
  const { fold, width } = getFoldTables()
  const table = caseSensitive ? width : fold
  const nfkc = text.normalize('NFKC')
  let out = ''
  let lastWasSpace = true // drops leading white space
  for (let i = 0; i < nfkc.length; i++) {
    const unit = table[nfkc.charCodeAt(i)]
    if (unit === SPACE) {
      if (lastWasSpace) continue
      lastWasSpace = true
    } else lastWasSpace = false
    out += String.fromCharCode(unit)
  }
  return lastWasSpace && out.length > 0 ? out.slice(0, -1) : out
}

/** Whether the unit at `index` is a white space that the scanner skips (it follows one). */
export function isCollapsedSpace(text: string, index: number, fold: Uint16Array): boolean {
  return index > 0 && fold[text.charCodeAt(index)] === SPACE && fold[text.charCodeAt(index - 1)] === SPACE
}

/**
 * Where a match starts, given where it ends and how many folded units it consumed. Equal
 * to end - length unless the span held collapsed white space, so callers only walk back
 * for keys that contain a space.
 */
export function matchStart(text: string, end: number, length: number, fold: Uint16Array): number {
  let index = end
  let consumed = 0
  while (consumed < length && index > 0) {
    index--
    if (!isCollapsedSpace(text, index, fold)) consumed++
  }
  return index
}

/**
 * Whether text[start, end) equals `widthKey` (an alias folded WITHOUT case folding),
 * skipping collapsed white space: the check behind case-sensitive aliases.
 */
export function equalsExactCase(text: string, start: number, end: number, widthKey: string): boolean {
  const { width, fold } = getFoldTables()
  let k = 0
  for (let i = start; i < end; i++) {
    if (isCollapsedSpace(text, i, fold)) continue
    if (k >= widthKey.length || width[text.charCodeAt(i)] !== widthKey.charCodeAt(k)) return false
    k++
  }
  return k === widthKey.length
}

/** Folds a whole string unit by unit (same length): for tests and debugging. */
export function foldText(text: string): string {
  const { fold } = getFoldTables()
  let out = ''
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold[text.charCodeAt(i)])
  return out
}
