import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { type DisagreementRule, disagreesUnder, spreadOf } from '#app/scoring/consensus.ts'
import type { WeekScore } from '#app/scoring/moves.ts'

import { listEvidence } from './score.server.ts'

// The team's consensus, computed by the database: for every modality x dimension x week,
// the median (percentile_cont(0.5), the mean of the two middle values for an even count),
// mean, min, max and number of scorers. Only scores on the theme's current rubric (any
// version of it) count: levels of a different scale cannot be averaged together. The
// browser receives these aggregates, never the raw scores.

export interface ConsensusRow {
  modalityId: number
  dimensionId: number
  week: string
  median: number
  mean: number
  min: number
  max: number
  count: number
  /** Quartiles, interquartile range and share within one level of the median (consensus.ts). */
  q1: number
  q3: number
  iqr: number
  withinOne: number
  disagreement: boolean
}

export interface ConsensusQuery {
  rubricSlug: string
  fromWeek: string
  toWeek: string
  modalityIds?: number[]
  dimensionId?: number
}

/** `rule`: the team's disagreement rule, or a number for the range rule with that spread. */
export async function listConsensus(
  db: DB,
  themeId: number,
  query: ConsensusQuery,
  rule: DisagreementRule | number,
): Promise<ConsensusRow[]> {
  let q = db
    .selectFrom('score')
    .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
    .select((eb) => [
      'score.modality_id as modalityId',
      'score.dimension_id as dimensionId',
      'score.iso_week as week',
      sql<number>`percentile_cont(0.5) within group (order by score.level)`.as('median'),
      sql<number>`avg(score.level)`.as('mean'),
      eb.fn.min<number>('score.level').as('min'),
      eb.fn.max<number>('score.level').as('max'),
      eb.fn.countAll<number>().as('count'),
      // The levels themselves, for the spread; they stay on the server.
      sql<number[]>`array_agg(score.level)`.as('levels'),
    ])
    .where('score.theme_id', '=', themeId)
    .where('rubric.slug', '=', query.rubricSlug)
    .where('score.iso_week', '>=', query.fromWeek)
    .where('score.iso_week', '<=', query.toWeek)
    .groupBy(['score.modality_id', 'score.dimension_id', 'score.iso_week'])
    .orderBy('score.iso_week')
  if (query.modalityIds) q = q.where('score.modality_id', 'in', query.modalityIds.length ? query.modalityIds : [-1])
  if (query.dimensionId) q = q.where('score.dimension_id', '=', query.dimensionId)
  const rows = await q.execute()
  return rows.map(({ levels, ...r }) => {
    const spread = spreadOf(levels.map(Number))!
    const count = Number(r.count)
    return {
      ...r,
      count,
      median: Number(r.median),
      mean: Number(r.mean),
      ...spread,
      disagreement: disagreesUnder({ min: r.min, max: r.max, iqr: spread.iqr, count }, rule),
    }
  })
}

/** How many scores in the range were given on another rubric (and are left out). */
export async function countOtherRubricScores(db: DB, themeId: number, query: ConsensusQuery): Promise<number> {
  const row = await db
    .selectFrom('score')
    .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('score.theme_id', '=', themeId)
    .where('rubric.slug', '<>', query.rubricSlug)
    .where('score.iso_week', '>=', query.fromWeek)
    .where('score.iso_week', '<=', query.toWeek)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Per analyst, their level of one cell in each week of the range. */
export async function listAnalystLevels(
  db: DB,
  themeId: number,
  query: ConsensusQuery & { modalityId: number; dimensionId: number; userIds: number[] },
) {
  if (query.userIds.length === 0) return []
  return db
    .selectFrom('score')
    .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
    .select(['score.user_id as userId', 'score.iso_week as week', 'score.level'])
    .where('score.theme_id', '=', themeId)
    .where('rubric.slug', '=', query.rubricSlug)
    .where('score.modality_id', '=', query.modalityId)
    .where('score.dimension_id', '=', query.dimensionId)
    .where('score.user_id', 'in', query.userIds)
    .where('score.iso_week', '>=', query.fromWeek)
    .where('score.iso_week', '<=', query.toWeek)
    .orderBy('score.iso_week')
    .execute()
}

/** The analysts who scored this theme, most active first, for the per-analyst picker. */
export async function listScorers(db: DB, themeId: number) {
  return db
    .selectFrom('score')
    .innerJoin('app_user', 'app_user.id', 'score.user_id')
    .select((eb) => ['app_user.id', 'app_user.display_name as displayName', eb.fn.countAll<number>().as('scores')])
    .where('score.theme_id', '=', themeId)
    .groupBy(['app_user.id', 'app_user.display_name'])
    .orderBy('scores', 'desc')
    .orderBy('app_user.display_name')
    .execute()
}

/** The first week anyone scored this theme, for the "all" range. */
export async function firstScoredWeek(db: DB, themeId: number): Promise<string | null> {
  const row = await db
    .selectFrom('score')
    .select((eb) => eb.fn.min('iso_week').as('w'))
    .where('theme_id', '=', themeId)
    .executeTakeFirst()
  return (row?.w as string | null) ?? null
}

/**
 * Every analyst's score of a week: the score table (the latest value), or, with `asOf`,
 * the revisions as they stood at that instant.
 */
export async function loadWeekScores(db: DB, themeId: number, week: string, asOf?: Date): Promise<WeekScore[]> {
  if (asOf) {
    const rows = await db
      .selectFrom('score_revision')
      .distinctOn(['user_id', 'modality_id', 'dimension_id'])
      .select([
        'score_id as scoreId',
        'user_id as userId',
        'modality_id as modalityId',
        'dimension_id as dimensionId',
        'rubric_id as rubricId',
        'level',
        'reason',
        'evidence',
        'saved_at as savedAt',
        'withdrawn',
      ])
      .where('theme_id', '=', themeId)
      .where('iso_week', '=', week)
      .where('saved_at', '<=', asOf)
      .orderBy('user_id')
      .orderBy('modality_id')
      .orderBy('dimension_id')
      .orderBy('id', 'desc')
      .execute()
    // A cell whose latest revision is a withdrawal had no score at that instant.
    return rows
      .filter((r) => !r.withdrawn)
      .map(({ withdrawn: _, ...r }) => ({ ...r, evidence: (r.evidence as WeekScore['evidence']) ?? [] }))
  }
  const rows = await db
    .selectFrom('score')
    .select([
      'id as scoreId',
      'user_id as userId',
      'modality_id as modalityId',
      'dimension_id as dimensionId',
      'rubric_id as rubricId',
      'level',
      'reason',
      'updated_at as savedAt',
    ])
    .where('theme_id', '=', themeId)
    .where('iso_week', '=', week)
    .execute()
  const evidence = await listEvidence(
    db,
    rows.map((r) => r.scoreId),
  )
  return rows.map((r) => ({ ...r, evidence: evidence.filter((e) => e.scoreId === r.scoreId).map(({ scoreId: _, ...e }) => e) }))
}

/** Names for the people and rubrics a "what moved" list refers to. */
export async function lookupNames(db: DB, userIds: number[], rubricIds: number[]) {
  const [users, rubrics] = await Promise.all([
    userIds.length ? db.selectFrom('app_user').select(['id', 'display_name as displayName']).where('id', 'in', userIds).execute() : [],
    rubricIds.length ? db.selectFrom('rubric').select(['id', 'slug', 'version']).where('id', 'in', rubricIds).execute() : [],
  ])
  return { users, rubrics }
}
