import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// Every score of a theme, one row per analyst, cell and week (the latest value of that
// week), with names in both languages and the evidence titles, for CSV/XLSX export.

/** A modality or dimension as an export names it; one object per modality, shared by its rows. */
export interface ExportName {
  slug: string
  en: string
  zh: string
}

/** A rubric level as an export names it; one object per rubric and level, shared by its rows. */
export interface ExportLevel {
  rubric: string
  rubricVersion: number
  level: number
  en: string
  zh: string
}

export interface ScoreHistoryRow {
  week: string
  modality: ExportName
  dimension: ExportName
  analyst: string
  level: ExportLevel
  reason: string
  evidence: string
  /** When it was saved, in milliseconds since 1970 UTC (a number: parsing 300,000 Dates cost more than writing them). */
  savedAtMs: number
}

/** Weeks per query when streaming an export: 5 years of 30 analysts is ~313,000 rows. */
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
  const weeks = await listScoredWeeks(db, 'score', themeId)
  let names = await readExportNames(db)
  const rangeAt = (i: number) => ({ fromWeek: weeks[i], toWeek: weeks[Math.min(i + weeksPerPage, weeks.length) - 1] })
  const read = (range: Range) => {
    const reading = readScores(db, themeId, range)
    reading.catch(() => {}) // awaited below; this only keeps an abandoned read from being "unhandled"
    return reading
  }
  let next = weeks.length ? read(rangeAt(0)) : null
  for (let i = 0; next; i += weeksPerPage) {
    const range = rangeAt(i)
    const scores = await next
    next = i + weeksPerPage < weeks.length ? read(rangeAt(i + weeksPerPage)) : null
    let rows = joinNames(scores, names)
    // A user, modality or level added while the export runs is in the next page's names.
    if (!rows) {
      names = await readExportNames(db)
      rows = joinNames(scores, names, { leaveOutUnknown: true })!
    }
    yield { ...range, rows }
  }
}

/**
 * The weeks a theme has rows in, oldest first, by one index probe per week (a loose index
 * scan): `select distinct` read all 313,000 index entries of 5 years, 100-170 ms a time.
 */
export async function listScoredWeeks(db: DB, table: 'score' | 'score_revision', themeId: number) {
  const { rows } = await sql<{ week: string }>`
    with recursive w(week) as (
      select min(iso_week) from ${sql.table(table)} where theme_id = ${themeId}
      union all
      select (select min(iso_week) from ${sql.table(table)} where theme_id = ${themeId} and iso_week > w.week) from w where w.week is not null
    )
    select week from w where week is not null`.execute(db)
  return rows.map((r) => r.week)
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
  const ranked = (list: { id: number; slug: string; name_en: string; name_zh: string; position: number }[]) =>
    new Map(
      [...list]
        .sort((a, b) => a.position - b.position || a.id - b.id)
        .map((item, rank) => [item.id, { rank, name: { slug: item.slug, en: item.name_en, zh: item.name_zh } as ExportName }]),
    )
  const rubricById = new Map(rubrics.map((r) => [r.id, r]))
  // By rubric, then level: a number key per row would need a string built per row.
  const levelsByRubric = new Map<number, Map<number, ExportLevel>>()
  for (const l of levels) {
    const rubric = rubricById.get(l.rubric_id)
    if (!rubric) continue
    if (!levelsByRubric.has(l.rubric_id)) levelsByRubric.set(l.rubric_id, new Map())
    levelsByRubric
      .get(l.rubric_id)!
      .set(l.level, { rubric: rubric.slug, rubricVersion: rubric.version, level: l.level, en: l.name_en, zh: l.name_zh })
  }
  return {
    modalities: ranked(modalities),
    dimensions: ranked(dimensions),
    users: new Map(users.map((u, rank) => [u.id, { name: u.display_name, rank }])),
    levels: levelsByRubric,
  }
}

// Per row: id, modality, dimension, user, rubric, level, saved ms, week as yyyyww, and the
// reason's length in code points.
const WEEK = 7
const REASON_LENGTH = 8
const STRIDE = 9

/** A page of scores: STRIDE numbers a row, and each row's reason. */
interface ScorePage {
  numbers: Float64Array
  reasons: string[]
  /** Evidence titles by score id. */
  evidence: Map<number, string>
}

