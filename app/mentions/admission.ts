/**
 * Which chosen candidates count, and why (issue 12, items 1, 4, 5, 8). Runs after the
 * leftmost-longest selection, so all evidence is a mention that was really chosen.
 *
 * In this order, for each chosen candidate:
 *   1. Negative context: a word of the alias's negativeContext in the same sentence and
 *      within the window vetoes it, whatever else is around (苹果 near 水果).
 *   2. A bare ticker needs ticker context (tickers.ts): digits in brackets, right after the
 *      same company or after a code label; short or ordinary-word letters only in
 *      brackets right after the same company. Rule 'ticker'.
 *   3. A non-ambiguous alias or a ticker counts: rule 'name', 'product' or 'ticker', high.
 *   4. An ambiguous alias counts with, first found wins:
 *      a. a kept unambiguous mention of the same company in the window: that mention's
 *         rule, its alias as detail, high;
 *      b. a version right after it (Pika1.0, Pika 2.1, Gemini v2): 'product', medium;
 *      c. a theme's topic word in the window: 'topic_word', medium;
 *      d. a product word (model, 分割): 'context_word', medium;
 *      e. (not for acronyms such as SAM) a specific company word in the window, or a
 *         generic one right beside it: 'context_word', medium;
 *      f. another company kept in the same list (lists.ts), chaining through the list:
 *         'listed_with', that company's alias as detail, medium;
 *      g. (not for acronyms, nor for aliases that are ordinary words) a generic company
 *         word anywhere in the window: 'context_word', low.
 */
import { ADJACENT_GAP, WordKind } from './context.ts'
import { firstEndingAfter, hasTickerContext, isInCjkText, isVetoed, nearestWord, wordsOutsideMentions } from './evidence.ts'
import { isListGap, sentenceAround } from './lists.ts'
import { BareCode } from './tickers.ts'
import type { MentionConfidence, MentionRule } from './types.ts'

/** Per-target facts the rule reads (matcher.ts fills them). */
export const TargetKind = {
  Ambiguous: 1,
  /** All-caps Latin of at most four letters: needs product context. */
  Acronym: 2,
  /** Also an ordinary word (ambiguousReason): generic company words alone do not admit it. */
  OrdinaryWord: 4,
} as const

export interface AdmissionInput {
  text: string
  starts: readonly number[]
  ends: readonly number[]
  /** The target (alias or ticker variant) of each chosen candidate. */
  targets: readonly number[]
  targetCompany: Int32Array
  targetKind: Uint8Array
  targetBare: Uint8Array
  targetRule: readonly MentionRule[]
  targetLabel: readonly string[]
  targetNegative: readonly (ReadonlySet<number> | undefined)[]
  /** Word hits in order of end position, and what each word is. */
  wordStarts: readonly number[]
  wordEnds: readonly number[]
  wordIds: readonly number[]
  wordKind: Uint8Array
  wordText: readonly string[]
  window: number
}

export interface Admission {
  keep: Uint8Array
  rule: MentionRule[]
  detail: (string | null)[]
  confidence: MentionConfidence[]
}

// Glued (Pika1.0, Gemini2), dotted (Pika 2.1), with a v (Gemini v2), or a spaced number
// that ends the phrase (SAM 2, Veo 3.): not "Pika 2 hours".
const VERSION =
  /^(?:v?\d{1,2}(?:\.\d{1,2}){0,2}|[ -]v?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?|[ -]v\d{1,2}|[ -]\d{1,2}(?=[,;:!?)，。；：！？）]|\.(?!\d)|$))(?![\d%.]?\d)/iu

export function admitMentions(input: AdmissionInput): Admission {
  const { text, starts, ends, targets, targetCompany, targetKind, targetBare, targetRule, targetLabel, window } = input
  const n = starts.length
  const keep = new Uint8Array(n)
  const rule = new Array<MentionRule>(n)
  const detail = new Array<string | null>(n).fill(null)
  const confidence = new Array<MentionConfidence>(n)
  const words = wordsOutsideMentions(input)
  const admit = (m: number, r: MentionRule, d: string | null, c: MentionConfidence) => {
    keep[m] = 1
    rule[m] = r
    detail[m] = d
    confidence[m] = c
  }
  const company = (m: number) => targetCompany[targets[m]]
  const pending: number[] = []
  const vetoed = new Uint8Array(n)

  for (let m = 0; m < n; m++) {
    const t = targets[m]
    if (isVetoed(input, words, m)) {
      vetoed[m] = 1
      continue
    }
    const bare = targetBare[t]
    if (bare !== BareCode.None && bare !== BareCode.Letters) {
      if (hasTickerContext(input, words, m, bare)) admit(m, 'ticker', null, 'high')
    } else if ((targetKind[t] & TargetKind.Ambiguous) === 0) admit(m, targetRule[t], null, 'high')
    else pending.push(m)
  }

  const stillPending: number[] = []
  for (const m of pending) {
    const kind = targetKind[targets[m]]
    const from = starts[m] - window
    const to = ends[m] + window
    let same = -1
    for (let j = firstEndingAfter(ends, from); j < n && starts[j] < to; j++) {
      if (j !== m && keep[j] === 1 && company(j) === company(m) && (targetKind[targets[j]] & TargetKind.Ambiguous) === 0) {
        if (same < 0 || Math.abs(starts[j] - starts[m]) < Math.abs(starts[same] - starts[m])) same = j
      }
    }
    if (same >= 0) {
      admit(m, rule[same] === 'ticker' ? 'ticker' : targetRule[targets[same]], targetLabel[targets[same]], 'high')
      continue
    }
    const version = VERSION.exec(text.slice(ends[m], ends[m] + 12))
    if (version) {
      admit(m, 'product', version[0].trim(), 'medium')
      continue
    }
    const topic = nearestWord(input, words, m, from, to, WordKind.Topic)
    if (topic !== null) {
      admit(m, 'topic_word', topic, 'medium')
      continue
    }
    // A product word speaks for a product or an acronym, not for a company's short name:
    // "Stability of the model" is no mention of Stability AI.
    const productLike = (kind & TargetKind.Acronym) !== 0 || targetRule[targets[m]] === 'product'
    const product = productLike ? nearestWord(input, words, m, from, to, WordKind.Product) : null
    if (product !== null) {
      admit(m, 'context_word', product, 'medium')
      continue
    }
    if ((kind & TargetKind.Acronym) === 0) {
      const specific =
        nearestWord(input, words, m, from, to, WordKind.Specific) ??
        nearestWord(input, words, m, starts[m] - ADJACENT_GAP, ends[m] + ADJACENT_GAP, WordKind.Generic, true)
      if (specific !== null) {
        admit(m, 'context_word', specific, 'medium')
        continue
      }
    }
    stillPending.push(m)
  }

  admitListed(input, keep, vetoed, stillPending, admit)

  for (const m of stillPending) {
    if (keep[m] === 1 || (targetKind[targets[m]] & (TargetKind.Acronym | TargetKind.OrdinaryWord)) !== 0) continue
    const generic = nearestWord(input, words, m, starts[m] - window, ends[m] + window, WordKind.Generic)
    if (generic !== null) admit(m, 'context_word', generic, 'low')
  }
  return { keep, rule, detail, confidence }
}

