import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

import { EXPORT_WEEKS_PER_PAGE, listScoredWeeks, readExportNames } from './score-history.server.ts'

// The saves a later save replaced (issue 16): `score` keeps one value per analyst, cell and
// week, so a level changed on Tuesday and again on Thursday shows only Thursday's in the
// export. score_revision keeps every save (decision 012); these are all but the last of
// each score, with when they were replaced, for the export's "Earlier saves" sheet.

export interface ScoreChangeRow {
  week: string
  modality: string
  dimension: string
  analyst: string
  level: number
  levelEn: string
  levelZh: string
  reason: string
  evidence: string
  /** Milliseconds since 1970 UTC, as ScoreHistoryRow.savedAtMs. */
  savedAtMs: number
  replacedAtMs: number
  /** The level the next save gave. */
  replacedBy: number
}

/** A few weeks at a time, oldest first, in save order within each week. */
export async function* pageScoreChanges(db: DB, themeId: number, weeksPerPage = EXPORT_WEEKS_PER_PAGE) {
  const weeks = await listScoredWeeks(db, 'score_revision', themeId)
  let names = await readExportNames(db)
  for (let i = 0; i < weeks.length; i += weeksPerPage) {
    const page = weeks.slice(i, i + weeksPerPage)
    const { rows } = await sql<{
      iso_week: string
      modality_id: number
      dimension_id: number
      user_id: number
      rubric_id: number
      level: number
      reason: string
      titles: string | null
      saved_ms: number
      replaced_ms: number
      replaced_by: number
    }>`
      select iso_week, modality_id, dimension_id, user_id, rubric_id, level, reason, replaced_by,
        (extract(epoch from saved_at) * 1000)::float8 as saved_ms, (extract(epoch from replaced_at) * 1000)::float8 as replaced_ms,
        (select string_agg(e ->> 'title', '; ') from jsonb_array_elements(evidence) e) as titles
      from (
        select r.*, lead(r.saved_at) over w as replaced_at, lead(r.level) over w as replaced_by
        from score_revision r
        where r.theme_id = ${themeId} and r.iso_week >= ${page[0]} and r.iso_week <= ${page[page.length - 1]}
        window w as (partition by r.score_id order by r.id)
      ) revision
      where replaced_at is not null
      order by iso_week, saved_at, id`.execute(db)
    if (rows.some((r) => !names.users.has(r.user_id) || !names.modalities.has(r.modality_id) || !names.dimensions.has(r.dimension_id)))
      names = await readExportNames(db)
    yield rows.flatMap((r): ScoreChangeRow[] => {
      const m = names.modalities.get(r.modality_id)
      const d = names.dimensions.get(r.dimension_id)
      const u = names.users.get(r.user_id)
      const l = names.levels.get(r.rubric_id)?.get(r.level)
      if (!m || !d || !u) return []
      return [
        {
          week: r.iso_week,
          modality: m.name.slug,
          dimension: d.name.slug,
          analyst: u.name,
          level: r.level,
          levelEn: l?.en ?? '',
          levelZh: l?.zh ?? '',
          reason: r.reason,
          evidence: r.titles ?? '',
          savedAtMs: r.saved_ms,
          replacedAtMs: r.replaced_ms,
          replacedBy: r.replaced_by,
        },
      ]
    })
  }
}
