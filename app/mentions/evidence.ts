/**
 * The evidence the admission rule (admission.ts) looks up around a candidate: context
 * words near it, negative context in its sentence, ticker context before a bare code, and
 * whether it sits in Chinese text.
 */
import type { AdmissionInput } from './admission.ts'
import { WordKind } from './context.ts'
import { sentenceAround } from './lists.ts'
import { BareCode } from './tickers.ts'

const OPENING_BRACKETS = new Set([...'(（[【〔'])
const CLOSING_AFTER_CODE = new Set([...')）]】〕,，;；、 '])

const isCjkUnit = (unit: number) =>
  (unit >= 0x3000 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff) || (unit >= 0xff01 && unit <= 0xff20)

/** A Chinese match, or a Latin one whose nearest non-space neighbour is CJK. */
export function isInCjkText(text: string, start: number, end: number): boolean {
  if (isCjkUnit(text.charCodeAt(start))) return true
  let before = start - 1
  while (before >= 0 && text.charCodeAt(before) === 0x20) before--
  let after = end
  while (after < text.length && text.charCodeAt(after) === 0x20) after++
  return (before >= 0 && isCjkUnit(text.charCodeAt(before))) || (after < text.length && isCjkUnit(text.charCodeAt(after)))
}

export interface Words {
  starts: number[]
  ends: number[]
  ids: number[]
  longest: number
}

export function isVetoed(input: AdmissionInput, words: Words, m: number): boolean {
  const negative = input.targetNegative[input.targets[m]]
  if (!negative || negative.size === 0) return false
  const [from, to] = sentenceAround(input.text, input.starts[m], input.ends[m], input.window)
  for (let k = firstEndingAfter(words.ends, from); k < words.ends.length && words.ends[k] - words.longest < to; k++) {
    if (words.starts[k] >= from && words.ends[k] <= to && negative.has(words.ids[k])) return true
  }
  return false
}

export function hasTickerContext(input: AdmissionInput, words: Words, m: number, bare: number): boolean {
  const { text, starts, ends, targets, targetCompany } = input
  const start = starts[m]
  const end = ends[m]
  let before = start - 1
  while (before >= 0 && (text[before] === ' ' || text[before] === '\u3000')) before--
  const bracketed = before >= 0 && OPENING_BRACKETS.has(text[before]) && (end === text.length || CLOSING_AFTER_CODE.has(text[end]))
  // The previous chosen candidate, if it is the same company and ends right before.
  const previous = m > 0 && targetCompany[targets[m - 1]] === targetCompany[targets[m]] ? ends[m - 1] : -1
  const afterCompany = previous >= 0 && /^[\s(（:：]{0,3}$/u.test(text.slice(previous, start))
  if (bare === BareCode.Digits && (bracketed || afterCompany)) return true
  for (let k = firstEndingAfter(words.ends, start - 6); k < words.ends.length && words.ends[k] <= start; k++) {
    if ((input.wordKind[words.ids[k]] & WordKind.CodeLabel) !== 0 && /^[\s:：为是]*$/u.test(text.slice(words.ends[k], start))) return true
  }
  return false
}

/** The word of this kind nearest to candidate m within [from, to); adjacent: only spaces, punctuation or "the" between. */
export function nearestWord(
  input: AdmissionInput,
  words: Words,
  m: number,
  from: number,
  to: number,
  kind: number,
  adjacent = false,
): string | null {
  const { starts, ends, wordKind, text } = input
  let best = -1
  let bestDistance = Infinity
  for (let k = firstEndingAfter(words.ends, from); k < words.ends.length && words.ends[k] - words.longest < to; k++) {
    if (words.starts[k] < from || words.starts[k] >= to || (wordKind[words.ids[k]] & kind) === 0) continue
    const distance = words.ends[k] <= starts[m] ? starts[m] - words.ends[k] : words.starts[k] - ends[m]
    if (adjacent) {
      const gap = words.ends[k] <= starts[m] ? text.slice(words.ends[k], starts[m]) : text.slice(ends[m], words.starts[k])
      if (!isAdjacentGap(gap)) continue
    }
    if (distance < bestDistance || (distance === bestDistance && words.ends[k] - words.starts[k] > words.ends[best] - words.starts[best])) {
      best = k
      bestDistance = distance
    }
  }
  // As written in the document (Inc., 視頻生成), which is what a reader recognises.
  return best < 0 ? null : text.slice(words.starts[best], words.ends[best])
}

const GAP_WORDS = new Set(['the', 'a', 'this', 'its', '该', '这家', '一家'])
// After a possessive, one of these may stand before the word: "Stability's new CEO".
const POSSESSIVE_GAP_WORDS = new Set(['new', 'former', 'interim', 'incoming', 'outgoing', 'own', 'founding', 'acting'])
const POSSESSIVE = /^['’]s\s+/u

/**
 * Only punctuation, spaces and at most one article or demonstrative: "Runway, the startup";
 * or a possessive and at most one word such as "new": "Stability's new CEO".
 */
function isAdjacentGap(gap: string): boolean {
  if (POSSESSIVE.test(gap)) {
    const rest = gap.replace(POSSESSIVE, '').split(/\s+/u).filter(Boolean)
    return rest.length === 0 || (rest.length === 1 && POSSESSIVE_GAP_WORDS.has(rest[0].toLowerCase()))
  }
  const words = gap.split(/[\s,，、'’-]+/u).filter(Boolean)
  return words.length === 0 || (words.length === 1 && GAP_WORDS.has(words[0].toLowerCase()))
}

/** Word hits outside every chosen candidate: 科技 inside 商汤科技 describes that company only. */
export function wordsOutsideMentions(input: AdmissionInput): Words {
  const { starts: chosenStarts, ends: chosenEnds, wordStarts, wordEnds, wordIds } = input
  const words: Words = { starts: [], ends: [], ids: [], longest: 0 }
  let m = 0
  for (let k = 0; k < wordEnds.length; k++) {
    while (m < chosenEnds.length && chosenEnds[m] < wordEnds[k]) m++
    if (m < chosenEnds.length && chosenStarts[m] <= wordStarts[k]) continue
    words.starts.push(wordStarts[k])
    words.ends.push(wordEnds[k])
    words.ids.push(wordIds[k])
    words.longest = Math.max(words.longest, wordEnds[k] - wordStarts[k])
  }
  return words
}

/** Index of the first value greater than `value` in a non-decreasing array. */
export function firstEndingAfter(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] > value) hi = mid
    else lo = mid + 1
  }
  return lo
}
