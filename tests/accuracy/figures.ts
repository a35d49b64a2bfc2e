import type { AccuracyKind, AccuracyText } from './types.ts'

// Precision and recall of what the pipeline stored against the hand labels, two ways:
// - by company-document pair: was the company found in the text at all (what the
//   dashboard's "documents mentioning X" counts rest on; the team's hidden set is scored so);
// - by mention: how many times, where a label pins a count (what "mentions this week" counts).
// Pure: no database, so the bench and the CI test agree by construction.

export interface FoundMention {
  company: string
  aliasText: string
  rule: string
  /** The match with a little of the text around it, for error reports. */
  context: string
}

export interface TextOutcome {
  text: AccuracyText
  found: readonly FoundMention[]
}

export interface Figures {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
}

export interface AccuracyError {
  textId: string
  kinds: readonly AccuracyKind[]
  company: string
  /** false-positive: found, not labelled; false-negative: labelled, not found; count: both, but a different number. */
  error: 'false-positive' | 'false-negative' | 'count'
  expected: number | null
  found: number
  /** What was found (alias, rule, context), or the start of the text for a miss. */
  detail: string
}

export interface AccuracyReport {
  texts: number
  pairs: { overall: Figures; byKind: Partial<Record<AccuracyKind, Figures>> }
  mentions: { overall: Figures; byKind: Partial<Record<AccuracyKind, Figures>> }
  errors: AccuracyError[]
}

interface Tally {
  tp: number
  fp: number
  fn: number
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000)

function toFigures({ tp, fp, fn }: Tally): Figures {
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) }
}

function add(into: Tally, from: Tally): void {
  into.tp += from.tp
  into.fp += from.fp
  into.fn += from.fn
}

function countByCompany(found: readonly FoundMention[]): Map<string, FoundMention[]> {
  const byCompany = new Map<string, FoundMention[]>()
  for (const mention of found) byCompany.set(mention.company, [...(byCompany.get(mention.company) ?? []), mention])
  return byCompany
}

/** Scores one text: its pair and mention tallies and its errors. */
export function scoreText({ text, found }: TextOutcome): { pairs: Tally; mentions: Tally; errors: AccuracyError[] } {
  const pairs: Tally = { tp: 0, fp: 0, fn: 0 }
  const mentions: Tally = { tp: 0, fp: 0, fn: 0 }
  const errors: AccuracyError[] = []
  const byCompany = countByCompany(found)
  const companies = new Set([...Object.keys(text.expect), ...byCompany.keys()])
  for (const company of [...companies].sort()) {
    const labelled = Object.hasOwn(text.expect, company)
    const expected = labelled ? text.expect[company] : 0
    const hits = byCompany.get(company) ?? []
    const base = { textId: text.id, kinds: text.kinds, company, expected, found: hits.length }
    const describeHits = () => hits.map((m) => `${m.aliasText} [${m.rule}] …${m.context}…`).join(' | ')
    if (labelled && hits.length > 0) pairs.tp += 1
    else if (labelled) {
      pairs.fn += 1
      errors.push({ ...base, error: 'false-negative', detail: text.text.replace(/\s+/g, ' ').slice(0, 100) })
    } else {
      pairs.fp += 1
      errors.push({ ...base, error: 'false-positive', detail: describeHits() })
    }
    // An unpinned count (null) is satisfied by any number of hits, and by one when missed.
    const wanted = expected ?? Math.max(hits.length, 1)
    mentions.tp += Math.min(wanted, hits.length)
    mentions.fp += Math.max(0, hits.length - wanted)
    mentions.fn += Math.max(0, wanted - hits.length)
    if (labelled && hits.length > 0 && expected !== null && hits.length !== expected)
      errors.push({ ...base, error: 'count', detail: describeHits() })
  }
  return { pairs, mentions, errors }
}

export function scoreCorpus(outcomes: readonly TextOutcome[]): AccuracyReport {
  const pairs: Tally = { tp: 0, fp: 0, fn: 0 }
  const mentions: Tally = { tp: 0, fp: 0, fn: 0 }
  const pairsByKind = new Map<AccuracyKind, Tally>()
  const mentionsByKind = new Map<AccuracyKind, Tally>()
  const errors: AccuracyError[] = []
  for (const outcome of outcomes) {
    const scored = scoreText(outcome)
    add(pairs, scored.pairs)
    add(mentions, scored.mentions)
    for (const kind of outcome.text.kinds) {
      if (!pairsByKind.has(kind)) pairsByKind.set(kind, { tp: 0, fp: 0, fn: 0 })
      if (!mentionsByKind.has(kind)) mentionsByKind.set(kind, { tp: 0, fp: 0, fn: 0 })
      add(pairsByKind.get(kind)!, scored.pairs)
      add(mentionsByKind.get(kind)!, scored.mentions)
    }
    errors.push(...scored.errors)
  }
  const byKind = (tallies: Map<AccuracyKind, Tally>) =>
    Object.fromEntries([...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([kind, tally]) => [kind, toFigures(tally)]))
  return {
    texts: outcomes.length,
    pairs: { overall: toFigures(pairs), byKind: byKind(pairsByKind) },
    mentions: { overall: toFigures(mentions), byKind: byKind(mentionsByKind) },
    errors,
  }
}
