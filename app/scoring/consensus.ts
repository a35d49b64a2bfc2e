// Team consensus for one item x dimension x ISO week, from the levels the analysts gave.
// The database computes the same median in SQL (consensus-query.server.ts,
// percentile_cont(0.5)); this is the reference the tests hold both to, and where the
// spread is measured: quartiles, interquartile range (IQR) and the share of analysts
// within one level of the median, so a median of one analyst is not read like one of ten.
//
// The disagreement rule is a team setting (admin/settings), one of:
// - range: the highest and lowest level given are at least `spread` levels apart
//   (max - min >= spread; 2 by default, administrators can change it under admin/rubrics);
// - iqr: the middle half of the team is at least 1.5 levels wide (IQR >= 1.5), which one
//   outlier among many cannot trigger.
// A single scorer never disagrees with themself.

export const DEFAULT_DISAGREEMENT_SPREAD = 2
export const MIN_DISAGREEMENT_SPREAD = 1
export const MAX_DISAGREEMENT_SPREAD = 19
export const IQR_DISAGREEMENT = 1.5

export const DISAGREEMENT_RULES = ['range', 'iqr'] as const
export type DisagreementRuleKind = (typeof DISAGREEMENT_RULES)[number]
export type DisagreementRule = { kind: 'range'; spread: number } | { kind: 'iqr' }

export interface Spread {
  /** The first and third quartiles (percentile_cont: linear between the two nearest levels). */
  q1: number
  q3: number
  iqr: number
  /** Share of the analysts (0 to 1) whose level is within one level of the median. */
  withinOne: number
}

export interface Consensus extends Spread {
  median: number
  mean: number
  min: number
  max: number
  count: number
  disagreement: boolean
}

/** A quantile of sorted values, as PostgreSQL's percentile_cont computes it. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const at = (sorted.length - 1) * p
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

/** The middle value; with an even count, the mean of the two middle values (3 and 4 give 3.5). */
export function median(values: readonly number[]): number | null {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}

/** The legacy form: max - min against a spread threshold. */
export function isDisagreement(min: number, max: number, threshold: number = DEFAULT_DISAGREEMENT_SPREAD): boolean {
  return max - min >= threshold
}

/** A plain number is the range rule with that spread (how callers passed the setting before the IQR rule). */
export function toRule(rule: DisagreementRule | number): DisagreementRule {
  return typeof rule === 'number' ? { kind: 'range', spread: rule } : rule
}

/** Whether a cell's levels count as a disagreement under the team's rule. */
export function disagreesUnder(cell: { min: number; max: number; iqr: number; count: number }, rule: DisagreementRule | number): boolean {
  if (cell.count < 2) return false
  const r = toRule(rule)
  return r.kind === 'iqr' ? cell.iqr >= IQR_DISAGREEMENT : isDisagreement(cell.min, cell.max, r.spread)
}

/** Quartiles, IQR and the share within one level of the median; null when nobody scored. */
export function spreadOf(levels: readonly number[]): Spread | null {
  if (levels.length === 0) return null
  const sorted = [...levels].sort((a, b) => a - b)
  const q1 = quantile(sorted, 0.25) as number
  const q3 = quantile(sorted, 0.75) as number
  const mid = quantile(sorted, 0.5) as number
  const within = sorted.filter((level) => Math.abs(level - mid) <= 1).length
  return { q1, q3, iqr: q3 - q1, withinOne: within / sorted.length }
}

/** Median, mean, range, spread and count of a cell's levels; null when nobody scored it. */
export function consensusOf(levels: readonly number[], rule: DisagreementRule | number = DEFAULT_DISAGREEMENT_SPREAD): Consensus | null {
  const spread = spreadOf(levels)
  if (!spread) return null
  const min = Math.min(...levels)
  const max = Math.max(...levels)
  const mean = levels.reduce((sum, level) => sum + level, 0) / levels.length
  const count = levels.length
  return {
    median: median(levels) as number,
    mean,
    min,
    max,
    count,
    ...spread,
    disagreement: disagreesUnder({ min, max, iqr: spread.iqr, count }, rule),
  }
}

export interface StabilityWeek {
  week: string
  /** Cells with a consensus this week and the week before. */
  compared: number
  /** Of those, cells whose median changed. */
  moved: number
  /** Mean absolute change of the median over the compared cells, in levels. */
  meanChange: number
  /** Share of compared cells whose median stayed (1 = nothing moved). */
  stable: number
}

/**
 * Week-over-week stability of the consensus: for each week after the first, how many cells
 * had a median both weeks, how many moved and by how much on average. Items and
 * dimensions are whatever the rows name (a theme's own framework).
 */
export function stabilityOf(
  rows: readonly { itemId: number; dimensionId: number; week: string; median: number }[],
  weeks: readonly string[],
): StabilityWeek[] {
  const byWeek = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const cells = byWeek.get(r.week) ?? new Map<string, number>()
    cells.set(`${r.itemId}:${r.dimensionId}`, r.median)
    byWeek.set(r.week, cells)
  }
  const out: StabilityWeek[] = []
  for (let i = 1; i < weeks.length; i++) {
    const now = byWeek.get(weeks[i])
    const before = byWeek.get(weeks[i - 1])
    let compared = 0
    let moved = 0
    let change = 0
    for (const [key, value] of now ?? []) {
      const previous = before?.get(key)
      if (previous === undefined) continue
      compared++
      if (previous !== value) moved++
      change += Math.abs(value - previous)
    }
    out.push({
      week: weeks[i],
      compared,
      moved,
      meanChange: compared ? change / compared : 0,
      stable: compared ? (compared - moved) / compared : 1,
    })
  }
  return out
}

/** One decimal, for display and for payloads (a chart needs no more precision than that). */
export function roundLevel(value: number): number {
  return Math.round(value * 10) / 10
}

/** "3", "3.5": a level as people read it. */
export function formatLevel(value: number | null | undefined): string {
  if (value == null) return '–'
  const rounded = roundLevel(value)
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)
}

/** "3.0": a median with one decimal always, so 3 and 3.5 line up in the grid. */
export function formatMedian(value: number): string {
  return roundLevel(value).toFixed(1)
}
