import type { DB } from '#app/models/db.server.ts'

import { listEvidence } from './score.server.ts'

// What the scoring page shows an analyst of their own: this week's scores with evidence,
// and the last score before it per cell (to start from, and to show the move).

/** An analyst's own scores for a week and, per cell, their latest score before it. */
export async function getMyScores(db: DB, themeId: number, userId: number, week: string) {
  const [mine, previous] = await Promise.all([
    db
      .selectFrom('score')
      .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
      .select([
        'score.id',
        'score.modality_id as modalityId',
        'score.dimension_id as dimensionId',
        'score.level',
        'score.reason',
        'rubric.slug as rubricSlug',
        'score.updated_at as updatedAt',
        'score.created_at as createdAt',
      ])
      .where('score.theme_id', '=', themeId)
      .where('score.user_id', '=', userId)
      .where('score.iso_week', '=', week)
      .execute(),
    db
      .selectFrom('score')
      .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
      .distinctOn(['score.modality_id', 'score.dimension_id'])
      .select([
        'score.modality_id as modalityId',
        'score.dimension_id as dimensionId',
        'score.level',
        'score.iso_week as week',
        'rubric.slug as rubricSlug',
      ])
      .where('score.theme_id', '=', themeId)
      .where('score.user_id', '=', userId)
      .where('score.iso_week', '<', week)
      .orderBy('score.modality_id')
      .orderBy('score.dimension_id')
      .orderBy('score.iso_week', 'desc')
      .execute(),
  ])
  const evidence = await listEvidence(
    db,
    mine.map((s) => s.id),
  )
  return {
    mine: mine.map((s) => ({ ...s, evidence: evidence.filter((e) => e.scoreId === s.id).map(({ scoreId: _, ...e }) => e) })),
    previous,
  }
}
