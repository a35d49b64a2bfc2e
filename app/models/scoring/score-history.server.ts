import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// Every score of a theme, one row per analyst, cell and week (the latest value of that
// week), with names in both languages and the evidence titles, for CSV/XLSX export.

export type ScoreHistoryRow = Awaited<ReturnType<typeof listScoreHistory>>[number]

/** Weeks per query when streaming an export: 5 years of 30 analysts is ~234,000 rows. */
export const EXPORT_WEEKS_PER_PAGE = 8

/**
 * The history a few weeks at a time, oldest first, so an export of years of scores never
 * holds them all in memory (one page is about 8 x 30 cells x analysts rows). Rows and their
 * order are listScoreHistory's; but each page reads only the score columns and its few
 * evidence titles, and takes names from the small vocabulary tables read once: joining
 * and sorting by name in SQL cost 2.3 of the 2.6 s a 5-year export spent in the database.
 */
export async function* pageScoreHistory(db: DB, themeId: number, weeksPerPage = EXPORT_WEEKS_PER_PAGE) {
  const weeks = (
    await db.selectFrom('score').select('iso_week').distinct().where('theme_id', '=', themeId).orderBy('iso_week').execute()
  ).map((r) => r.iso_week)
  let names = await readNames(db)
  for (let i = 0; i < weeks.length; i += weeksPerPage) {
    const page = weeks.slice(i, i + weeksPerPage)
    const range = { fromWeek: page[0], toWeek: page[page.length - 1] }
    const [scores, evidence] = await Promise.all([readScores(db, themeId, range), readEvidence(db, themeId, range)])
    // A user, modality or level added while the export runs is in the next page's names.
    if (scores.some((s) => !names.users.has(s.user_id) || !names.modalities.has(s.modality_id) || !names.dimensions.has(s.dimension_id)))
      names = await readNames(db)
    yield { ...range, rows: joinNames(scores, evidence, names) }
  }
}

type Range = { fromWeek: string; toWeek: string }
type Names = Awaited<ReturnType<typeof readNames>>

async function readNames(db: DB) {
  const [modalities, dimensions, users, rubrics, levels] = await Promise.all([
    db.selectFrom('modality').select(['id', 'slug', 'name_en', 'name_zh', 'position']).execute(),
    db.selectFrom('scoring_dimension').select(['id', 'slug', 'name_en', 'name_zh', 'position']).execute(),
    // PostgreSQL's own order of names (its collation), as listScoreHistory sorts them.
    db.selectFrom('app_user').select(['id', 'display_name']).orderBy('display_name').execute(),
    db.selectFrom('rubric').select(['id', 'slug', 'version']).execute(),
    db.selectFrom('rubric_level').select(['rubric_id', 'level', 'name_en', 'name_zh']).execute(),
  ])
  return {
    modalities: new Map(modalities.map((m) => [m.id, m])),
    dimensions: new Map(dimensions.map((d) => [d.id, d])),
    users: new Map(users.map((u, rank) => [u.id, { name: u.display_name, rank }])),
    rubrics: new Map(rubrics.map((r) => [r.id, r])),
    levels: new Map(levels.map((l) => [`${l.rubric_id}:${l.level}`, l])),
  }
}

const readScores = (db: DB, themeId: number, range: Range) =>
  db
    .selectFrom('score')
    .select(['id', 'iso_week', 'modality_id', 'dimension_id', 'user_id', 'rubric_id', 'level', 'reason', 'updated_at'])
    .where('theme_id', '=', themeId)
    .where('iso_week', '>=', range.fromWeek)
    .where('iso_week', '<=', range.toWeek)
    .execute()

async function readEvidence(db: DB, themeId: number, range: Range) {
  const { rows } = await sql<{ scoreId: number; titles: string }>`
    select e.score_id as "scoreId", string_agg(doc.title, '; ' order by e.id) as titles
    from score_evidence e
    join score s on s.id = e.score_id
    left join mention mn on mn.id = e.mention_id
    join document doc on doc.id = coalesce(e.document_id, mn.document_id)
    where s.theme_id = ${themeId} and s.iso_week >= ${range.fromWeek} and s.iso_week <= ${range.toWeek}
    group by e.score_id`.execute(db)
  return new Map(rows.map((r) => [r.scoreId, r.titles]))
}

function joinNames(scores: Awaited<ReturnType<typeof readScores>>, evidence: Map<number, string>, names: Names): ScoreHistoryRow[] {
  const rows = scores.flatMap((s) => {
    const m = names.modalities.get(s.modality_id)
    const d = names.dimensions.get(s.dimension_id)
    const u = names.users.get(s.user_id)
    const r = names.rubrics.get(s.rubric_id)
    const l = names.levels.get(`${s.rubric_id}:${s.level}`)
    if (!m || !d || !u || !r || !l) return [] // as the inner joins of listScoreHistory
    const row: ScoreHistoryRow = {
      week: s.iso_week,
      modality: m.slug,
      modalityEn: m.name_en,
      modalityZh: m.name_zh,
      dimension: d.slug,
      dimensionEn: d.name_en,
      dimensionZh: d.name_zh,
      analyst: u.name,
      rubric: r.slug,
      rubricVersion: r.version,
      level: s.level,
      levelEn: l.name_en,
      levelZh: l.name_zh,
      reason: s.reason,
      evidence: evidence.get(s.id) ?? '',
      savedAt: s.updated_at,
    }
    return [{ row, key: [m.position, m.id, d.position, d.id, u.rank] }]
  })
  rows.sort((a, b) => {
    if (a.row.week !== b.row.week) return a.row.week < b.row.week ? -1 : 1
    for (let k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k]
    return 0
  })
  return rows.map((r) => r.row)
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
