import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { listThemes } from './theme.server.ts'

// The /themes index: every theme with this week's activity, in three grouped queries
// rather than one set per theme, so the page costs the same with two themes or twenty.

/** Cells whose consensus (median, theme's rubric) differs from last week's, per theme. */
async function countConsensusMoves(db: DB, week: string) {
  const previous = shiftIsoWeek(week, -1)
  const rows = await sql<{ themeId: number; moves: number }>`
    with median as (
      select s.theme_id, s.modality_id, s.dimension_id, s.iso_week,
             percentile_cont(0.5) within group (order by s.level) as level
        from score s
        join rubric r on r.id = s.rubric_id
        join theme t on t.id = s.theme_id
        join rubric tr on tr.id = t.rubric_id
       where r.slug = tr.slug and s.iso_week in (${previous}, ${week})
       group by s.theme_id, s.modality_id, s.dimension_id, s.iso_week)
    select now_.theme_id as "themeId", count(*)::int as moves
      from median now_
      join median before_ on before_.theme_id = now_.theme_id and before_.modality_id = now_.modality_id
                          and before_.dimension_id = now_.dimension_id and before_.iso_week = ${previous}
     where now_.iso_week = ${week} and now_.level <> before_.level
     group by now_.theme_id`.execute(db)
  return new Map(rows.rows.map((r) => [r.themeId, Number(r.moves)]))
}

/** Mentions this week of each theme's current members (the weekly rollup, every language). */
async function countWeekMentions(db: DB, week: string) {
  const rows = await db
    .selectFrom('theme_company as tc')
    .innerJoin('mention_week as mw', 'mw.company_id', 'tc.company_id')
    .select((eb) => ['tc.theme_id as themeId', eb.fn.sum<number>('mw.mentions').as('mentions')])
    .where('tc.valid_to', 'is', null)
    .where('mw.iso_week', '=', week)
    .groupBy('tc.theme_id')
    .execute()
  return new Map(rows.map((r) => [r.themeId, Number(r.mentions)]))
}

/** Each theme's next meeting: the first meeting row of this week or later. */
async function listNextMeetings(db: DB, week: string) {
  const rows = await db
    .selectFrom('meeting')
    .select(['theme_id as themeId', 'iso_week as week', 'held_on as heldOn'])
    .where('iso_week', '>=', week)
    .orderBy('iso_week')
    .execute()
  const next = new Map<number, { week: string; heldOn: string | null }>()
  for (const r of rows) if (!next.has(r.themeId)) next.set(r.themeId, { week: r.week, heldOn: r.heldOn })
  return next
}

export async function listThemeIndex(db: DB, week: string) {
  const [themes, moves, mentions, meetings] = await Promise.all([
    listThemes(db),
    countConsensusMoves(db, week),
    countWeekMentions(db, week),
    listNextMeetings(db, week),
  ])
  return themes.map((t) => ({
    id: t.id,
    slug: t.slug,
    nameEn: t.nameEn,
    nameZh: t.nameZh,
    stance: t.stance,
    status: t.status,
    companies: Number(t.companyCount ?? 0),
    consensusMoves: moves.get(t.id) ?? 0,
    mentions: mentions.get(t.id) ?? 0,
    nextMeeting: meetings.get(t.id) ?? null,
  }))
}
