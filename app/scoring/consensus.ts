// Team consensus for one modality x dimension x ISO week, from the levels the analysts gave.
// The database computes the same numbers in SQL (consensus.server.ts, percentile_cont(0.5));
// this is the reference the tests hold both to, and what the pages use for derived flags.
//
// The disagreement rule: the team disagrees on a cell when the highest and the lowest level
// given that week are at least `threshold` levels apart (max - min >= threshold). The
// default threshold is 2 levels; administrators can change it (admin/rubrics). A single
// scorer never disagrees with themself.

export const DEFAULT_DISAGREEMENT_SPREAD = 2
export const MIN_DISAGREEMENT_SPREAD = 1
export const MAX_DISAGREEMENT_SPREAD = 19

export interface Consensus {
  median: number
  mean: number
  min: number
  max: number
  count: number
  disagreement: boolean
}

/** The middle value; with an even count, the mean of the two middle values (3 and 4 give 3.5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function isDisagreement(min: number, max: number, threshold: number = DEFAULT_DISAGREEMENT_SPREAD): boolean {
  return max - min >= threshold
}

/** Median, mean, range and count of a cell's levels; null when nobody scored it. */
export function consensusOf(levels: readonly number[], threshold: number = DEFAULT_DISAGREEMENT_SPREAD): Consensus | null {
  if (levels.length === 0) return null
  const min = Math.min(...levels)
  const max = Math.max(...levels)
  const mean = levels.reduce((sum, level) => sum + level, 0) / levels.length
  return { median: median(levels) as number, mean, min, max, count: levels.length, disagreement: isDisagreement(min, max, threshold) }
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
