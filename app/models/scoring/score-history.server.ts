import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// Every score of a theme, one row per analyst, cell and week (the latest value of that
// week), with names in both languages and the evidence titles, for CSV/XLSX export.

export interface ScoreHistoryRow {
  week: string
  modality: string
  modalityEn: string
  modalityZh: string
  dimension: string
  dimensionEn: string
  dimensionZh: string
  analyst: string
  rubric: string
  rubricVersion: number
  level: number
  levelEn: string
  levelZh: string
  reason: string
  evidence: string
  /** When it was saved, in milliseconds since 1970 UTC (a number: parsing 300,000 Dates cost more than writing them). */
  savedAtMs: number
}

/** Weeks per query when streaming an export: 5 years of 30 analysts is ~234,000 rows. */
export const EXPORT_WEEKS_PER_PAGE = 8

/**
 * The history a few weeks at a time, oldest first, so an export of years of scores never
 * holds them all in memory (one page is about 8 x 30 cells x analysts rows), ordered by
 * week, modality, dimension and analyst's name. Each page reads only the score columns and
 * its few evidence titles, and takes names from the small vocabulary tables read once:
 * joining and sorting by name in SQL cost 2.3 of the 2.6 s a 5-year export spent in the
 * database. The next page is asked for while this one is written, so the database and the
 * writer work at the same time.
 */
export async function* pageScoreHistory(db: DB, themeId: number, weeksPerPage = EXPORT_WEEKS_PER_PAGE) {
  const weeks = (
    await db.selectFrom('score').select('iso_week').distinct().where('theme_id', '=', themeId).orderBy('iso_week').execute()
  ).map((r) => r.iso_week)
  let names = await readExportNames(db)
  const rangeAt = (i: number) => ({ fromWeek: weeks[i], toWeek: weeks[Math.min(i + weeksPerPage, weeks.length) - 1] })
  const read = (range: Range) => {
    const reading = readScores(db, themeId, range).then(async (scores) => [scores, await readEvidence(db, themeId, range, scores)] as const)
    reading.catch(() => {}) // awaited below; this only keeps an abandoned read from being "unhandled"
    return reading
  }
  let next = weeks.length ? read(rangeAt(0)) : null
  for (let i = 0; next; i += weeksPerPage) {
    const range = rangeAt(i)
    const [scores, evidence] = await next
    next = i + weeksPerPage < weeks.length ? read(rangeAt(i + weeksPerPage)) : null
    // A user, modality or level added while the export runs is in the next page's names.
    if (scores.some((s) => !names.users.has(s[3]) || !names.modalities.has(s[1]) || !names.dimensions.has(s[2])))
      names = await readExportNames(db)
    yield { ...range, rows: joinNames(scores, evidence, names) }
  }
}

type Range = { fromWeek: string; toWeek: string }
type Names = Awaited<ReturnType<typeof readExportNames>>

/** The small vocabulary tables an export takes its names from, read once per export. */
export async function readExportNames(db: DB) {
  const [modalities, dimensions, users, rubrics, levels] = await Promise.all([
    db.selectFrom('modality').select(['id', 'slug', 'name_en', 'name_zh', 'position']).execute(),
    db.selectFrom('scoring_dimension').select(['id', 'slug', 'name_en', 'name_zh', 'position']).execute(),
    // PostgreSQL's own order of names (its collation), so analysts sort as the database would sort them.
    db.selectFrom('app_user').select(['id', 'display_name']).orderBy('display_name').execute(),
    db.selectFrom('rubric').select(['id', 'slug', 'version']).execute(),
    db.selectFrom('rubric_level').select(['rubric_id', 'level', 'name_en', 'name_zh']).execute(),
  ])
  const ranked = <T extends { id: number; position: number }>(list: T[]) =>
    new Map([...list].sort((a, b) => a.position - b.position || a.id - b.id).map((item, rank) => [item.id, { ...item, rank }]))
  return {
    modalities: ranked(modalities),
    dimensions: ranked(dimensions),
    users: new Map(users.map((u, rank) => [u.id, { name: u.display_name, rank }])),
    rubrics: new Map(rubrics.map((r) => [r.id, r])),
    levels: new Map(levels.map((l) => [`${l.rubric_id}:${l.level}`, l])),
  }
}

