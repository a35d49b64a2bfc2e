import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { loadWeekScores, lookupNames } from '#app/models/scoring/consensus-query.server.ts'
import { consensusOf, type DisagreementRule, disagreesUnder } from '#app/scoring/consensus.ts'
import { buildMatrix, type MatrixCell } from '#app/scoring/matrix.ts'
import type { WeekScore } from '#app/scoring/moves.ts'

// The meeting's score slides, read from the revision history as it stood at an instant
// (the end of the meeting's week, in the team time zone), so a past meeting reads the
// same however the scores were edited later. Only scores on the theme's rubric (any
// version of it) count, as on the consensus page.

export interface Axis {
  id: number
  slug: string
  nameEn: string
  nameZh: string
}

export interface MeetingMatrixQuery {
  rubricSlug: string
  week: string
  asOf: Date
  /** The week of the previous meeting, read as it stood at the end of that week. */
  previousWeek: string
  previousAsOf: Date
  /** The team's disagreement rule, or a number for the range rule with that spread. */
  threshold: DisagreementRule | number
  modalities: Axis[]
  dimensions: Axis[]
  /** The week's scores at `asOf`, when the caller reads them for the moves too (one query instead of two). */
  current?: Promise<WeekScore[]>
}

function consensusRows(scores: WeekScore[], week: string, onRubric: Set<number>, threshold: DisagreementRule | number) {
  const byCell = new Map<string, { modalityId: number; dimensionId: number; levels: number[] }>()
  for (const s of scores) {
    if (!onRubric.has(s.rubricId)) continue
    const key = `${s.modalityId}:${s.dimensionId}`
    const cell = byCell.get(key) ?? {
      modalityId: s.modalityId,
      dimensionId: s.dimensionId,
      levels: [],
    }
    cell.levels.push(s.level)
    byCell.set(key, cell)
  }
  return [...byCell.values()].map((c) => ({
    modalityId: c.modalityId,
    dimensionId: c.dimensionId,
    week,
    ...consensusOf(c.levels, threshold)!,
  }))
}

async function rubricIdsOf(db: DB, slug: string): Promise<Set<number>> {
  const rows = await db.selectFrom('rubric').select('id').where('slug', '=', slug).execute()
  return new Set(rows.map((r) => r.id))
}

/**
 * The heatmap of the meeting week with the change since the previous meeting, and the
 * cells the team disagrees on with every analyst's level and reason.
 */
export async function loadMeetingMatrix(db: DB, themeId: number, q: MeetingMatrixQuery) {
  const [current, previous, onRubric] = await Promise.all([
    q.current ?? loadWeekScores(db, themeId, q.week, q.asOf),
    loadWeekScores(db, themeId, q.previousWeek, q.previousAsOf),
    rubricIdsOf(db, q.rubricSlug),
  ])
  const rows = [...consensusRows(current, q.week, onRubric, q.threshold), ...consensusRows(previous, q.previousWeek, onRubric, q.threshold)]
  const cells: Record<string, MatrixCell> = buildMatrix(rows, q.week, q.previousWeek, q.modalities, q.dimensions)
  const { users } = await lookupNames(db, [...new Set(current.map((s) => s.userId))], [])
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]))
  const disagreements = q.modalities.flatMap((m) =>
    q.dimensions.flatMap((d) => {
      const cell = cells[`${m.slug}.${d.slug}`]
      if (!cell?.disagreement) return []
      const scores = current
        .filter((s) => s.modalityId === m.id && s.dimensionId === d.id && onRubric.has(s.rubricId))
        .map((s) => ({
          analyst: nameOf.get(s.userId) ?? '?',
          level: s.level,
          reason: s.reason,
        }))
        .sort((a, b) => b.level - a.level || a.analyst.localeCompare(b.analyst))
      return [
        {
          key: `${m.slug}.${d.slug}`,
          modality: m,
          dimension: d,
          median: cell.median,
          min: cell.min,
          max: cell.max,
          scores,
        },
      ]
    }),
  )
  const moved = q.modalities.flatMap((m) =>
    q.dimensions.flatMap((d) => {
      const cell = cells[`${m.slug}.${d.slug}`]
      return cell && cell.previousMedian !== cell.median ? [{ modalityId: m.id, dimensionId: d.id }] : []
    }),
  )
  return { cells, disagreements, moved, scorers: nameOf.size }
}