/**
 * f: lists and sentences, to a fixpoint, since each admission is evidence for the next:
 * another company kept in the same list (medium); an admitted mention of the same
 * company (Meta after SAM 2 was admitted as a product; medium); another company kept in
 * the same sentence (low; never for an acronym). A chosen candidate that is no mention
 * (vetoed or not admitted) is still a list item.
 */
function admitListed(
  input: AdmissionInput,
  keep: Uint8Array,
  vetoed: Uint8Array,
  pending: readonly number[],
  admit: (m: number, r: MentionRule, d: string | null, c: MentionConfidence) => void,
): void {
  if (pending.length === 0) return
  const { text, starts, ends, targets, targetCompany, targetKind, targetLabel, targetRule, window } = input
  const n = starts.length
  const company = (m: number) => targetCompany[targets[m]]
  // Group chosen candidates into lists: neighbours whose gap only separates items.
  // Found only around the candidates still open, not for the whole text: most texts
  // have thousands of mentions and a handful of open ones.
  const listOf = new Map<number, [number, number]>()
  const sentenceOf = new Map<number, [number, number]>()
  const listAround = (m: number): [number, number] => {
    let bounds = listOf.get(m)
    if (!bounds) {
      let first = m
      while (first > 0 && isListGap(text, ends[first - 1], starts[first])) first--
      let last = m
      while (last + 1 < n && isListGap(text, ends[last], starts[last + 1])) last++
      bounds = [first, last + 1]
      listOf.set(m, bounds)
    }
    return bounds
  }
  const open = () => pending.filter((m) => keep[m] === 0 && vetoed[m] === 0)
  const nearest = (m: number, from: number, to: number, sameCompany: boolean) => {
    let best = -1
    for (let j = from; j < to; j++) {
      if (j === m || keep[j] === 0 || (company(j) === company(m)) !== sameCompany) continue
      if (best < 0 || Math.abs(j - m) < Math.abs(best - m)) best = j
    }
    return best
  }
  const listPass = () => {
    let changed = false
    for (const m of open()) {
      const [first, end] = listAround(m)
      const other = nearest(m, first, end, false)
      if (other >= 0) {
        admit(m, 'listed_with', targetLabel[targets[other]], 'medium')
        changed = true
        continue
      }
      const same = nearest(m, firstEndingAfter(ends, starts[m] - window), firstEndingAfter(starts, ends[m] + window), true)
      if (same >= 0) {
        admit(m, targetRule[targets[same]], targetLabel[targets[same]], 'medium')
        changed = true
      }
    }
    return changed
  }
  const sentencePass = () => {
    let changed = false
    for (const m of open()) {
      const kind = targetKind[targets[m]]
      if ((kind & TargetKind.Acronym) !== 0) continue
      // In English text an ordinary word beside a company is still the word ("Apple pie
      // recipes from Google chefs"); inside Chinese text a Latin word is a name.
      if ((kind & TargetKind.OrdinaryWord) !== 0 && !isInCjkText(text, starts[m], ends[m])) continue
      let range = sentenceOf.get(m)
      if (!range) {
        const [from, to] = sentenceAround(text, starts[m], ends[m], window)
        range = [firstEndingAfter(ends, from), firstEndingAfter(starts, to - 1)]
        sentenceOf.set(m, range)
      }
      const other = nearest(m, range[0], range[1], false)
      if (other >= 0) {
        admit(m, 'listed_with', targetLabel[targets[other]], 'low')
        changed = true
      }
    }
    return changed
  }
  while (listPass() || sentencePass()) {
    // Each pass admits at least one more mention, so this ends.
  }
}
