/**
 * Sentences and lists, for the listed_with rule (admission.ts): "Sora、Runway和Pika" or
 * "rivals including Meta, Google, Microsoft, Runway, Pika and Stability" name companies
 * side by side, so an unambiguous name in the list is context for an ambiguous one.
 *
 * Two mentions are in one list when the text between them is made only of separators
 * (、 ， , ; / & 和 与 及 以及 或 and or plus) and at most a few short items that are no mention
 * (Microsoft when it is not in the registry), with a separator between any two items.
 * A sentence end (。！？!? a line break, or a full stop before a space) ends the list.
 */

const MAX_GAP = 60
const MAX_ITEMS = 3
const MAX_LATIN_WORDS_PER_ITEM = 3
const MAX_HAN_PER_ITEM = 6

const SEPARATOR_UNITS = new Set([...'、，,;；/&＆和与與及或'])
const LATIN_SEPARATORS = new Set(['and', 'or', 'plus', 'including', 'like', 'vs', 'versus'])
const NEUTRAL_UNITS = new Set([...' \t\u00a0\u3000"\'“”‘’「」『』《》()（）[]【】'])
const SENTENCE_ENDS = new Set([...'。！？!?\n\r'])

/** Whether the unit at `index` ends a sentence (a full stop only before white space or the end). */
export function isSentenceEnd(text: string, index: number): boolean {
  const char = text[index]
  if (SENTENCE_ENDS.has(char)) return true
  if (char !== '.' && char !== '．') return false
  const next = text.charCodeAt(index + 1)
  return Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09 || next === 0x3000
}

/** The sentence around [start, end), looking at most `limit` units either way. */
export function sentenceAround(text: string, start: number, end: number, limit: number): [number, number] {
  let from = start
  while (from > 0 && start - from < limit && !isSentenceEnd(text, from - 1)) from--
  let to = end
  while (to < text.length && to - end < limit && !isSentenceEnd(text, to)) to++
  return [from, to]
}

const isLatinLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
const isLatinWordUnit = (code: number) => isLatinLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e
const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)

/**
 * Whether text[from, to), the text between two mentions, only separates list items. The
 * mentions on either side are items, so the gap must start and end with a separator.
 */
export function isListGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_GAP) return false
  // Plain locals, no closures: this runs for every pair of neighbouring candidates in a list.
  let items = 0
  let inItem = true // the mention before the gap
  let itemWords = 0
  let itemHan = 0
  let i = from
  while (i < to) {
    const char = text[i]
    const code = text.charCodeAt(i)
    let isItem = false
    if (NEUTRAL_UNITS.has(char)) {
      i++
      continue
    }
    if (char === '以' && text[i + 1] === '及') i += 2
    else if (SEPARATOR_UNITS.has(char)) i++
    else if (isLatinLetter(code) || (code >= 0x30 && code <= 0x39)) {
      let j = i
      while (j < to && isLatinWordUnit(text.charCodeAt(j))) j++
      isItem = !LATIN_SEPARATORS.has(text.slice(i, j).toLowerCase())
      i = j
      if (isItem) itemWords++
    } else if (isHan(code)) {
      isItem = true
      itemHan++
      i++
    } else return false // a sentence end, a percent sign, anything else: not a list
    if (!isItem) {
      inItem = false
      itemWords = 0
      itemHan = 0
      continue
    }
    // Continuing the mention before the gap is no list: "Runway Microsoft".
    if (inItem && items === 0) return false
    if (!inItem) {
      if (++items > MAX_ITEMS) return false
      inItem = true
      itemWords = isLatinLetter(code) || (code >= 0x30 && code <= 0x39) ? 1 : 0
      itemHan = isHan(code) ? 1 : 0
    }
    if (itemWords > MAX_LATIN_WORDS_PER_ITEM || itemHan > MAX_HAN_PER_ITEM) return false
  }
  return !inItem
}
