import { type RawBuilder, sql } from 'kysely'

import { type GenContext, MODALITIES, SOURCES } from './meeting-data-context.ts'

// Steps of the meeting data generator: documents with their mentions and the alerts they
// raise, every analyst's weekly scores with drafts, corrections, evidence and revisions,
// source scores, meetings with notes, and the audit log the app would have written.

const PUBLISHERS = [
  'CICC',
  'Soochow Securities',
  'CITIC Securities',
  'Huatai',
  'Guotai Junan',
  'Haitong',
  'GF Securities',
  'Everbright',
  'Caixin',
  '36Kr',
  'LatePost',
  'Jiemian',
  'Reuters',
  'Bloomberg',
  'The Information',
  'TechCrunch',
  'Nikkei Asia',
  'SCMP',
  'Financial Times',
  'Epoch AI',
]

export async function generateActivity(ctx: GenContext): Promise<void> {
  const { conn, scale, step, n, salt, W, lead, rubric, theme } = ctx
  const C = n(scale.companies)
  // --- documents and mentions ---------------------------------------------------------
  const D = n(scale.documents)
  await step(
    'documents',
    sql`insert into document (title, publisher, published_on, language, content_hash, body, created_by, created_at)
    select format('Bench report %s: %s outlook', d, (array[${sql.join(MODALITIES.map((x) => sql.lit(x)))}])[1 + d % 8]),
      (array[${sql.join(PUBLISHERS.map((x) => sql.lit(x)))}])[1 + floor(power(bench_random(d, ${salt(31)}), 1.5) * ${n(PUBLISHERS.length)})::int],
      w.monday + (d % 7), (array['zh', 'en', 'mixed'])[1 + floor(bench_random(d, ${salt(32)}) * 3)::int],
      encode(sha256(convert_to(format('bench-document-%s-%s', ${salt(0)}, d), 'UTF8')), 'hex'),
      format('Generated body of report %s. Multimodal models moved this week; see the companies mentioned.', d),
      an.id, (w.monday + (d % 7))::timestamp at time zone 'UTC' + interval '10 hours'
    from generate_series(1, ${D}) d join g_week w on w.idx = ((d - 1)::bigint * ${W} / ${D})
    join g_analyst an on an.idx = d % ${n(scale.analysts)} order by d`,
  )
  await sql`create temp table g_document as select id, row_number() over (order by id) as idx, ((row_number() over (order by id) - 1) * ${W} / ${D}) as week_idx from document`.execute(
    conn,
  )
  await sql`create temp table g_week_documents as select week_idx, min(id) as first_id, count(*) as n from g_document group by week_idx`.execute(
    conn,
  )
  await step('document themes', sql`insert into document_theme (document_id, theme_id) select id, ${theme} from g_document order by 1`)
  const perDocument = n(Math.max(1, Math.round(scale.mentions / scale.documents)))
  // A skewed popularity (a few companies get most mentions) plus six "hot" companies
  // per week, so every week has movers.
  // In chunks of documents: the rollup trigger (mention_week) sees one batch at a time.
  const chunk = 5_000
  for (let first = 1; first <= scale.documents; first += chunk) {
    await step(
      `mentions of documents ${first}-${Math.min(scale.documents, first + chunk - 1)}`,
      sql`insert into mention (document_id, company_id, alias_id, alias_text, start_offset, end_offset, snippet)
      select g.id, a_company.id, a.id, a.text, j * 60, j * 60 + length(a.text), format('… %s launched a new multimodal model …', a.text)
      from g_document g cross join generate_series(0, ${perDocument} - 1) j
      cross join lateral (select g.idx * 64 + j as key) k
      cross join lateral (select case when bench_random(k.key, ${salt(41)}) < 0.25
          then 1 + ((g.week_idx * 13 + floor(bench_random(k.key, ${salt(42)}) * 6)::int * 7) % ${C})
          else 1 + floor(${C} * power(bench_random(k.key, ${salt(43)}), 2.2))::int end as company_idx) pick
      join g_alias a on a.company_idx = pick.company_idx and a.ord = floor(bench_random(k.key, ${salt(44)}) * 4)::int
      join g_company a_company on a_company.idx = pick.company_idx
      where g.idx between ${n(first)} and ${n(first + chunk - 1)}
      order by g.id, j`,
    )
  }
  // Alerts by the rule in app/models/mention-rules.ts (a watched company's week at least 5
  // mentions and 3x its 4-week trailing average), from the rollup the trigger filled.
  await step(
    'mention alerts',
    sql`insert into mention_alert (company_id, iso_week, mentions, trailing_avg, raised_at)
    select x.company_id, x.iso_week, x.mentions, x.trailing, w.at + interval '6 days' from (
      select c.company_id, c.iso_week, coalesce(m.n, 0) as mentions,
        round(coalesce(sum(coalesce(m.n, 0)) over (partition by c.company_id order by c.idx rows between 4 preceding and 1 preceding), 0) / 4.0, 2) as trailing
      from (select e.company_id, w.iso_week, w.idx from (select distinct company_id from watchlist_entry) e cross join g_week w) c
      left join (select company_id, iso_week, sum(mentions)::int as n from mention_week group by 1, 2) m on m.company_id = c.company_id and m.iso_week = c.iso_week) x
    join g_week w on w.iso_week = x.iso_week
    where x.mentions >= 5 and x.mentions >= 3 * x.trailing and w.idx >= 4 order by w.idx, x.company_id`,
  )

  // --- scores: every analyst, every cell, every week -------------------------------------
  // Each cell follows a trajectory from level s to e over the years; each analyst reads it
  // with a personal offset (so they move in different weeks) and sometimes disagrees by
  // one level for a month. Once, the whole team moves a cell by one level (news everyone
  // saw): in the newest week for about one cell in eight, so the benchmark's meeting has
  // consensus moves and history charts. Some saves had a draft earlier in the week; a few were
  // corrected after the week ended (the as-of view must not show those).
  await sql`create temp table g_plan as
    select y.*, case when prev is null or prev = level then '' else format('Moved %s to %s after new evidence (%s)', prev, level, iso_week) end as reason,
      case when prev is not null and prev <> level and y.w > 0 then (select first_id + floor(bench_random(y.key, ${salt(55)}) * n)::int from g_week_documents where week_idx = y.w) end as evidence_document_id
    from (select x.*, lag(level) over (partition by u, c order by w) as prev from (
      select u.idx as u, c.idx as c, w.idx as w, u.id as user_id, c.modality_id, c.dimension_id, w.iso_week, key,
        w.at + interval '1 day' + interval '7 minutes' * u.idx + interval '1 second' * c.idx as saved_at,
        greatest(1, least(5, round(s + (e - s) * w.idx::float8 / greatest(${W} - 1, 1) + (bench_random(u.idx * 64 + c.idx, ${salt(51)}) - 0.5) * 0.9
          + case when bench_random(block, ${salt(52)}) < 0.04 then 1 when bench_random(block, ${salt(53)}) < 0.04 then -1 else 0 end
          + case when w.idx >= step_week then (case when e >= 5 then -1 else 1 end) else 0 end)))::int as level,
        bench_random(key, ${salt(54)}) < 0.08 as has_draft, bench_random(key, ${salt(56)}) < 0.01 and w.idx < ${W} - 1 as corrected
      from g_analyst u cross join g_cell c cross join g_week w
      cross join lateral (select (u.idx * 64 + c.idx) * 4096 + w.idx as key,
        -- four-week blocks of disagreement, starting in a different week for each analyst and cell
        ((u.idx * 64 + c.idx) * 4096 + w.idx + floor(bench_random(u.idx * 64 + c.idx, ${salt(59)}) * 4)::int) / 4 as block,
        1 + floor(bench_random(c.idx, ${salt(57)}) * 2) as s, least(5, 2 + floor(bench_random(c.idx, ${salt(57)}) * 2) + floor(bench_random(c.idx, ${salt(58)}) * 3)) as e,
        case when bench_random(c.idx, ${salt(60)}) < 0.12 then ${W} - 1 else floor(bench_random(c.idx, ${salt(61)}) * ${W}) end as step_week) t
    ) x) y`.execute(conn)
  const other = (level: RawBuilder<unknown>) => sql`case when ${level} >= 5 then 4 when ${level} <= 1 then 2 else ${level} + 1 end`
  await step(
    'scores',
    sql`insert into score (theme_id, user_id, modality_id, dimension_id, iso_week, rubric_id, level, reason, created_at, updated_at)
    select ${theme}, user_id, modality_id, dimension_id, iso_week, ${rubric},
      case when corrected then ${other(sql`level`)} else level end, case when corrected then 'Corrected after the meeting' else reason end,
      saved_at, case when corrected then saved_at + interval '8 days' else saved_at end
    from g_plan order by w, u, c`,
  )
  await step(
    'score evidence',
    sql`insert into score_evidence (score_id, document_id)
    select s.id, p.evidence_document_id from g_plan p join score s on s.user_id = p.user_id and s.modality_id = p.modality_id
      and s.dimension_id = p.dimension_id and s.iso_week = p.iso_week
    where p.evidence_document_id is not null and not p.corrected order by s.id`,
  )
  await step(
    'score revisions',
    sql`insert into score_revision (score_id, theme_id, user_id, modality_id, dimension_id, iso_week, rubric_id, level, reason, evidence, saved_at)
    select s.id, s.theme_id, p.user_id, p.modality_id, p.dimension_id, p.iso_week, s.rubric_id, r.level, r.reason, r.evidence, r.saved_at
    from g_plan p join score s on s.user_id = p.user_id and s.modality_id = p.modality_id and s.dimension_id = p.dimension_id and s.iso_week = p.iso_week
    left join document d on d.id = p.evidence_document_id
    cross join lateral (
      select 0 as o, ${other(sql`p.level`)} as level, 'First take' as reason, '[]'::jsonb as evidence, p.saved_at - interval '20 hours' as saved_at where p.has_draft
      union all select 1, p.level, p.reason,
        case when d.id is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('documentId', d.id, 'mentionId', null, 'title', d.title)) end, p.saved_at
      union all select 2, ${other(sql`p.level`)}, 'Corrected after the meeting', '[]'::jsonb, p.saved_at + interval '8 days' where p.corrected) r
    order by r.saved_at, p.u, p.c, r.o`,
  )
  await step(
    'source scores',
    sql`insert into source_score (theme_id, modality_id, dimension_id, source, published_on, rubric_id, level, note, created_by, created_at)
    select ${theme}, c.modality_id, c.dimension_id, (array[${sql.join(SOURCES.map((x) => sql.lit(x)))}])[1 + i % ${n(SOURCES.length)}],
      w.monday + 3, ${rubric}, 1 + floor(bench_random(i, ${salt(61)}) * 5)::int, format('Report view %s', i), ${lead}, w.at + interval '3 days'
    from generate_series(1, ${n(scale.sourceScores)}) i
    join g_cell c on c.idx = floor(bench_random(i, ${salt(62)}) * 40)::int
    join g_week w on w.idx = floor(bench_random(i, ${salt(63)}) * ${W})::int order by i`,
  )

  // --- meetings with notes ----------------------------------------------------------------
  await step(
    'meetings',
    // Closed when the notes were saved, as every meeting was before closing was its own action.
    sql`insert into meeting (theme_id, iso_week, held_on, notes_md, actions_md, updated_by, updated_at, closed_by, closed_at)
    select ${theme}, iso_week, monday, format(E'## Notes %s\n\n- Video: two analysts moved up after new releases.\n- Watchlist: discussed adds and removes.\n- Data exhaustion: estimates unchanged.', iso_week),
      format(E'- [ ] Review the disagreement cells before %s\n- [ ] Add the new reports', iso_week), ${lead}, at + interval '3 hours',
      ${lead}, at + interval '3 hours'
    from g_week order by idx`,
  )
  // The audit log as the app writes it: one row per score save and per notes save (a
  // past meeting reads its notes from here, app/models/meeting.server.ts).
  await step(
    'audit log',
    sql`insert into audit_log (at, user_id, action, entity_type, entity_id, new_value)
    select at, user_id, action, entity_type, entity_id, new_value from (
      select r.saved_at as at, r.user_id, case when r.id = first.id then 'score.create' else 'score.replace' end as action, 'score' as entity_type, r.score_id::text as entity_id,
        jsonb_build_object('themeId', r.theme_id, 'week', r.iso_week, 'level', r.level, 'reason', r.reason) as new_value, r.id as o
      from score_revision r join lateral (select min(id) as id from score_revision f where f.score_id = r.score_id) first on true
      union all
      select m.updated_at, m.updated_by, 'meeting.notes', 'meeting', m.id::text,
        jsonb_build_object('themeId', m.theme_id, 'week', m.iso_week, 'notesMd', m.notes_md, 'actionsMd', m.actions_md), 0
      from meeting m) a order by at, o`,
  )
}
