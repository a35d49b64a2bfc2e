// A deterministic team-scale data set for the meeting-page benchmark: weekly scores of
// every analyst for every cell (with drafts, late corrections and revisions), source
// scores, watchlists with adds and removes, data-exhaustion estimates and revisions,
// documents, mentions over companies with aliases, and meeting notes.
//
// Set-based: every large table is one INSERT ... SELECT over generate_series, so the full
// scale (2,000,000 mentions) loads in minutes. Randomness comes from bench_random(key,
// salt), a hash of integers (hashint8extended), never from random(): the same scale and
// seed give the same rows, ids included, on PostgreSQL and on PGlite.
import { type Kysely, type RawBuilder, sql } from 'kysely'

/** Bump when the generated data changes shape, so a stored bench database is rebuilt. */
export const GENERATOR_VERSION = 2
export const MARKER_KEY = 'bench.meeting_data'
export const BENCH_THEME_SLUG = 'multimodal-ai'
/** The newest generated week: the meeting the benchmark opens. A fixed past week, so the
 * page's "as it stood at the end of the week" view is the same whenever the bench runs. */
export const LAST_WEEK = '2026-W47'
const LAST_MONDAY = '2026-11-16'

export interface MeetingDataScale {
  name: string
  weeks: number
  analysts: number
  companies: number
  documents: number
  mentions: number
  watchlists: number
  sourceScores: number
}

export const SCALES = {
  full: {
    name: 'full',
    weeks: 261,
    analysts: 30,
    companies: 300,
    documents: 50_000,
    mentions: 2_000_000,
    watchlists: 3,
    sourceScores: 400,
  },
  small: { name: 'small', weeks: 52, analysts: 30, companies: 100, documents: 2_500, mentions: 100_000, watchlists: 3, sourceScores: 40 },
  tiny: { name: 'tiny', weeks: 6, analysts: 3, companies: 12, documents: 60, mentions: 600, watchlists: 2, sourceScores: 8 },
} satisfies Record<string, MeetingDataScale>

export const MODALITIES = ['text', 'image', 'video', 'audio', '3d', 'any-to-any', 'embodied', 'agents'] as const
export const DIMENSIONS = ['technology', 'data', 'compute-cost', 'adoption-2b', 'adoption-2c'] as const
const LEVELS = [
  ['Exploration', '探索期'],
  ['Breakthrough', '突破期'],
  ['Convergence', '收敛期'],
  ['Application', '应用期'],
  ['Maturity', '成熟期'],
]
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
const SOURCES = ['CICC', 'Soochow Securities', 'Epoch AI', 'Goldman Sachs', 'Morgan Stanley']
const DATA_STOCKS = [
  ['high-quality-language', 'High-quality language data', '高质量语言数据', 2024, 2],
  ['low-quality-language', 'Low-quality language data', '低质量语言数据', 2030, 20],
  ['low-quality-vision', 'Low-quality vision data', '低质量视觉数据', 2030, 30],
  ['high-quality-vision', 'High-quality vision data', '高质量视觉数据', 2028, 6],
] as const

export interface GenerateOptions {
  seed?: number
  log?: (line: string) => void
}

/**
 * Fills a freshly migrated, empty database. Runs on one pinned connection (temp tables)
 * and stores the marker last, so an interrupted build is recognised and rebuilt.
 */
