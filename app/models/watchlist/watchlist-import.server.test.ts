import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findCompanyByIdentifier } from '#app/models/company/company-lookup.server.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'
import { createCompanies } from '#tests/fixtures/companies.ts'

import { createWatchlist, listLiveEntries } from './index.server.ts'
import {
  ImportBlockedError,
  ImportFileError,
  type ImportRow,
  importRows,
  planImport,
  resolveCompanies,
  rowsFromSheet,
} from './index.server.ts'

let conn: Connection
let actor: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Tencent', 'Meitu', 'Baidu', 'Kunlun Tech', 'Kuaishou', 'Zhihu', 'Alibaba'])
  actor = await createUser(conn.db, { role: 'analyst' })
})
afterAll(async () => {
  await conn.close()
})

let rowNumber = 1
function row(company: string, extra: Partial<ImportRow> = {}): ImportRow {
  rowNumber += 1
  return { rowNumber, company, rationale: '', notes: '', tags: '', ...extra }
}
const companyCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('company')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('resolveCompanies', () => {
  it('agrees with findCompanyByIdentifier on names, aliases, tickers and unknown text', async () => {
    const aliases = (await conn.db.selectFrom('company_alias').select('text').execute()).map((a) => a.text)
    const tickers = (await conn.db.selectFrom('company_ticker').select(['exchange', 'code']).execute()).map(
      (t) => `${t.code}.${t.exchange}`,
    )
    const names = (await conn.db.selectFrom('company').select(['name_en', 'name_zh']).execute()).flatMap((c) => [
      c.name_en,
      c.name_zh.toUpperCase(),
    ])
    const texts = [...aliases, ...tickers, ...names, '700.hk', 'Ｔｅｎｃｅｎｔ', 'Acme Widgets', '9999.HK', 'BIDU']
    const bulk = await resolveCompanies(conn.db, texts)
    for (const text of texts.filter((t) => t.trim())) {
      const one = await findCompanyByIdentifier(conn.db, text)
      expect(bulk.get(text.trim())?.id ?? null, text).toBe(one?.id ?? null)
    }
  })
})

describe('rowsFromSheet', () => {
  it('maps English or Chinese headers and needs a company column', () => {
    const rows = rowsFromSheet({
      header: ['标签', ' Company ', 'Rationale', 'ignored'],
      rows: [{ rowNumber: 2, cells: ['video', ' Meitu ', 'AI design', 'x'] }],
    })
    expect(rows).toEqual([{ rowNumber: 2, company: 'Meitu', rationale: 'AI design', notes: '', tags: 'video' }])
    expect(() => rowsFromSheet({ header: ['name'], rows: [] })).toThrow(ImportFileError)
  })
})

