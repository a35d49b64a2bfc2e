import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as exportLoader } from '#app/routes/watchlists.$id.export.tsx'
import { loader as pageLoader } from '#app/routes/watchlists.$id.tsx'
import { action as importAction } from '#app/routes/watchlists_.$id.import.tsx'
import { readSpreadsheet } from '#app/utils/spreadsheet.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createStarterLists, type ImportFile, watchlistRoutes } from './fixtures/watchlist-routes.ts'

// Watchlists in and out of spreadsheets: CSV and XLSX exports with formula cells
// neutralised, and imports that preview, refuse bad files and create missing companies
// only when asked.

let conn: Connection
let analyst: string
let viewer: string
let coreId: number
const { post, newList, runImport, liveCount, companyCount } = watchlistRoutes(() => ({ conn, analyst }))

beforeAll(async () => {
  conn = await createTestDatabase()
  coreId = (await createStarterLists(conn.db)).coreId
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const ctx = () => contextFor(conn)

describe('export', () => {
  const exportAs = (format: string, cookie = viewer, id = coreId) =>
    respond(() =>
      exportLoader({
        request: getRequest(`/watchlists/${id}/export?format=${format}`, cookie),
        params: { id: String(id) },
        context: ctx(),
      }),
    )

  it('gives viewers a CSV download with neutralised formula cells', async () => {
    const id = await newList('Formula export')
    await post(id, {
      intent: 'add',
      company: 'Baidu',
      rationale: '=HYPERLINK("http://evil.example","click")',
      notes: '- first point\n- second',
      tags: 'search',
    })
    const res = await exportAs('csv', viewer, id)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="watchlist-\d+\.csv"; filename\*=UTF-8''Formula%20export-\d{4}-\d{2}-\d{2}\.csv$/,
    )
    const text = await res.text()
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(text).toContain(`"'- first point`)
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('gives an XLSX workbook whose cells are neutralised text, never formulas', async () => {
    const id = await newList('XLSX export')
    await post(id, { intent: 'add', company: 'Baidu', rationale: '@SUM(1+1)' })
    const res = await exportAs('xlsx', analyst, id)
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe('Company')
    expect(sheet.getRow(2).getCell(1).value).toBe('Baidu')
    expect(sheet.getRow(2).getCell(8).value).toBe("'@SUM(1+1)")
  })

  it('refuses an unknown format with 400', async () => {
    expect((await exportAs('pdf')).status).toBe(400)
  })

  it('writes headers in the reader language', async () => {
    const res = await respond(() =>
      exportLoader({
        request: getRequest(`/watchlists/${coreId}/export?format=csv`, viewer, { 'Accept-Language': 'zh-CN' }),
        params: { id: String(coreId) },
        context: ctx(),
      }),
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // a BOM, so Excel reads UTF-8
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe(
      '公司,中文名,股票代码,地区,厂商类型,上市状态,标签,理由,备注,添加人,添加日期（Asia/Shanghai）',
    )
  })
})

describe('import', () => {
  it('round-trips an XLSX and a Chinese CSV export into new lists', async () => {
    const xlsx = await respond(() =>
      exportLoader({
        request: getRequest(`/watchlists/${coreId}/export?format=xlsx`, viewer),
        params: { id: String(coreId) },
        context: ctx(),
      }),
    )
    const target = await newList('Round trip')
    const res = await runImport(
      target,
      { name: 'core.xlsx', body: await xlsx.arrayBuffer(), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { intent: 'import' },
    )
    expect(res.status).toBe(200)
    expect((await res.json()).done).toEqual({ added: 10, created: 0 })
    const pick = (rows: { nameEn: string; rationale: string; tags: string[]; notesMd: string }[]) =>
      rows.map((r) => [r.nameEn, r.rationale, r.tags, r.notesMd]).sort()
    const original = (
      await (await respond(() => pageLoader({ request: getRequest('/x', viewer), params: { id: String(coreId) }, context: ctx() }))).json()
    ).entries
    const copied = (
      await (await respond(() => pageLoader({ request: getRequest('/x', viewer), params: { id: String(target) }, context: ctx() }))).json()
    ).entries
    expect(pick(copied)).toEqual(pick(original))

    const csv = await respond(() =>
      exportLoader({
        request: getRequest(`/watchlists/${target}/export?format=csv`, viewer, { 'Accept-Language': 'zh-CN' }),
        params: { id: String(target) },
        context: ctx(),
      }),
    )
    const second = await newList('Round trip 2')
    const again = await runImport(second, { name: '名单.csv', body: await csv.text() }, { intent: 'import' })
    expect((await again.json()).done).toEqual({ added: 10, created: 0 })
  })

  it('previews unknown rows with their row numbers and imports nothing until asked to create them', async () => {
    const id = await newList('Import preview')
    const file = { name: 'list.csv', body: 'company,rationale,tags\nTencent,Ads,marketing\nNova Pixel Labs,New vendor,\nTencent,dup,\n' }
    const preview = await runImport(id, file, { intent: 'preview' })
    expect(preview.status).toBe(200)
    const body = await preview.json()
    expect(body.ready).toBe(false)
    expect(body.plan.unresolved.items).toEqual([{ row: 3, text: 'Nova Pixel Labs', reason: 'unknown' }])
    expect(body.plan.duplicates.items).toEqual([{ row: 4, text: 'Tencent', firstRow: 2 }])

    const before = await companyCount()
    const blocked = await runImport(id, file, { intent: 'import' })
    expect(blocked.status).toBe(422)
    expect((await blocked.json()).errors).toEqual({ form: 'watchlists.import.blockedUnknown' })
    expect(await liveCount(id)).toBe(0)

    const noRegion = await runImport(id, file, { intent: 'import', createMissing: 'on' })
    expect(noRegion.status).toBe(400)
    expect((await noRegion.json()).errors).toEqual({
      region: 'watchlists.import.chooseRegion',
      vendorType: 'watchlists.import.chooseVendorType',
    })

    const done = await runImport(id, file, { intent: 'import', createMissing: 'on', region: 'overseas', vendorType: 'vertical_unicorn' })
    expect(done.status).toBe(200)
    const result = await done.json()
    expect(result.done).toEqual({ added: 2, created: 1 })
    // The page after the import lists the created company as added, not as unrecognised.
    expect(result.plan.unresolved.items).toEqual([])
    expect(result.plan.toAdd.items).toContainEqual(expect.objectContaining({ row: 3, name: 'Nova Pixel Labs', matchedBy: 'new' }))
    expect(await companyCount()).toBe(before + 1)
    expect(await liveCount(id)).toBe(2)
  })

  it('refuses bad files with a 4xx message and changes nothing', async () => {
    const id = await newList('Bad files')
    const cases: [ImportFile, string, number][] = [
      [null, 'watchlists.import.fileRequired', 400],
      [{ name: 'a.csv', body: '' }, 'watchlists.import.fileRequired', 400],
      [{ name: 'a.csv', body: 'company,notes\nTencent,"open quote\n' }, 'watchlists.import.malformedRow?row=2', 400],
      [{ name: 'a.csv', body: 'name,notes\nTencent,x\n' }, 'watchlists.import.noCompanyColumn', 400],
      [{ name: 'a.csv', body: 'company\n' }, 'watchlists.import.empty', 400],
      [{ name: 'a.xlsx', body: 'PK\u0003\u0004 not really a zip' }, 'watchlists.import.malformed', 400],
      [{ name: 'a.xls', body: 'whatever' }, 'watchlists.import.unsupported', 415],
      [{ name: 'a.csv', body: `company\n${'Tencent\n'.repeat(5001)}` }, 'watchlists.import.tooManyRows?max=5000', 400],
      [{ name: 'big.csv', body: `company\n${'x'.repeat(5_000_100)}` }, 'watchlists.import.tooLarge?max=5', 413],
    ]
    for (const [file, key, status] of cases) {
      const res = await runImport(id, file, { intent: 'import' })
      expect(res.status, key).toBe(status)
      expect((await res.json()).errors, key).toEqual({ file: key })
    }
    const formula = await runImport(
      id,
      { name: 'a.csv', body: 'company,rationale\nTencent,"=HYPERLINK(""http://evil.example"",""x"")"\n=cmd|calc,\n' },
      { intent: 'import', createMissing: 'on', region: 'domestic', vendorType: 'platform' },
    )
    expect(formula.status).toBe(422)
    const plan = (await formula.json()).plan
    expect(plan.invalid.items).toEqual([{ row: 2, column: 'rationale', message: 'watchlists.import.formulaCell' }])
    expect(plan.unresolved.items).toEqual([{ row: 3, text: '=cmd|calc', reason: 'formula' }])

    const notMultipart = await respond(() =>
      importAction({
        request: postForm(`/watchlists/${id}/import`, { intent: 'import' }, analyst),
        params: { id: String(id) },
        context: ctx(),
      }),
    )
    expect(notMultipart.status).toBe(400)
    expect(await liveCount(id)).toBe(0)
  })

  it('reads back what it wrote (sanity check of the CSV reader on an export)', async () => {
    const csv = await respond(() =>
      exportLoader({
        request: getRequest(`/watchlists/${coreId}/export?format=csv`, viewer),
        params: { id: String(coreId) },
        context: ctx(),
      }),
    )
    const sheet = await readSpreadsheet(new Uint8Array(await csv.arrayBuffer()), 'x.csv')
    expect(sheet.rows).toHaveLength(10)
  })
})