/** [id, modality, dimension, user, rubric, level, reason, saved ms, week] */
type ScoreTuple = [number, number, number, number, number, number, string, number, string]

// The page as one JSON text that JSON.parse reads natively: decoding ~10,000 rows of 9
// columns one field at a time in pg's protocol parser cost more than the rest of the export.
async function readScores(db: DB, themeId: number, range: Range): Promise<ScoreTuple[]> {
  const { rows } = await sql<{ page: string | null }>`
    select json_agg(json_build_array(id, modality_id, dimension_id, user_id, rubric_id, level, reason,
      (extract(epoch from updated_at) * 1000)::float8, iso_week))::text as page
    from score
    where theme_id = ${themeId} and iso_week >= ${range.fromWeek} and iso_week <= ${range.toWeek}`.execute(db)
  return rows[0]?.page ? (JSON.parse(rows[0].page) as ScoreTuple[]) : []
}

// The page's score ids bound the evidence read: without that bound the planner hashed every
// evidence row of the database for each page (40 ms a page at bench scale, 1 ms with it).
async function readEvidence(db: DB, themeId: number, range: Range, scores: ScoreTuple[]) {
  if (scores.length === 0) return new Map<number, string>()
  let low = scores[0][0]
  let high = low
  for (const [id] of scores) {
    if (id < low) low = id
    if (id > high) high = id
  }
  const { rows } = await sql<{ scoreId: number; titles: string }>`
    select e.score_id as "scoreId", string_agg(doc.title, '; ' order by e.id) as titles
    from score_evidence e
    join score s on s.id = e.score_id
    left join mention mn on mn.id = e.mention_id
    join document doc on doc.id = coalesce(e.document_id, mn.document_id)
    where s.theme_id = ${themeId} and s.iso_week >= ${range.fromWeek} and s.iso_week <= ${range.toWeek}
      and e.score_id >= ${low} and e.score_id <= ${high}
    group by e.score_id`.execute(db)
  return new Map(rows.map((r) => [r.scoreId, r.titles]))
}

function joinNames(scores: ScoreTuple[], evidence: Map<number, string>, names: Names): ScoreHistoryRow[] {
  const rows: ScoreHistoryRow[] = []
  const keys: number[] = []
  const weekRank = new Map([...new Set(scores.map((s) => s[8]))].sort().map((week, rank) => [week, rank]))
  const { modalities, dimensions, users, rubrics, levels } = names
  for (const [id, modalityId, dimensionId, userId, rubricId, level, reason, savedAtMs, week] of scores) {
    const m = modalities.get(modalityId)
    const d = dimensions.get(dimensionId)
    const u = users.get(userId)
    const r = rubrics.get(rubricId)
    const l = levels.get(`${rubricId}:${level}`)
    if (!m || !d || !u || !r || !l) continue // names gone (a row deleted meanwhile): left out, as an inner join would
    rows.push({
      week,
      modality: m.slug,
      modalityEn: m.name_en,
      modalityZh: m.name_zh,
      dimension: d.slug,
      dimensionEn: d.name_en,
      dimensionZh: d.name_zh,
      analyst: u.name,
      rubric: r.slug,
      rubricVersion: r.version,
      level,
      levelEn: l.name_en,
      levelZh: l.name_zh,
      reason,
      evidence: evidence.get(id) ?? '',
      savedAtMs,
    })
    // Week, then modality, dimension (each by position) and analyst's name, as one number.
    keys.push(((weekRank.get(week)! * modalities.size + m.rank) * dimensions.size + d.rank) * users.size + u.rank)
  }
  const order = rows.map((_, i) => i).sort((a, b) => keys[a] - keys[b])
  return order.map((i) => rows[i])
}
