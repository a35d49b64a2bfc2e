import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { roundLevel } from './consensus.ts'

// Shapes consensus rows into what the history chart draws. Five years of weekly data is
// 260 points per line; past MAX_POINTS the weeks are grouped into equal buckets (each
// point is the state at the bucket's last scored week, the band covers the bucket's
// whole range), so the browser gets at most MAX_POINTS points per line whatever the range.

export const MAX_POINTS = 130
export const MAX_TICKS = 10

/** Every ISO week from `from` to `to`, inclusive (oldest first). */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = []
  for (let week = from; week <= to && weeks.length < 2000; week = shiftIsoWeek(week, 1)) weeks.push(week)
  return weeks
}

export interface SeriesInput {
  /** Key in each chart row, e.g. "m_video" or "a_12". */
  key: string
  /** Level per week. */
  values: Map<string, number>
}

export interface BandInput {
  min: Map<string, number>
  max: Map<string, number>
}

export interface ChartRow {
  week: string
  /** Weeks this point stands for, e.g. "2024-W01 – 2024-W02" when bucketed. */
  span: string
  band?: [number, number] | null
  [series: string]: number | string | [number, number] | null | undefined
}

/** Consecutive groups of weeks, ending with the latest, each at most `size` long. */
export function bucketWeeks(weeks: string[], maxPoints = MAX_POINTS): string[][] {
  const size = Math.max(1, Math.ceil(weeks.length / maxPoints))
  const buckets: string[][] = []
  for (let end = weeks.length; end > 0; end -= size) buckets.unshift(weeks.slice(Math.max(0, end - size), end))
  return buckets
}

export function buildChartRows(weeks: string[], series: SeriesInput[], band: BandInput | null, maxPoints = MAX_POINTS): ChartRow[] {
  return bucketWeeks(weeks, maxPoints).map((bucket) => {
    const last = bucket[bucket.length - 1]
    const row: ChartRow = { week: last, span: bucket.length > 1 ? `${bucket[0]} – ${last}` : last }
    for (const s of series) {
      const scored = bucket.filter((w) => s.values.has(w))
      row[s.key] = scored.length ? roundLevel(s.values.get(scored[scored.length - 1])!) : null
    }
    if (band) {
      const mins = bucket.flatMap((w) => (band.min.has(w) ? [band.min.get(w)!] : []))
      const maxs = bucket.flatMap((w) => (band.max.has(w) ? [band.max.get(w)!] : []))
      row.band = mins.length ? [Math.min(...mins), Math.max(...maxs)] : null
    }
    return row
  })
}

/** Which week categories get a label: about MAX_TICKS, always the latest. */
export function pickTicks(categories: string[], maxTicks = MAX_TICKS): string[] {
  if (categories.length <= maxTicks) return [...categories]
  const step = Math.ceil(categories.length / maxTicks)
  const ticks: string[] = []
  for (let i = categories.length - 1; i >= 0; i -= step) ticks.unshift(categories[i])
  return ticks
}

/** The chart category (bucket end week) a week falls into. */
export function categoryOf(week: string, rows: { week: string }[]): string | null {
  for (const row of rows) if (week <= row.week) return row.week
  return null
}