describe('planning and importing', () => {
  it('plans matches, repeats, companies already listed, unknown names and bad rows', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'Plan test', description: '', themeId: null })
    await importRows(conn.db, actor, list, [row('Tencent')], { fileName: 'a.csv', createMissing: null })
    const plan = await planImport(conn.db, list, [
      row('0700.HK'), // already listed, by ticker
      row('美图', { tags: 'Image, 2C' }),
      row('Meitu'), // same company again
      row('Acme Widgets'),
      row('700.HX'),
      row('', { rationale: 'orphan' }),
      row('Baidu', { rationale: '=HYPERLINK("http://evil.example","x")' }),
      row('Kunlun Tech', { tags: 'x'.repeat(41) }),
    ])
    const r = rowNumber
    expect(plan.alreadyListed).toEqual([{ row: r - 7, text: '0700.HK', name: 'Tencent', nameZh: '腾讯' }])
    expect(plan.toAdd.filter((a) => a.companyId).map((a) => [a.row, a.name, a.matchedBy, a.tags])).toEqual([
      [r - 6, 'Meitu', 'alias', ['Image', '2C']],
    ])
    expect(plan.duplicates).toEqual([{ row: r - 5, text: 'Meitu', firstRow: r - 6 }])
    expect(plan.unresolved).toEqual([
      { row: r - 4, text: 'Acme Widgets', reason: 'unknown' },
      { row: r - 3, text: '700.HX', reason: 'invalidTicker' },
    ])
    // Only the plain unknown name could become a company; the bad ticker never will.
    expect(plan.toAdd.filter((a) => a.companyId === null).map((a) => a.text)).toEqual(['Acme Widgets'])
    expect(plan.invalid).toEqual([
      { row: r - 2, column: 'company', message: 'validation.required' },
      { row: r - 1, column: 'rationale', message: 'watchlists.import.formulaCell' },
      { row: r, column: 'tags', message: 'watchlists.tagTooLong?max=40' },
    ])
  })

  it('imports nothing while a company is unknown, and everything once missing ones may be created', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'All or nothing', description: '', themeId: null })
    const rows = [
      row('Kuaishou', { rationale: 'Short video', tags: 'video' }),
      row('Pixel Dreams 像素梦工厂'),
      row('pixel dreams 像素梦工厂'),
      row('Zhihu'),
    ]
    const before = await companyCount()
    const blocked = await importRows(conn.db, actor, list, rows, { fileName: 'a.csv', createMissing: null }).catch((e: unknown) => e)
    expect(blocked).toBeInstanceOf(ImportBlockedError)
    expect(await listLiveEntries(conn.db, list)).toHaveLength(0)
    expect(await companyCount()).toBe(before)

    const done = await importRows(conn.db, actor, list, rows, {
      fileName: 'a.csv',
      createMissing: { region: 'domestic', vendorType: 'application_company' },
    })
    expect(done.added).toBe(3)
    expect(done.created).toHaveLength(1)
    expect(done.plan.duplicates.map((d) => d.text)).toEqual(['pixel dreams 像素梦工厂'])
    expect(await companyCount()).toBe(before + 1)
    const created = await conn.db.selectFrom('company').selectAll().where('id', '=', done.created[0].id).executeTakeFirstOrThrow()
    // The Chinese part of the typed name goes to the Chinese field (issue 16).
    expect(created).toMatchObject({
      name_en: 'Pixel Dreams',
      name_zh: '像素梦工厂',
      region: 'domestic',
      vendor_type: 'application_company',
      is_listed: false,
    })
    // The alias makes the new company findable the next time someone types it.
    expect((await findCompanyByIdentifier(conn.db, 'PIXEL DREAMS 像素梦工厂'))?.id).toBe(created.id)
    const entries = await listLiveEntries(conn.db, list)
    expect(entries.map((e) => e.nameEn).sort()).toEqual(['Kuaishou', 'Pixel Dreams', 'Zhihu'])
    // What the page shows after the import: the created name is no longer "unrecognised".
    expect(done.plan.unresolved).toEqual([])
    expect(done.plan.toAdd.find((a) => a.text === 'Pixel Dreams 像素梦工厂')).toMatchObject({
      companyId: created.id,
      name: 'Pixel Dreams',
      nameZh: '像素梦工厂',
      matchedBy: 'new',
    })
    expect(entries.find((e) => e.nameEn === 'Kuaishou')).toMatchObject({ rationale: 'Short video', tags: ['video'] })
    const audits = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('action', 'in', ['watchlist.import', 'company.create'])
      .execute()
    expect(audits.filter((a) => a.action === 'company.create')).toHaveLength(1)
    expect(audits.filter((a) => a.action === 'watchlist.import').length).toBeGreaterThanOrEqual(1)
  })

  it('puts a name written only in Chinese in the Chinese field, and keeps English names unique', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'Chinese names', description: '', themeId: null })
    const done = await importRows(conn.db, actor, list, [row('星尘智能'), row('Kuaishou 快手科技')], {
      fileName: 'zh.csv',
      createMissing: { region: 'domestic', vendorType: 'model_company' },
    })
    expect(done.plan.unresolved).toEqual([])
    const rows = await conn.db
      .selectFrom('company')
      .select(['name_en', 'name_zh'])
      .where(
        'id',
        'in',
        done.created.map((c) => c.id),
      )
      .orderBy('id')
      .execute()
    // "Kuaishou" is taken by the existing company, so the new one keeps the whole text in English.
    expect(rows).toEqual([
      { name_en: '星尘智能', name_zh: '星尘智能' },
      { name_en: 'Kuaishou 快手科技', name_zh: '快手科技' },
    ])
  })

  it('never creates companies from tickers or formulas, even when asked to', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'No ticker companies', description: '', themeId: null })
    const before = await companyCount()
    const error = await importRows(conn.db, actor, list, [row('Meitu'), row('9999.HK')], {
      fileName: 'a.csv',
      createMissing: { region: 'overseas', vendorType: 'platform' },
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportBlockedError)
    expect((error as ImportBlockedError).plan.unresolved).toEqual([expect.objectContaining({ text: '9999.HK', reason: 'unknownTicker' })])
    expect(await companyCount()).toBe(before)
    expect(await listLiveEntries(conn.db, list)).toHaveLength(0)
  })

  it('imports thousands of rows in one go', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'Bulk', description: '', themeId: null })
    const rows = Array.from({ length: 1200 }, (_, i) => row(`Bulk Co ${i}`, { tags: 'bulk' }))
    const done = await importRows(conn.db, actor, list, rows, {
      fileName: 'bulk.xlsx',
      createMissing: { region: 'overseas', vendorType: 'vertical_unicorn' },
    })
    expect(done.added).toBe(1200)
    expect(await listLiveEntries(conn.db, list)).toHaveLength(1200)
  })
})
