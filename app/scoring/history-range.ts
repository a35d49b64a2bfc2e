import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { weeksBetween } from './history-series.ts'

// The consensus history opens on the range that has data: the shortest choice that reaches
// back to the theme's first score, so eight weeks of scores fill the chart instead of its
// right-hand 15% ("last year"). Longer than five years: everything.

const CHOICES = ['12', '26', '52', '104', '260'] as const

/** One of the page's ranges (app/schemas/scoring.ts RANGES). */
export function defaultHistoryRange(firstScoredWeek: string | null, currentWeek: string): (typeof CHOICES)[number] | 'all' {
  if (!firstScoredWeek || firstScoredWeek > currentWeek) return '12'
  const span = weeksBetween(firstScoredWeek, currentWeek).length
  return CHOICES.find((choice) => Number(choice) >= span) ?? 'all'
}

/**
 * The first week of a history that ends at `toWeek` (the meeting's slide): the same rule,
 * read to its end, so it starts at the first scored week rather than at the range's edge;
 * 12 weeks back while nothing is scored.
 */
export function historyFromWeek(firstScoredWeek: string | null, toWeek: string): string {
  if (!firstScoredWeek || firstScoredWeek > toWeek) return shiftIsoWeek(toWeek, -11)
  return firstScoredWeek
}
