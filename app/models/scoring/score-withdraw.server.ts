import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { ScoringError } from '#app/scoring/errors.ts'

import { listEvidence } from './score.server.ts'
import { currentTeamWeek, getWeekLock } from './score-week.server.ts'

// An analyst withdraws their score of a cell (clears it). The score row goes, so the
// consensus, exports and meetings no longer count it; a "withdrawn" revision and an audit
// row keep the history (migration 2026-12-05T00-40-00_score_withdrawal). The same week
// rules as a save: not a future week, not a week a meeting locked.

export interface WithdrawInput {
  themeId: number
  modality: string
  dimension: string
  week: string
  reason: string
}

export async function withdrawScore(db: DB, actor: Actor, input: WithdrawInput, now = new Date()): Promise<{ scoreId: number }> {
  return inTransaction(db, async (tx) => {
    const lock = await getWeekLock(tx, input.themeId, input.week, await currentTeamWeek(tx, now))
    if (lock.state === 'future') throw new ScoringError('futureWeek', 'week')
    if (lock.state === 'locked') throw new ScoringError('weekLocked', 'week')
    const find = () =>
      tx
        .selectFrom('score')
        .innerJoin('modality', 'modality.id', 'score.modality_id')
        .innerJoin('scoring_dimension', 'scoring_dimension.id', 'score.dimension_id')
        .select([
          'score.id',
          'score.modality_id as modalityId',
          'score.dimension_id as dimensionId',
          'score.rubric_id as rubricId',
          'score.level',
          'score.reason',
        ])
        .where('score.theme_id', '=', input.themeId)
        .where('score.user_id', '=', actor.id)
        .where('score.iso_week', '=', input.week)
        .where('modality.slug', '=', input.modality)
        .where('scoring_dimension.slug', '=', input.dimension)
        .executeTakeFirst()
    const found = await find()
    if (!found) throw new ScoringError('nothingToWithdraw')
    // The save's per-cell lock: a save and a withdrawal of one cell apply one after the other.
    const key = `score:${input.themeId}:${actor.id}:${found.modalityId}:${found.dimensionId}:${input.week}`
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx)
    const score = await find()
    if (!score) throw new ScoringError('nothingToWithdraw')
    const evidence = (await listEvidence(tx, [score.id])).map(({ scoreId: _, ...e }) => e)

    await tx
      .insertInto('score_revision')
      .values({
        score_id: score.id,
        theme_id: input.themeId,
        user_id: actor.id,
        modality_id: score.modalityId,
        dimension_id: score.dimensionId,
        iso_week: input.week,
        rubric_id: score.rubricId,
        level: score.level,
        reason: input.reason,
        evidence: JSON.stringify([]),
        withdrawn: true,
      })
      .execute()
    await tx.deleteFrom('score').where('id', '=', score.id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'score.withdraw',
      entityType: 'score',
      entityId: score.id,
      oldValue: { rubricId: score.rubricId, level: score.level, reason: score.reason, evidence },
      newValue: { themeId: input.themeId, modality: input.modality, dimension: input.dimension, week: input.week, reason: input.reason },
      ip: actor.ip,
    })
    return { scoreId: score.id }
  })
}

/** Scores withdrawn in a week, newest first, for the consensus page's history of the week. */
export async function listWithdrawals(db: DB, themeId: number, week: string) {
  return db
    .selectFrom('score_revision')
    .innerJoin('app_user', 'app_user.id', 'score_revision.user_id')
    .innerJoin('modality', 'modality.id', 'score_revision.modality_id')
    .innerJoin('scoring_dimension', 'scoring_dimension.id', 'score_revision.dimension_id')
    .select([
      'score_revision.id',
      'app_user.display_name as analyst',
      'modality.name_en as modalityEn',
      'modality.name_zh as modalityZh',
      'scoring_dimension.name_en as dimensionEn',
      'scoring_dimension.name_zh as dimensionZh',
      'score_revision.level',
      'score_revision.reason',
      'score_revision.saved_at as savedAt',
    ])
    .where('score_revision.theme_id', '=', themeId)
    .where('score_revision.iso_week', '=', week)
    .where('score_revision.withdrawn', '=', true)
    .orderBy('score_revision.id', 'desc')
    .execute()
}