export async function generateMeetingData(db: Kysely<any>, scale: MeetingDataScale, options: GenerateOptions = {}): Promise<void> {
  const seed = options.seed ?? 1
  const log = options.log ?? (() => {})
  await db.connection().execute(async (conn) => {
    const step = async (label: string, query: RawBuilder<unknown>) => {
      const started = performance.now()
      const result = await query.execute(conn)
      log(`  ${label}: ${result.numAffectedRows ?? ''} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    const n = (value: number) => sql.lit(value)
    // r(key, purpose): a uniform number in [0, 1), fixed by the seed, the key and the purpose.
    const salt = (purpose: number) => sql.lit(seed * 1000 + purpose)
    const W = n(scale.weeks)
    await sql`create or replace function bench_random(k bigint, salt bigint) returns double precision
      language sql immutable parallel safe as $$ select (hashint8extended(k, salt) & 2147483647)::float8 / 2147483648.0 $$`.execute(conn)
    await sql`create temp table g_week on commit preserve rows as
      select w as idx, (date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7) as monday,
             to_char(date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7, 'IYYY-"W"IW') as iso_week,
             ((date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7)::timestamp at time zone 'UTC') as at
      from generate_series(0, ${W} - 1) w`.execute(conn)
    const firstAt = sql`(select at from g_week where idx = 0)`

    // --- people, vocabulary, the theme --------------------------------------------
    await step(
      'users',
      sql`insert into app_user (email, display_name, password_hash, role, created_at, updated_at)
      select email, name, 'bench: no password', role, ${firstAt}, ${firstAt} from (
        select 0 as o, 'lead@bench.example' as email, 'Team Lead' as name, 'admin' as role
        union all select u, format('analyst%s@bench.example', lpad(u::text, 2, '0')), format('Analyst %s', u), 'analyst' from generate_series(1, ${n(scale.analysts)}) u
        union all select 1000, 'viewer@bench.example', 'Viewer', 'viewer') p order by o`,
    )
    await sql`create temp table g_analyst as select row_number() over (order by id) - 1 as idx, id from app_user where role = 'analyst'`.execute(
      conn,
    )
    const lead = sql`(select id from app_user where email = 'lead@bench.example')`
    await sql`insert into rubric (slug, version, name_en, name_zh, created_at) values ('default', 1, 'Maturity', '成熟度', ${firstAt})`.execute(
      conn,
    )
    const rubric = sql`(select id from rubric where slug = 'default')`
    for (const [i, [en, zh]] of LEVELS.entries()) {
      await sql`insert into rubric_level (rubric_id, level, name_en, name_zh) values (${rubric}, ${n(i + 1)}, ${en}, ${zh})`.execute(conn)
    }
    for (const [i, slug] of MODALITIES.entries()) {
      await sql`insert into modality (slug, name_en, name_zh, position) values (${slug}, ${`Modality ${slug}`}, ${`模态 ${slug}`}, ${n(i)})`.execute(
        conn,
      )
    }
    for (const [i, slug] of DIMENSIONS.entries()) {
      await sql`insert into scoring_dimension (slug, name_en, name_zh, position) values (${slug}, ${`Dimension ${slug}`}, ${`维度 ${slug}`}, ${n(i)})`.execute(
        conn,
      )
    }
    await sql`insert into theme (slug, name_en, name_zh, summary_en, stance, rubric_id, created_at, updated_at)
      values (${BENCH_THEME_SLUG}, 'Multimodal AI', '多模态', 'Benchmark theme', 'positive', ${rubric}, ${firstAt}, ${firstAt})`.execute(
      conn,
    )
    const theme = sql`(select id from theme where slug = ${BENCH_THEME_SLUG})`
    await sql`create temp table g_cell as
      select row_number() over (order by m.position, d.position) - 1 as idx, m.id as modality_id, d.id as dimension_id
      from modality m cross join scoring_dimension d`.execute(conn)

    // --- companies and aliases ------------------------------------------------------
    const C = n(scale.companies)
    await step(
      'companies',
      sql`insert into company (name_en, name_zh, region, is_listed, vendor_type, created_at, updated_at)
      select format('Bench Company %s', lpad(c::text, 3, '0')), format('基准公司%s', c),
        case when bench_random(c, ${salt(1)}) < 0.6 then 'domestic' else 'overseas' end, bench_random(c, ${salt(2)}) < 0.7,
        (array['big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform'])[1 + floor(bench_random(c, ${salt(3)}) * 5)::int],
        ${firstAt}, ${firstAt}
      from generate_series(1, ${C}) c order by c`,
    )
    await sql`create temp table g_company as select row_number() over (order by id) as idx, id, region, is_listed from company`.execute(
      conn,
    )
    await step(
      'aliases',
      sql`insert into company_alias (company_id, text, normalised_text, language, kind, created_at)
      select id, t, lower(t), lang, kind, ${firstAt} from (
        select c.id, c.idx, k, case k when 0 then format('Bench Company %s', lpad(c.idx::text, 3, '0')) when 1 then format('基准公司%s', c.idx)
          when 2 then format('BenchCo%s', c.idx) else format('Model-%s', c.idx) end as t,
          (array['en', 'zh', 'en', 'any'])[k + 1] as lang, (array['name', 'name', 'short_name', 'product'])[k + 1] as kind
        from g_company c cross join generate_series(0, 3) k) a order by idx, k`,
    )
    await sql`create temp table g_alias as select c.idx as company_idx, row_number() over (partition by a.company_id order by a.id) - 1 as ord, a.id, a.text
      from company_alias a join g_company c on c.id = a.company_id`.execute(conn)
    await step(
      'tickers',
      sql`insert into company_ticker (company_id, exchange, code, is_primary)
      select id, case when region = 'overseas' then 'US' when idx % 2 = 0 then 'HK' else 'SZ' end,
        case when region = 'overseas' then format('BX%s', idx) when idx % 2 = 0 then lpad((1000 + idx)::text, 4, '0') else (300000 + idx)::text end, true
      from g_company where is_listed order by idx`,
    )
    await step(
      'theme companies',
      sql`insert into theme_company (theme_id, company_id, role, exposure)
      select ${theme}, id, (array['driver', 'enabler', 'beneficiary'])[1 + idx % 3], (array['high', 'medium', 'low'])[1 + (idx / 3) % 3] from g_company order by idx`,
    )

    // --- watchlists: adds, removes, re-adds -------------------------------------------
    await sql`insert into watchlist (name, description, theme_id, created_by, created_at)
      select format('Bench watchlist %s', k), 'Generated for the meeting benchmark', ${theme}, ${lead}, ${firstAt} from generate_series(1, ${n(scale.watchlists)}) k order by k`.execute(
      conn,
    )
    await sql`create temp table g_entry as
      select l.id as watchlist_id, c.id as company_id, l.k, c.idx, a.w as added_w,
        case when bench_random(c.idx * 16 + l.k, ${salt(11)}) < 0.4 then a.w + 1 + floor(bench_random(c.idx * 16 + l.k, ${salt(12)}) * (${W} - a.w)) end as removed_w
      from (select id, row_number() over (order by id) as k from watchlist) l cross join g_company c
      cross join lateral (select floor(bench_random(c.idx * 16 + l.k, ${salt(10)}) * ${W} * 0.8)::int as w) a
      where bench_random(c.idx * 16 + l.k, ${salt(9)}) < 0.35`.execute(conn)
    await step(
      'watchlist entries',
      sql`insert into watchlist_entry (watchlist_id, company_id, rationale, added_by, added_at, removed_by, removed_at, removed_reason)
      select e.watchlist_id, e.company_id, format('Added: exposure to the theme (%s)', e.idx), an.id, wa.at + interval '1 day' + interval '1 hour' * e.k,
        case when wr.at is not null then ${lead} end, wr.at + interval '2 days', case when wr.at is not null then format('Removed: thesis changed (%s)', e.idx) end
      from g_entry e join g_week wa on wa.idx = e.added_w left join g_week wr on wr.idx = e.removed_w
      join g_analyst an on an.idx = (e.idx % ${n(scale.analysts)})
      union all
      select e.watchlist_id, e.company_id, format('Re-added: back on the list (%s)', e.idx), ${lead}, wr.at + interval '4 days', null, null, null
      from g_entry e join g_week wr on wr.idx = e.removed_w where bench_random(e.idx * 16 + e.k, ${salt(13)}) < 0.5
      order by 5, 1, 2`,
    )

    // --- data exhaustion: every stock re-estimated every few weeks ---------------------
    for (const [i, [slug, en, zh]] of DATA_STOCKS.entries()) {
      await sql`insert into data_stock (theme_id, slug, name_en, name_zh, position) values (${theme}, ${slug}, ${en}, ${zh}, ${n(i)})`.execute(
        conn,
      )
    }
    await step(
      'estimates',
      sql`insert into data_exhaustion_estimate (data_stock_id, source, estimated_on, year_from, year_to, note, created_by, created_at)
      select s.id, (array[${sql.join(SOURCES.map((x) => sql.lit(x)))}])[1 + floor(bench_random(w.idx * 8 + s.k, ${salt(21)}) * ${n(SOURCES.length)})::int],
        w.monday + 2, s.base + floor(bench_random(w.idx * 8 + s.k, ${salt(22)}) * 4)::int,
        s.base + floor(bench_random(w.idx * 8 + s.k, ${salt(22)}) * 4)::int + s.span + floor(bench_random(w.idx * 8 + s.k, ${salt(23)}) * 6)::int, format('Revised estimate %s', w.iso_week), ${lead}, w.at + interval '2 days'
      from (select d.id, row_number() over (order by d.position) as k, v.base, v.span from data_stock d
            join (values ${sql.join(DATA_STOCKS.map(([slug, , , base, span]) => sql`(${slug}, ${n(base)}, ${n(span)})`))}) v(slug, base, span) on v.slug = d.slug) s
      join g_week w on (w.idx + s.k) % 6 = 0 order by w.idx, s.k`,
    )

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
      sql`insert into meeting (theme_id, iso_week, held_on, notes_md, actions_md, updated_by, updated_at)
      select ${theme}, iso_week, monday, format(E'## Notes %s\n\n- Video: two analysts moved up after new releases.\n- Watchlist: discussed adds and removes.\n- Data exhaustion: estimates unchanged.', iso_week),
        format(E'- [ ] Review the disagreement cells before %s\n- [ ] Add the new reports', iso_week), ${lead}, at + interval '3 hours'
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
    await sql`insert into app_setting (key, value, updated_at) values (${MARKER_KEY}, ${JSON.stringify(markerFor(scale, seed))}::jsonb, ${firstAt})`.execute(
      conn,
    )
    for (const table of ['g_plan', 'g_week_documents', 'g_document', 'g_entry', 'g_alias', 'g_company', 'g_cell', 'g_analyst', 'g_week']) {
      await sql`drop table ${sql.id(table)}`.execute(conn)
    }
  })
}

export interface Marker {
  version: number
  scale: string
  seed: number
}

export function markerFor(scale: MeetingDataScale, seed = 1): Marker {
  return { version: GENERATOR_VERSION, scale: scale.name, seed }
}

/** The marker of a generated database, or null (not generated, or interrupted). */
export async function readMarker(db: Kysely<any>): Promise<Marker | null> {
  const found = await sql<{ value: Marker }>`select value from app_setting where key = ${MARKER_KEY}`.execute(db).catch(() => null)
  return found?.rows[0]?.value ?? null
}
