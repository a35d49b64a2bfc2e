import type { DB } from '#app/models/db.server.ts'
import { MAX_ANALYST_LINES, shapeHistory } from '#app/scoring/chart-data.ts'
import { type DisagreementRule, stabilityOf } from '#app/scoring/consensus.ts'
import { weeksBetween } from '#app/scoring/history-series.ts'
import { buildMatrix } from '#app/scoring/matrix.ts'
import { mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'

import { countOtherRubricScores, firstScoredWeek, listAnalystLevels, listConsensus, listScorers } from './consensus-query.server.ts'
import { listSourceMarkers } from './source-score.server.ts'

// What the consensus page and "what moved" draw, put together from the consensus queries:
// the history chart's data (already aggregated and, for long ranges, bucketed) and the
// week's heatmap matrix.

interface Axis {
  id: number
  slug: string
  nameEn: string
  nameZh: string
}

export interface HistoryRequest {
  rubricSlug: string
  currentWeek: string
  /** Weeks back from the current week, or 'all' (since the first score). */
  range: number | 'all'
  modalities: (Axis & { colour: number })[]
  dimension: Axis
  analystIds: number[]
  threshold: DisagreementRule | number
}

/** Weeks of the stability table: the latest ones in the range with cells to compare. */
export const STABILITY_WEEKS = 12

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

export async function loadHistory(db: DB, themeId: number, req: HistoryRequest) {
  const toWeek = req.currentWeek
  const fromWeek = req.range === 'all' ? ((await firstScoredWeek(db, themeId)) ?? toWeek) : shiftIsoWeek(toWeek, -(req.range - 1))
  const query = {
    rubricSlug: req.rubricSlug,
    fromWeek,
    toWeek,
    modalityIds: req.modalities.map((m) => m.id),
    dimensionId: req.dimension.id,
  }
  const sunday = mondayOfIsoWeek(toWeek)
  sunday.setUTCDate(sunday.getUTCDate() + 6)
  const single = req.modalities.length === 1 ? req.modalities[0] : null
  const [consensus, scorers, sources, otherRubric] = await Promise.all([
    listConsensus(db, themeId, query, req.threshold),
    listScorers(db, themeId),
    listSourceMarkers(db, themeId, {
      ...query,
      dimensionId: req.dimension.id,
      fromDate: isoDate(mondayOfIsoWeek(fromWeek)),
      toDate: isoDate(sunday),
    }),
    countOtherRubricScores(db, themeId, query),
  ])
  // Per-analyst lines only on a one-modality chart, and a few at a time: 30 dashed lines
  // over six medians would be unreadable.
  const analysts = single ? scorers.filter((s) => req.analystIds.includes(s.id)).slice(0, MAX_ANALYST_LINES) : []
  const analystLevels = single
    ? await listAnalystLevels(db, themeId, {
        ...query,
        modalityId: single.id,
        dimensionId: req.dimension.id,
        userIds: analysts.map((a) => a.id),
      })
    : []
  const chart = shapeHistory({
    weeks: weeksBetween(fromWeek, toWeek),
    consensus,
    modalities: req.modalities,
    analysts,
    analystLevels,
    sources,
  })
  const stability = stabilityOf(
    consensus.map((r) => ({ itemId: r.modalityId, dimensionId: r.dimensionId, week: r.week, median: r.median })),
    weeksBetween(fromWeek, toWeek),
  )
    .filter((w) => w.compared > 0)
    .slice(-STABILITY_WEEKS)
    .reverse()
  return { chart, fromWeek, toWeek, scorers, otherRubric, stability }
}

export async function loadMatrix(
  db: DB,
  themeId: number,
  q: { rubricSlug: string; week: string; threshold: DisagreementRule | number; modalities: Axis[]; dimensions: Axis[] },
) {
  const previousWeek = shiftIsoWeek(q.week, -1)
  const rows = await listConsensus(db, themeId, { rubricSlug: q.rubricSlug, fromWeek: previousWeek, toWeek: q.week }, q.threshold)
  const cells = buildMatrix(rows, q.week, previousWeek, q.modalities, q.dimensions)
  const disagreements = q.modalities.flatMap((m) =>
    q.dimensions.flatMap((d) => {
      const cell = cells[`${m.slug}.${d.slug}`]
      return cell?.disagreement
        ? [
            {
              modality: { nameEn: m.nameEn, nameZh: m.nameZh },
              dimension: { nameEn: d.nameEn, nameZh: d.nameZh },
              min: cell.min,
              max: cell.max,
              count: cell.count,
            },
          ]
        : []
    }),
  )
  return { week: q.week, previousWeek, cells, disagreements }
}
