import { sql } from 'kysely'

import { type GenContext, SOURCES } from './meeting-data-context.ts'

// Steps of the meeting data generator: companies with aliases and tickers on the theme,
// watchlists with adds, removes and re-adds, and data-exhaustion estimates.

const DATA_STOCKS = [
  ['high-quality-language', 'High-quality language data', '高质量语言数据', 2024, 2],
  ['low-quality-language', 'Low-quality language data', '低质量语言数据', 2030, 20],
  ['low-quality-vision', 'Low-quality vision data', '低质量视觉数据', 2030, 30],
  ['high-quality-vision', 'High-quality vision data', '高质量视觉数据', 2028, 6],
] as const

export async function generateCatalogue(ctx: GenContext): Promise<void> {
  const { conn, scale, step, n, salt, W, firstAt, lead, theme } = ctx
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
  await sql`create temp table g_company as select row_number() over (order by id) as idx, id, region, is_listed from company`.execute(conn)
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
}