export interface ConsensusAsOfQuery {
  rubricSlug: string
  fromWeek: string
  toWeek: string
  modalityIds: number[]
  dimensionIds: number[]
  asOf: Date
  /** The team's disagreement rule, or a number for the range rule with that spread. */
  threshold: DisagreementRule | number
}

/**
 * Weekly consensus per modality x dimension over a range of weeks, from each analyst's
 * latest revision saved by `asOf` (the same numbers listConsensus gives from the score
 * table, but frozen at an instant). Uses score_revision_week_idx (theme, week, saved_at).
 */
export async function listConsensusAsOf(db: DB, themeId: number, q: ConsensusAsOfQuery) {
  if (q.modalityIds.length === 0 || q.dimensionIds.length === 0) return []
  const latest = db
    .selectFrom('score_revision')
    .distinctOn(['user_id', 'modality_id', 'dimension_id', 'iso_week'])
    .select(['modality_id', 'dimension_id', 'iso_week', 'rubric_id', 'level', 'withdrawn'])
    .where('theme_id', '=', themeId)
    .where('iso_week', '>=', q.fromWeek)
    .where('iso_week', '<=', q.toWeek)
    .where('saved_at', '<=', q.asOf)
    .where('modality_id', 'in', q.modalityIds)
    .where('dimension_id', 'in', q.dimensionIds)
    .orderBy('user_id')
    .orderBy('modality_id')
    .orderBy('dimension_id')
    .orderBy('iso_week')
    .orderBy('id', 'desc')
  const rows = await db
    .selectFrom(latest.as('s'))
    .innerJoin('rubric', 'rubric.id', 's.rubric_id')
    .select((eb) => [
      's.modality_id as modalityId',
      's.dimension_id as dimensionId',
      's.iso_week as week',
      sql<number>`percentile_cont(0.5) within group (order by s.level)`.as('median'),
      sql<number>`percentile_cont(0.25) within group (order by s.level)`.as('q1'),
      sql<number>`percentile_cont(0.75) within group (order by s.level)`.as('q3'),
      eb.fn.min<number>('s.level').as('min'),
      eb.fn.max<number>('s.level').as('max'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('rubric.slug', '=', q.rubricSlug)
    // A withdrawn score (its latest revision by asOf is the withdrawal) does not count.
    .where('s.withdrawn', '=', false)
    .groupBy(['s.modality_id', 's.dimension_id', 's.iso_week'])
    .orderBy('s.iso_week')
    .execute()
  return rows.map((r) => ({
    ...r,
    median: Number(r.median),
    count: Number(r.count),
    q1: Number(r.q1),
    q3: Number(r.q3),
    disagreement: disagreesUnder({ min: r.min, max: r.max, iqr: Number(r.q3) - Number(r.q1), count: Number(r.count) }, q.threshold),
  }))
}

/** Source views (reports' published levels) known by `asOf`, for the history charts' markers. */
export async function listSourceMarkersAsOf(
  db: DB,
  themeId: number,
  q: {
    rubricSlug: string
    modalityIds: number[]
    dimensionIds: number[]
    fromDate: string
    toDate: string
    asOf: Date
  },
) {
  if (q.modalityIds.length === 0 || q.dimensionIds.length === 0) return []
  return db
    .selectFrom('source_score')
    .innerJoin('rubric', 'rubric.id', 'source_score.rubric_id')
    .select([
      'source_score.modality_id as modalityId',
      'source_score.dimension_id as dimensionId',
      'source_score.source',
      'source_score.published_on as publishedOn',
      'source_score.level',
    ])
    .where('source_score.theme_id', '=', themeId)
    .where('rubric.slug', '=', q.rubricSlug)
    .where('source_score.modality_id', 'in', q.modalityIds)
    .where('source_score.dimension_id', 'in', q.dimensionIds)
    .where('source_score.published_on', '>=', q.fromDate)
    .where('source_score.published_on', '<=', q.toDate)
    .where('source_score.created_at', '<=', q.asOf)
    .orderBy('source_score.published_on')
    .execute()
}

/** The first week anyone had scored this theme, as it stood at `asOf` (a later back-dated score does not move it). */
export async function firstScoredWeekAsOf(db: DB, themeId: number, asOf: Date): Promise<string | null> {
  // Walks score_revision_week_idx (theme_id, iso_week, saved_at) in order and stops at the first row.
  const row = await db
    .selectFrom('score_revision')
    .select('iso_week')
    .where('theme_id', '=', themeId)
    .where('saved_at', '<=', asOf)
    .orderBy('iso_week')
    .limit(1)
    .executeTakeFirst()
  return row?.iso_week ?? null
}
