import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readUniverseFile } from '#app/ingest/universe/read-universe.server.ts'
import type { UniverseRecord } from '#app/ingest/universe/types.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createUser } from '#tests/factories.ts'

import { applyUniverseImport, countUniversePlan, planUniverseImport } from './company-universe.server.ts'

// Importing a universe into a registry that already has the team's own companies: a
// preview changes nothing, applying it creates, fills in and leaves alone as previewed,
// in one transaction with one audit entry, and a second run changes nothing.

let conn: Connection
let actor: { id: number; ip: string }
beforeAll(async () => {
  conn = await createTestDatabase()
  actor = { id: (await createUser(conn.db, { role: 'analyst' })).id, ip: '10.0.0.2' }
})
afterAll(async () => {
  await conn.close()
})

const records = async (name: string) =>
  (await readUniverseFile(new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/universe/${name}`, import.meta.url))), name)).records
const apply = async (name: string) => {
  const parsed = await readUniverseFile(
    new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/universe/${name}`, import.meta.url))),
    name,
  )
  return applyUniverseImport(conn.db, actor, parsed.records, {
    fileName: name,
    format: parsed.format,
    vendorType: 'application_company',
    skipped: parsed.skipped,
  })
}
const companyByTicker = async (exchange: 'SH' | 'SZ' | 'HK' | 'US', code: string) => {
  const row = await conn.db
    .selectFrom('company_ticker')
    .innerJoin('company', 'company.id', 'company_ticker.company_id')
    .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh', 'company.notes_md as notesMd', 'company_ticker.board'])
    .where('exchange', '=', exchange)
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  const tickers = await conn.db
    .selectFrom('company_ticker')
    .select(['exchange', 'code', 'is_primary as isPrimary'])
    .where('company_id', '=', row.id)
    .orderBy('id')
    .execute()
  const aliases = await conn.db
    .selectFrom('company_alias')
    .select(['text', 'kind', 'is_ambiguous as isAmbiguous', 'ambiguous_reason as reason'])
    .where('company_id', '=', row.id)
    .orderBy('text')
    .execute()
  return { ...row, tickers: tickers.map((t) => `${t.code}.${t.exchange}${t.isPrimary ? '*' : ''}`), aliases }
}
const count = async (table: 'company' | 'company_alias' | 'company_ticker' | 'audit_log') =>
  Number(
    (
      await conn.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('importing a company universe', () => {
  it('previews without changing anything, then applies what it previewed', async () => {
    await createCompany(conn.db, {
      nameEn: 'Tencent',
      nameZh: '腾讯',
      tickers: ['0700.HK'],
      notesMd: 'Our notes on Tencent',
      aliases: ['鹅厂'],
    })
    const before = await Promise.all([count('company'), count('company_alias'), count('company_ticker'), count('audit_log')])
    const preview = countUniversePlan(await planUniverseImport(conn.db, await records('hkex-list-of-securities-c.xlsx')))
    expect(await Promise.all([count('company'), count('company_alias'), count('company_ticker'), count('audit_log')])).toEqual(before)
    expect(preview).toMatchObject({ created: 4, updated: 1, unchanged: 0 })

    const done = countUniversePlan(await apply('hkex-list-of-securities-c.xlsx'))
    expect(done).toEqual(preview)
    expect(await count('company')).toBe(before[0] + 4)
  })

  it("keeps the team's own names, notes and aliases, and fills in what was missing", async () => {
    const tencent = await companyByTicker('HK', '0700')
    expect(tencent).toMatchObject({ nameEn: 'Tencent', nameZh: '腾讯', notesMd: 'Our notes on Tencent', board: 'hk_main' })
    expect(tencent.aliases.map((a) => a.text)).toEqual(['Tencent', '腾讯', '腾讯控股', '鹅厂'])
  })

  it('derives short names only when no other company could be meant and they are not ordinary words', async () => {
    const xiaomi = await companyByTicker('HK', '1810')
    expect(xiaomi).toMatchObject({ nameEn: '小米集团', nameZh: '小米集团', board: 'hk_main' })
    // 小米 is also millet: not an alias of its own.
    expect(xiaomi.aliases.map((a) => a.text)).toEqual(['小米集团'])
    const meitu = await companyByTicker('HK', '1357')
    expect(meitu.aliases.map((a) => a.text)).toEqual(['美图', '美图公司'])
    const gem = await companyByTicker('HK', '8083')
    expect(gem.board).toBe('hk_gem')
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await Promise.all([count('company'), count('company_alias'), count('company_ticker')])
    expect(countUniversePlan(await apply('hkex-list-of-securities-c.xlsx'))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
      aliasesAdded: 0,
    })
    expect(await Promise.all([count('company'), count('company_alias'), count('company_ticker')])).toEqual(before)
  })

  it('makes an A/H pair one company: by the same name in one file, and across files', async () => {
    await apply('wind-export.xlsx')
    const pingAn = await companyByTicker('SH', '601318')
    // 中国平安 came from HKEX's Chinese list first (2318.HK); the A share joins it.
    expect(pingAn.tickers).toEqual(['2318.HK*', '601318.SH'])
    expect(pingAn.board).toBe('sh_main')
    const moutai = await companyByTicker('SH', '600519')
    expect(moutai.tickers).toEqual(['600519.SH*'])
  })

  it('keeps one company per CIK and never stores a short or ordinary-word ticker as an alias', async () => {
    const plan = await apply('sec-company_tickers.json')
    expect(plan.created.map((c) => c.nameEn)).toContain('Alphabet Inc.')
    const alphabet = await companyByTicker('US', 'GOOG')
    expect(alphabet.tickers).toEqual(['GOOGL.US*', 'GOOG.US'])
    expect(alphabet.board).toBeNull()
    const texts = (await conn.db.selectFrom('company_alias').select('text').execute()).map((a) => a.text)
    for (const ticker of ['AI', 'U', 'ON', 'SNAP', 'TGT', 'GOOGL']) expect(texts).not.toContain(ticker)
    // Apple, Target and Snap are words; Palantir and NVIDIA are names.
    for (const word of ['Apple', 'TARGET', 'Target', 'Snap']) expect(texts).not.toContain(word)
    expect(texts).toEqual(expect.arrayContaining(['Palantir', 'Palantir Technologies', 'NVIDIA', 'Alibaba', 'Baidu']))
  })

  it('holds back a short name two companies in the universe share', async () => {
    const twins: UniverseRecord[] = [
      {
        row: 2,
        tickers: [{ exchange: 'US', code: 'ARBX', board: null }],
        nameEn: 'Arbor Robotics Inc.',
        nameZh: '',
        shortNames: [],
        aliases: [],
      },
      {
        row: 3,
        tickers: [{ exchange: 'US', code: 'ARBG', board: null }],
        nameEn: 'Arbor Robotics Group Ltd',
        nameZh: '',
        shortNames: [],
        aliases: [],
      },
    ]
    const plan = await planUniverseImport(conn.db, twins)
    expect(plan.created.map((c) => c.aliases.map((a) => a.text))).toEqual([
      ['Arbor Robotics Inc.'],
      ['Arbor Robotics Group Ltd', 'Arbor Robotics Group'],
    ])
    expect(plan.heldBack.notUnique).toBe(2)
  })

  it('keeps a listed short name that is an ordinary word, as ambiguous, and derives none from it', async () => {
    const lixiang: UniverseRecord[] = [
      {
        row: 2,
        tickers: [{ exchange: 'HK', code: '2015', board: 'hk_main' }],
        nameEn: '',
        nameZh: '',
        shortNames: ['理想汽车', '理想'],
        aliases: [],
      },
    ]
    const [created] = (await planUniverseImport(conn.db, lixiang)).created
    expect(created.aliases.map((a) => [a.text, a.ambiguousReason])).toEqual([
      ['理想汽车', null],
      ['理想', 'chinese_word'],
    ])
  })

  it('derives Midea from a Shenzhen listing but not 美的, which is a word', async () => {
    await apply('szse-a-list.xlsx')
    const midea = await companyByTicker('SZ', '000333')
    expect(midea).toMatchObject({ nameEn: 'Midea Group Co., Ltd.', nameZh: '美的集团', board: 'sz_main' })
    expect(midea.aliases.find((a) => a.text === '美的')).toBeUndefined()
    expect(midea.aliases.map((a) => a.text)).toContain('Midea')
    expect((await companyByTicker('SZ', '300418')).board).toBe('chinext')
  })

  it('writes one audit entry per import with what it did', async () => {
    const entries = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'user_id as userId', 'new_value as newValue'])
      .where('action', '=', 'company.universe_import')
      .orderBy('id')
      .execute()
    expect(entries).toHaveLength(5)
    expect(entries[0]).toMatchObject({
      userId: actor.id,
      newValue: expect.objectContaining({ file: 'hkex-list-of-securities-c.xlsx', format: 'hkex', created: 4, updated: 1 }),
    })
  })
})