// The numbers of a page as one comma-separated text, and the reasons run together, cut
// apart by their lengths. Building a JSON value per row (json_build_array) cost PostgreSQL
// 4-5x the time of this plain text, and decoding 10,000 rows one field at a time in pg's
// protocol parser cost more than the rest of the export. The page's evidence titles come in
// the same statement (one round trip a page), read within the page's score ids: without
// that bound the planner hashed every evidence row of the database for each page.
async function readScores(db: DB, themeId: number, range: Range): Promise<ScorePage> {
  const { rows } = await sql<{ numbers: string | null; reasons: string | null; evidence: string | null }>`
    select string_agg(concat_ws(',', s.id, s.modality_id, s.dimension_id, s.user_id, s.rubric_id, s.level,
        floor(date_part('epoch', s.updated_at) * 1000)::int8, replace(s.iso_week, '-W', ''), char_length(s.reason)), ',') as numbers,
      string_agg(s.reason, '') as reasons,
      (select json_agg(json_build_array(ev.score_id, ev.titles))::text from (
        select e.score_id, string_agg(doc.title, '; ' order by e.id) as titles
        from score_evidence e
        join score es on es.id = e.score_id
        left join mention mn on mn.id = e.mention_id
        join document doc on doc.id = coalesce(e.document_id, mn.document_id)
        where e.score_id >= min(s.id) and e.score_id <= max(s.id)
          and es.theme_id = ${themeId} and es.iso_week >= ${range.fromWeek} and es.iso_week <= ${range.toWeek}
        group by e.score_id) ev) as evidence
    from score s
    where s.theme_id = ${themeId} and s.iso_week >= ${range.fromWeek} and s.iso_week <= ${range.toWeek}`.execute(db)
  const page = rows[0]
  const numbers = page?.numbers ? parseIntegers(page.numbers) : new Float64Array(0)
  return {
    numbers,
    reasons: cutReasons(numbers, page?.reasons ?? ''),
    evidence: new Map(page?.evidence ? (JSON.parse(page.evidence) as [number, string][]) : []),
  }
}

// Comma-separated integers into one typed array: half JSON.parse's time, and no array of
// boxed numbers to collect afterwards.
function parseIntegers(text: string): Float64Array {
  let count = 1
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++
  const numbers = new Float64Array(count)
  let at = 0
  let n = 0
  let sign = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      numbers[at++] = sign * n
      n = 0
      sign = 1
    } else if (c === 45) sign = -1
    else n = n * 10 + (c - 48)
  }
  numbers[at] = sign * n
  return numbers
}

// PostgreSQL counts code points, JS strings count UTF-16 units: they differ only where a
// reason holds a character outside the BMP (an emoji), checked once per page.
function cutReasons(numbers: Float64Array, all: string): string[] {
  const reasons: string[] = []
  const astral = /[\uD800-\uDFFF]/.test(all)
  let at = 0
  for (let i = REASON_LENGTH; i < numbers.length; i += STRIDE) {
    let end = at + numbers[i]
    if (astral) {
      end = at
      for (let n = numbers[i]; n > 0; n--) end += all.codePointAt(end)! > 0xffff ? 2 : 1
    }
    reasons.push(at === end ? '' : all.slice(at, end))
    at = end
  }
  return reasons
}

const weekText = (yyyyww: number) => `${Math.floor(yyyyww / 100)}-W${String(yyyyww % 100).padStart(2, '0')}`

/** The page's rows with their names, or null when a name is not among those read (unless told to leave such rows out). */
function joinNames({ numbers, reasons, evidence }: ScorePage, names: Names, { leaveOutUnknown = false } = {}): ScoreHistoryRow[] | null {
  const rows: ScoreHistoryRow[] = []
  const keys: number[] = []
  const { modalities, dimensions, users, levels } = names
  const inPage = new Set<number>()
  for (let i = WEEK; i < numbers.length; i += STRIDE) inPage.add(numbers[i])
  const weeks = new Map([...inPage].sort((a, b) => a - b).map((w, rank) => [w, { text: weekText(w), rank }]))
  for (let i = 0, row = 0; i < numbers.length; i += STRIDE, row++) {
    const m = modalities.get(numbers[i + 1])
    const d = dimensions.get(numbers[i + 2])
    const u = users.get(numbers[i + 3])
    const l = levels.get(numbers[i + 4])?.get(numbers[i + 5])
    if (!m || !d || !u || !l) {
      if (!leaveOutUnknown) return null
      continue // names gone (a row deleted meanwhile): left out, as an inner join would
    }
    const week = weeks.get(numbers[i + WEEK])!
    rows.push({
      week: week.text,
      modality: m.name,
      dimension: d.name,
      analyst: u.name,
      level: l,
      reason: reasons[row],
      evidence: evidence.get(numbers[i]) ?? '',
      savedAtMs: numbers[i + 6],
    })
    // Week, then modality, dimension (each by position) and analyst's name, as one number.
    keys.push(((week.rank * modalities.size + m.rank) * dimensions.size + d.rank) * users.size + u.rank)
  }
  return sortByKeys(rows, keys)
}

// One typed-array sort of key x count + index (exact while that stays under 2^53, which
// 8 weeks of 1,000 cells and 1,000 analysts still do) instead of a comparator called
// 130,000 times a page.
function sortByKeys<T>(rows: T[], keys: number[]): T[] {
  const n = rows.length
  let max = 0
  for (const key of keys) if (key > max) max = key
  if ((max + 1) * n > Number.MAX_SAFE_INTEGER)
    return rows
      .map((_, i) => i)
      .sort((a, b) => keys[a] - keys[b])
      .map((i) => rows[i])
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = keys[i] * n + i
  packed.sort()
  const sorted = new Array<T>(n)
  for (let i = 0; i < n; i++) sorted[i] = rows[packed[i] % n]
  return sorted
}
