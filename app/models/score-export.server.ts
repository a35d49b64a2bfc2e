import { sql } from 'kysely'
import type { DB } from '#app/utils/db.server.ts'

// Every score of a theme, one row per analyst, cell and week (the latest value of that
// week), with names in both languages and the evidence titles, for CSV/XLSX export.

export async function listScoreHistory(db: DB, themeId: number) {
  return db
    .selectFrom('score')
    .innerJoin('modality as m', 'm.id', 'score.modality_id')
    .innerJoin('scoring_dimension as d', 'd.id', 'score.dimension_id')
    .innerJoin('app_user as u', 'u.id', 'score.user_id')
    .innerJoin('rubric as r', 'r.id', 'score.rubric_id')
    .innerJoin('rubric_level as rl', (join) => join.onRef('rl.rubric_id', '=', 'score.rubric_id').onRef('rl.level', '=', 'score.level'))
    .select([
      'score.iso_week as week',
      'm.slug as modality',
      'm.name_en as modalityEn',
      'm.name_zh as modalityZh',
      'd.slug as dimension',
      'd.name_en as dimensionEn',
      'd.name_zh as dimensionZh',
      'u.display_name as analyst',
      'r.slug as rubric',
      'r.version as rubricVersion',
      'score.level',
      'rl.name_en as levelEn',
      'rl.name_zh as levelZh',
      'score.reason',
      sql<string>`coalesce((
        select string_agg(doc.title, '; ' order by e.id)
        from score_evidence e
        left join mention mn on mn.id = e.mention_id
        join document doc on doc.id = coalesce(e.document_id, mn.document_id)
        where e.score_id = score.id), '')`.as('evidence'),
      'score.updated_at as savedAt',
    ])
    .where('score.theme_id', '=', themeId)
    .orderBy('score.iso_week')
    .orderBy('m.position')
    .orderBy('m.id')
    .orderBy('d.position')
    .orderBy('d.id')
    .orderBy('u.display_name')
    .execute()
}
