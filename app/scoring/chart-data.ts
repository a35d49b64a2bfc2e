import { isoWeekOfDate } from '#app/utils/iso-week.ts'

import { buildChartRows, categoryOf, type ChartRow, pickTicks } from './history-series.ts'

// Turns the database's weekly consensus rows into the history chart's props: one median
// line per modality (with the min-max band when only one is shown), one dashed line per
// chosen analyst, and source-view markers. Names travel in both languages; the chart picks.

/** Per-analyst lines drawn at most at once: 30 dashed lines would be unreadable. */
export const MAX_ANALYST_LINES = 8

export interface Named {
  nameEn: string
  nameZh: string
}

export interface HistorySeries extends Named {
  key: string
  colour: number
  kind: 'consensus' | 'analyst'
}

export interface MarkerPoint {
  week: string
  level: number
  source: string
  publishedOn: string
}

export interface HistoryMarkers extends Named {
  key: string
  colour: number
  points: MarkerPoint[]
}

export interface HistoryChartData {
  rows: ChartRow[]
  series: HistorySeries[]
  markers: HistoryMarkers[]
  ticks: string[]
  band: boolean
  /** Weeks per point (1 unless the range was too long to draw week by week). */
  weeksPerPoint: number
}

interface ShapeInput {
  weeks: string[]
  consensus: { modalityId: number; week: string; median: number; min: number; max: number }[]
  modalities: (Named & { id: number; slug: string; colour: number })[]
  analysts: { id: number; displayName: string }[]
  analystLevels: { userId: number; week: string; level: number }[]
  sources: { modalityId: number; source: string; publishedOn: string; level: number }[]
}

export function shapeHistory(input: ShapeInput): HistoryChartData {
  const single = input.modalities.length === 1
  const series: HistorySeries[] = input.modalities.map((m) => ({
    key: `m_${m.slug}`,
    nameEn: m.nameEn,
    nameZh: m.nameZh,
    colour: m.colour,
    kind: 'consensus',
  }))
  const values = input.modalities.map((m) => ({
    key: `m_${m.slug}`,
    values: new Map(input.consensus.filter((c) => c.modalityId === m.id).map((c) => [c.week, c.median])),
  }))
  // Analyst lines take the palette's colours the modality line does not use.
  const taken = single ? input.modalities[0].colour : -1
  const free = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => c !== taken)
  input.analysts.forEach((a, i) => {
    series.push({ key: `a_${a.id}`, nameEn: a.displayName, nameZh: a.displayName, colour: free[i % free.length], kind: 'analyst' })
    values.push({ key: `a_${a.id}`, values: new Map(input.analystLevels.filter((l) => l.userId === a.id).map((l) => [l.week, l.level])) })
  })
  let band = null
  if (single) {
    const own = input.consensus.filter((c) => c.modalityId === input.modalities[0].id)
    band = { min: new Map(own.map((c) => [c.week, c.min])), max: new Map(own.map((c) => [c.week, c.max])) }
  }
  const rows = buildChartRows(input.weeks, values, band)
  const markers: HistoryMarkers[] = input.modalities
    .map((m) => ({
      key: `s_${m.slug}`,
      nameEn: m.nameEn,
      nameZh: m.nameZh,
      colour: m.colour,
      points: input.sources
        .filter((s) => s.modalityId === m.id)
        .flatMap((s) => {
          const [y, mo, d] = s.publishedOn.split('-').map(Number)
          const week = categoryOf(isoWeekOfDate(y, mo, d), rows)
          return week ? [{ week, level: s.level, source: s.source, publishedOn: s.publishedOn }] : []
        }),
    }))
    .filter((m) => m.points.length > 0)
  // Markers ride in the rows (one value per category: the latest view published in it).
  // A recharts item with its own data would replace the rows as the x-axis categories.
  for (const m of markers)
    for (const p of [...m.points].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn)))
      rows.find((r) => r.week === p.week)![m.key] = p.level
  return {
    rows,
    series,
    markers,
    ticks: pickTicks(rows.map((r) => r.week)),
    band: single,
    weeksPerPoint: rows.length ? Math.ceil(input.weeks.length / rows.length) : 1,
  }
}
