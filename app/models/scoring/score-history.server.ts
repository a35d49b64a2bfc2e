import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// Every score of a theme, one row per analyst, cell and week (the latest value of that
// week), with names in both languages and the evidence titles, for CSV/XLSX export.

export type ScoreHistoryRow = Awaited<ReturnType<typeof listScoreHistory>>[number]

/** Weeks per query when streaming an export: 5 years of 30 analysts is ~234,000 rows. */
export const EXPORT_WEEKS_PER_PAGE = 8

/**
 * The history a few weeks at a time, oldest first, so an export of years of scores never
 * holds them all in memory (one page is about 8 x 30 cells x analysts rows).
 */
export async function* pageScoreHistory(db: DB, themeId: number, weeksPerPage = EXPORT_WEEKS_PER_PAGE) {
  const weeks = (
    await db.selectFrom('score').select('iso_week').distinct().where('theme_id', '=', themeId).orderBy('iso_week').execute()
  ).map((r) => r.iso_week)
  for (let i = 0; i < weeks.length; i += weeksPerPage) {
    const page = weeks.slice(i, i + weeksPerPage)
    yield {
      fromWeek: page[0],
      toWeek: page[page.length - 1],
      rows: await listScoreHistory(db, themeId, { fromWeek: page[0], toWeek: page[page.length - 1] }),
    }
  }
}

export async function listScoreHistory(db: DB, themeId: number, range?: { fromWeek: string; toWeek: string }) {
  let query = db
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
  if (range) query = query.where('score.iso_week', '>=', range.fromWeek).where('score.iso_week', '<=', range.toWeek)
  return query
    .orderBy('score.iso_week')
    .orderBy('m.position')
    .orderBy('m.id')
    .orderBy('d.position')
    .orderBy('d.id')
    .orderBy('u.display_name')
    .execute()
}
