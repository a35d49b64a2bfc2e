/**
 * The ambiguity rule. Some aliases are also ordinary words (Apple, Runway, Gemini, Meta,
 * SAM, Pika): such an alias (isAmbiguous) counts only when the text around it shows the
 * company is meant. Within CONTEXT_WINDOW (200) UTF-16 units before its start or after
 * its end there must be at least one of:
 *   - another mention of the SAME company through a non-ambiguous alias
 *     (Google ... Gemini), or through one of its tickers (even an ambiguous ticker);
 *   - a company word (DEFAULT_COMPANY_WORDS: 公司, 集团, 科技, company, Inc, Labs,
 *     startup, CEO, 股价 ...), matched like an alias (folded, Latin words on word
 *     boundaries). A company word inside another mention (科技 in 商汤科技) does not count:
 *     it describes that company, not this one.
 * Mentions are chosen first (leftmost-longest), then the rule runs on the chosen ones,
 * so evidence is always a mention that was really kept.
 */
export const CONTEXT_WINDOW = 200

export const DEFAULT_COMPANY_WORDS: readonly string[] = [
  '公司',
  '集团',
  '科技',
  '股份',
  '旗下',
  '控股',
  '企业',
  '厂商',
  '初创',
  '创始人',
  '首席执行官',
  '股价',
  '市值',
  '融资',
  '上市',
  '财报',
  'company',
  'companies',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'corporation',
  'ltd',
  'ltd.',
  'limited',
  'plc',
  'llc',
  'gmbh',
  'labs',
  'ai lab',
  'startup',
  'start-up',
  'holdings',
  'technologies',
  'ceo',
  'founder',
]

/** The chosen mentions, in text order (what SpanSelector produced). */
export interface ChosenSpans {
  readonly starts: readonly number[]
  readonly ends: readonly number[]
}

export interface AmbiguityInput {
  chosen: ChosenSpans
  companyOf: (index: number) => number
  isAmbiguous: (index: number) => boolean
  /** A non-ambiguous alias or a ticker: proof of the company for its ambiguous aliases. */
  isEvidence: (index: number) => boolean
  /** Company words found, in order of end position. */
  wordStarts: readonly number[]
  wordEnds: readonly number[]
  window?: number
}

/** For each chosen mention, whether it is kept (1) under the ambiguity rule. */
export function applyAmbiguityRule(input: AmbiguityInput): Uint8Array {
  const { chosen, companyOf, isAmbiguous, isEvidence, window = CONTEXT_WINDOW } = input
  const { starts, ends } = chosen
  const keep = new Uint8Array(starts.length).fill(1)
  let words: { starts: number[]; ends: number[]; longest: number } | undefined
  for (let m = 0; m < starts.length; m++) {
    if (!isAmbiguous(m)) continue
    const from = starts[m] - window
    const to = ends[m] + window
    words ??= wordsOutsideMentions(chosen, input.wordStarts, input.wordEnds)
    if (hasCompanyWord(words, from, to)) continue
    let found = false
    // Chosen spans do not overlap, so ends are sorted too.
    for (let j = firstEndingAfter(ends, from); j < starts.length && starts[j] < to; j++) {
      if (j !== m && companyOf(j) === companyOf(m) && isEvidence(j)) {
        found = true
        break
      }
    }
    if (!found) keep[m] = 0
  }
  return keep
}

function hasCompanyWord(words: { starts: number[]; ends: number[]; longest: number }, from: number, to: number): boolean {
  const { starts, ends, longest } = words
  for (let k = firstEndingAfter(ends, from); k < ends.length && ends[k] - longest < to; k++) {
    if (starts[k] < to) return true
  }
  return false
}

function wordsOutsideMentions(chosen: ChosenSpans, wordStarts: readonly number[], wordEnds: readonly number[]) {
  const starts: number[] = []
  const ends: number[] = []
  let longest = 0
  let m = 0
  for (let k = 0; k < wordEnds.length; k++) {
    // The only chosen span that can contain a word is the first one ending at or after it.
    while (m < chosen.ends.length && chosen.ends[m] < wordEnds[k]) m++
    if (m < chosen.ends.length && chosen.starts[m] <= wordStarts[k]) continue
    starts.push(wordStarts[k])
    ends.push(wordEnds[k])
    longest = Math.max(longest, wordEnds[k] - wordStarts[k])
  }
  return { starts, ends, longest }
}

/** Index of the first value greater than `value` in a non-decreasing array. */
function firstEndingAfter(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] > value) hi = mid
    else lo = mid + 1
  }
  return lo
}
