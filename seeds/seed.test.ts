import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { normaliseAlias } from '#app/utils/normalise.ts'
import { formatTicker, parseTicker } from '#app/utils/ticker.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'

import { DEMO_COMPANIES, DEMO_THEMES, DEMO_WATCHLISTS } from './demo-data.ts'
import { isDemoSeeded, seedDemoData } from './seed.ts'

let conn: Connection
let seededBefore: boolean
let first: { created: number }
let second: { created: number }
let countsAfterFirst: Record<string, number>
let countsAfterSecond: Record<string, number>

async function countRows(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(conn.db)
  const counts: Record<string, number> = {}
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(conn.db)
    counts[name] = rows[0].n
  }
  return counts
}

beforeAll(async () => {
  conn = await createTestDatabase()
  seededBefore = await isDemoSeeded(conn.db)
  first = await seedDemoData(conn.db)
  countsAfterFirst = await countRows()
  second = await seedDemoData(conn.db)
  countsAfterSecond = await countRows()
})
afterAll(async () => {
  await conn.close()
})

describe('seedDemoData', () => {
  it('creates rows the first time and changes nothing the second', async () => {
    expect(seededBefore).toBe(false)
    expect(first.created).toBeGreaterThan(100)
    expect(second.created).toBe(0)
    expect(countsAfterSecond).toEqual(countsAfterFirst)
    expect(countsAfterFirst.company).toBe(DEMO_COMPANIES.length)
    expect(await isDemoSeeded(conn.db)).toBe(true)
  })

  it('leaves one audit row for the run that loaded data, and none for the no-op run', async () => {
    const rows = await conn.db.selectFrom('audit_log').select(['action', 'user_id', 'new_value']).execute()
    expect(rows).toEqual([{ action: 'seed.demo_loaded', user_id: null, new_value: { created: first.created } }])
  })

  it('gives the theme application segments on both the 2B and the 2C side', async () => {
    const audiences = await conn.db
      .selectFrom('application_segment')
      .innerJoin('theme', 'theme.id', 'application_segment.theme_id')
      .where('theme.slug', '=', 'multimodal-ai')
      .select('application_segment.audience')
      .distinct()
      .orderBy('application_segment.audience')
      .execute()
    expect(audiences.map((a) => a.audience)).toEqual(['2B', '2C'])
  })

  it('links the theme to domestic and overseas companies and to the default rubric', async () => {
    const regions = await conn.db
      .selectFrom('theme_company')
      .innerJoin('theme', 'theme.id', 'theme_company.theme_id')
      .innerJoin('company', 'company.id', 'theme_company.company_id')
      .where('theme.slug', '=', 'multimodal-ai')
      .select('company.region')
      .distinct()
      .orderBy('company.region')
      .execute()
    expect(regions.map((r) => r.region)).toEqual(['domestic', 'overseas'])
    const theme = await conn.db
      .selectFrom('theme')
      .innerJoin('rubric', 'rubric.id', 'theme.rubric_id')
      .where('theme.slug', '=', 'multimodal-ai')
      .select(['rubric.slug', 'theme.stance'])
      .executeTakeFirstOrThrow()
    expect(theme).toEqual({ slug: 'default', stance: 'positive' })
  })

  it('stores every ticker in the form parseTicker produces', async () => {
    const tickers = await conn.db.selectFrom('company_ticker').select(['exchange', 'code']).execute()
    expect(tickers.length).toBeGreaterThanOrEqual(15)
    for (const ticker of tickers) {
      const shown = formatTicker(ticker)
      expect(parseTicker(shown), shown).toEqual(ticker)
      expect(formatTicker(parseTicker(shown)!)).toBe(shown)
    }
  })

  it('finds Meitu by its Chinese name', async () => {
    const row = await conn.db
      .selectFrom('company_alias')
      .innerJoin('company', 'company.id', 'company_alias.company_id')
      .where('company_alias.normalised_text', '=', normaliseAlias('美图'))
      .select(['company.name_en', 'company_alias.language'])
      .executeTakeFirst()
    expect(row).toEqual({ name_en: 'Meitu', language: 'zh' })
  })

  it('resolves BABA and 9988.HK (and 09988.HK) to the same company', async () => {
    const companyOf = async (input: string) => {
      const ticker = parseTicker(input)!
      const row = await conn.db
        .selectFrom('company_ticker')
        .innerJoin('company', 'company.id', 'company_ticker.company_id')
        .where('exchange', '=', ticker.exchange)
        .where('code', '=', ticker.code)
        .select('company.name_en')
        .executeTakeFirstOrThrow()
      return row.name_en
    }
    expect(await companyOf('BABA')).toBe('Alibaba')
    expect(await companyOf('9988.HK')).toBe('Alibaba')
    expect(await companyOf('09988.HK')).toBe('Alibaba')
  })

  it('gives ambiguous aliases their reason and negative context, and the theme its topic words', async () => {
    const alias = (text: string) =>
      conn.db
        .selectFrom('company_alias')
        .select(['is_ambiguous', 'ambiguous_reason', 'negative_context'])
        .where('normalised_text', '=', normaliseAlias(text))
        .executeTakeFirstOrThrow()
    expect(await alias('苹果')).toMatchObject({ is_ambiguous: true, ambiguous_reason: 'chinese_word' })
    expect((await alias('苹果')).negative_context).toContain('水果')
    expect((await alias('SAM')).negative_context).toContain('addressable market')
    expect(await alias('Stability')).toMatchObject({ is_ambiguous: true, ambiguous_reason: 'english_word' })
    expect(await alias('OpenAI')).toEqual({ is_ambiguous: false, ambiguous_reason: null, negative_context: [] })
    const theme = await conn.db.selectFrom('theme').select('topic_words').where('slug', '=', 'multimodal-ai').executeTakeFirstOrThrow()
    expect(theme.topic_words).toEqual(expect.arrayContaining(['视频生成', '文生图', 'video generation', 'text-to-image']))
  })

  it('loads the Epoch AI data-exhaustion estimates', async () => {
    const rows = await conn.db
      .selectFrom('data_exhaustion_estimate as e')
      .innerJoin('data_stock as s', 's.id', 'e.data_stock_id')
      .select(['s.slug', 'e.source', 'e.estimated_on', 'e.year_from', 'e.year_to'])
      .orderBy('s.position')
      .execute()
    expect(rows).toEqual([
      { slug: 'high-quality-language', source: 'Epoch AI', estimated_on: '2022-10-26', year_from: 2023, year_to: 2026 },
      { slug: 'low-quality-language', source: 'Epoch AI', estimated_on: '2022-10-26', year_from: 2030, year_to: 2050 },
      { slug: 'low-quality-vision', source: 'Epoch AI', estimated_on: '2022-10-26', year_from: 2030, year_to: 2060 },
    ])
  })

  it('fills the demo watchlists, with tags', async () => {
    const entries = await conn.db
      .selectFrom('watchlist_entry as e')
      .innerJoin('watchlist as w', 'w.id', 'e.watchlist_id')
      .innerJoin('company as c', 'c.id', 'e.company_id')
      .where('w.name', '=', 'Multimodal core')
      .select(['c.name_en', 'e.tags'])
      .execute()
    expect(entries.length).toBe(DEMO_WATCHLISTS[0].entries.length)
    expect(entries.find((e) => e.name_en === 'Meitu')?.tags).toEqual(['domestic', 'application', 'image', 'video'])
  })

  it('does not bring back a watchlist entry the team removed', async () => {
    const meitu = await conn.db.selectFrom('company').select('id').where('name_en', '=', 'Meitu').executeTakeFirstOrThrow()
    await conn.db.updateTable('watchlist_entry').set({ removed_at: new Date() }).where('company_id', '=', meitu.id).execute()
    expect(await seedDemoData(conn.db)).toEqual({ created: 0 })
  })
})

describe('the demo data set', () => {
  it('has no two aliases that fold to the same text', () => {
    const owners = new Map<string, string[]>()
    for (const company of DEMO_COMPANIES) {
      for (const alias of company.aliases) {
        const key = normaliseAlias(alias.text)
        owners.set(key, [...(owners.get(key) ?? []), `${company.nameEn}: ${alias.text}`])
      }
    }
    const duplicates = [...owners.values()].filter((list) => list.length > 1)
    expect(duplicates).toEqual([])
  })

  it('has well-formed tickers and no ticker on two companies', () => {
    const seen = new Map<string, string>()
    for (const company of DEMO_COMPANIES) {
      for (const text of company.tickers) {
        const ticker = parseTicker(text)
        expect(ticker, `${company.nameEn}: ${text}`).not.toBeNull()
        const shown = formatTicker(ticker!)
        expect(seen.get(shown), shown).toBeUndefined()
        seen.set(shown, company.nameEn)
      }
      expect(company.tickers.length > 0, `${company.nameEn} is_listed matches its tickers`).toBe(company.isListed)
    }
  })

  it('refers only to companies it defines', () => {
    const names = new Set(DEMO_COMPANIES.map((c) => c.nameEn))
    const referenced = [
      ...DEMO_COMPANIES.flatMap((c) => (c.parent ? [c.parent] : [])),
      ...DEMO_THEMES.flatMap((t) => [
        ...t.companies.map((tc) => tc.company),
        ...t.segments.flatMap((s) => s.companies.map((sc) => sc.company)),
      ]),
      ...DEMO_WATCHLISTS.flatMap((w) => w.entries.map((e) => e.company)),
    ]
    expect(referenced.filter((name) => !names.has(name))).toEqual([])
  })
})
