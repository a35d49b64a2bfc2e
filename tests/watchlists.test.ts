import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as indexAction, loader as indexLoader } from '#app/routes/watchlists._index.tsx'
import { loader as exportLoader } from '#app/routes/watchlists.$id.export.tsx'
import { action as pageAction, loader as pageLoader } from '#app/routes/watchlists.$id.tsx'
import { loader as historyLoader } from '#app/routes/watchlists_.$id.history.tsx'
import { action as importAction, loader as importLoader } from '#app/routes/watchlists_.$id.import.tsx'
import { readSpreadsheet } from '#app/utils/spreadsheet.server.ts'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

// The watchlist pages as a browser would use them: loaders and actions called with real
// requests, on a database with the demo data.

let conn: Connection
let analyst: string
let viewer: string
let coreId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  await seedDemoData(conn.db)
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Lyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  coreId = (await conn.db.selectFrom('watchlist').select('id').where('name', '=', 'Multimodal core').executeTakeFirstOrThrow()).id
})
afterAll(async () => {
  await conn.close()
})

const ctx = () => contextFor(conn)
const post = (id: number, fields: Record<string, string>, cookie = analyst) =>
  respond(() => pageAction({ request: postForm(`/watchlists/${id}`, fields, cookie), params: { id: String(id) }, context: ctx() }))
const entriesOf = async (id: number) =>
  await conn.db.selectFrom('watchlist_entry').select(['company_id', 'removed_at']).where('watchlist_id', '=', id).execute()
const liveCount = async (id: number) => (await entriesOf(id)).filter((e) => !e.removed_at).length
const companyCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('company')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

function upload(
  id: number,
  file: { name: string; body: BlobPart; type?: string } | null,
  fields: Record<string, string>,
  cookie = analyst,
): Request {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  if (file) form.append('file', new File([file.body], file.name, { type: file.type ?? 'text/csv' }))
  return new Request(`http://localhost/watchlists/${id}/import`, { method: 'POST', body: form, headers: { Cookie: cookie } })
}
const runImport = (id: number, file: Parameters<typeof upload>[1], fields: Record<string, string>, cookie = analyst) =>
  respond(() => importAction({ request: upload(id, file, fields, cookie), params: { id: String(id) }, context: ctx() }))

async function newList(name: string): Promise<number> {
  const res = await respond(() => indexAction({ request: postForm('/watchlists', { name }, analyst), params: {}, context: ctx() }))
  expect(res.status).toBe(302)
  return Number(res.headers.get('Location')?.split('/').pop())
}

describe('the watchlist index', () => {
  it('lists the demo lists with counts, for viewers too', async () => {
    const res = await respond(() => indexLoader({ request: getRequest('/watchlists', viewer), params: {}, context: ctx() }))
    const body = await res.json()
    expect(body.canEdit).toBe(false)
    expect(body.watchlists.map((w: { name: string; liveCount: number }) => [w.name, w.liveCount])).toEqual([
      ['2C platforms', 4],
      ['Multimodal core', 10],
    ])
  })

  it('refuses an empty name and a duplicate name next to the field, creating nothing', async () => {
    const before = (await conn.db.selectFrom('watchlist').select('id').execute()).length
    const empty = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: '   ' }, analyst), params: {}, context: ctx() }),
    )
    expect(empty.status).toBe(400)
    expect((await empty.json()).errors).toEqual({ name: 'validation.required' })
    const taken = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'multimodal CORE' }, analyst), params: {}, context: ctx() }),
    )
    expect(taken.status).toBe(409)
    expect((await taken.json()).errors).toEqual({ name: 'watchlists.nameTaken' })
    const badTheme = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'New', themeId: 'abc' }, analyst), params: {}, context: ctx() }),
    )
    expect(badTheme.status).toBe(400)
    expect((await conn.db.selectFrom('watchlist').select('id').execute()).length).toBe(before)
  })

  it('viewers cannot create a list', async () => {
    const res = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'Sneaky' }, viewer), params: {}, context: ctx() }),
    )
    expect(res.status).toBe(403)
  })
})

describe('the watchlist page', () => {
  it('shows entries with rendered, inert notes', async () => {
    const id = await newList('Notes test')
    expect(
      (
        await post(id, {
          intent: 'add',
          company: '0700.HK',
          rationale: 'Ads',
          tags: 'Marketing, 2B，广告',
          notes: '**Hunyuan** <script>alert(1)</script>',
        })
      ).status,
    ).toBe(200)
    const res = await respond(() =>
      pageLoader({ request: getRequest(`/watchlists/${id}`, viewer), params: { id: String(id) }, context: ctx() }),
    )
    const body = await res.json()
    expect(body.canEdit).toBe(false)
    expect(body.entries[0]).toMatchObject({ nameEn: 'Tencent', tags: ['marketing', '2b', '广告'], rationale: 'Ads' })
    expect(body.entries[0].notesHtml).toContain('<strong>Hunyuan</strong>')
    expect(body.entries[0].notesHtml).not.toContain('<script')
  })

  it('adds by name, alias or ticker; unknown or invalid text gets a message and adds nothing', async () => {
    const id = await newList('Adds')
    for (const [company, key] of [
      ['Acme Widgets', 'watchlists.companyUnknown'],
      ['700.HX', 'watchlists.companyInvalidTicker'],
      ['9999.HK', 'watchlists.companyUnknownTicker'],
      ['=HYPERLINK("http://evil.example")', 'watchlists.companyFormula'],
      ['', 'validation.required'],
    ]) {
      const res = await post(id, { intent: 'add', company })
      expect(res.status, company).toBe(400)
      expect((await res.json()).errors, company).toEqual({ company: key })
    }
    const tooManyTags = await post(id, { intent: 'add', company: 'Meitu', tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') })
    expect((await tooManyTags.json()).errors).toEqual({ tags: 'watchlists.tooManyTags?max=20' })
    expect(await liveCount(id)).toBe(0)

    expect((await post(id, { intent: 'add', company: '美图' })).status).toBe(200)
    const again = await post(id, { intent: 'add', company: '1357.HK' })
    expect(again.status).toBe(409)
    expect((await again.json()).errors).toEqual({ company: 'watchlists.alreadyListed' })
    expect(await liveCount(id)).toBe(1)
  })

  it('edits and removes entries; a removal needs a reason and stays in the history', async () => {
    const id = await newList('Removals')
    await post(id, { intent: 'add', company: 'Zhihu', rationale: 'Text' })
    const [entry] = await conn.db.selectFrom('watchlist_entry').select('id').where('watchlist_id', '=', id).execute()
    expect(
      (await post(id, { intent: 'editEntry', entryId: String(entry.id), rationale: 'Zhida AI search', tags: 'text', notes: '' })).status,
    ).toBe(200)
    const noReason = await post(id, { intent: 'remove', entryId: String(entry.id), reason: ' ' })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({ intent: 'remove', entryId: entry.id, errors: { reason: 'validation.required' } })
    expect(await liveCount(id)).toBe(1)
    expect((await post(id, { intent: 'remove', entryId: String(entry.id), reason: 'Thesis broken' })).status).toBe(200)
    expect(await liveCount(id)).toBe(0)
    const gone = await post(id, { intent: 'editEntry', entryId: String(entry.id), rationale: 'x' })
    expect(gone.status).toBe(404)

    const history = await respond(() =>
      historyLoader({ request: getRequest(`/watchlists/${id}/history`, viewer), params: { id: String(id) }, context: ctx() }),
    )
    const { weeks } = await history.json()
    expect(weeks[0].events.map((e: { kind: string; text: string; byName: string }) => [e.kind, e.text, e.byName])).toEqual([
      ['remove', 'Thesis broken', 'Ana Lyst'],
      ['add', 'Zhida AI search', 'Ana Lyst'],
    ])
  })

  it('renames and archives; an archived list refuses adds with 409', async () => {
    const id = await newList('Archive me')
    expect((await post(id, { intent: 'update', name: '2c PLATFORMS', description: '' })).status).toBe(409)
    expect((await post(id, { intent: 'update', name: 'Archived list', description: 'old' })).status).toBe(200)
    expect((await post(id, { intent: 'archive' })).status).toBe(200)
    const add = await post(id, { intent: 'add', company: 'Tencent' })
    expect(add.status).toBe(409)
    expect((await add.json()).errors).toEqual({ form: 'watchlists.archivedReadOnly' })
    expect((await post(id, { intent: 'unarchive' })).status).toBe(200)
  })

  it('viewers are refused every change, and nothing changes', async () => {
    const before = await entriesOf(coreId)
    const attempts: Record<string, string>[] = [
      { intent: 'add', company: 'Zhihu' },
      { intent: 'archive' },
      { intent: 'update', name: 'x' },
      { intent: 'remove', entryId: '1', reason: 'x' },
    ]
    for (const fields of attempts) {
      expect((await post(coreId, fields, viewer)).status).toBe(403)
    }
    expect((await runImport(coreId, { name: 'a.csv', body: 'company\nZhihu\n' }, { intent: 'import' }, viewer)).status).toBe(403)
    expect(
      (
        await respond(() =>
          importLoader({ request: getRequest(`/watchlists/${coreId}/import`, viewer), params: { id: String(coreId) }, context: ctx() }),
        )
      ).status,
    ).toBe(403)
    expect(await entriesOf(coreId)).toEqual(before)
  })

  it('unknown ids are 404s', async () => {
    const res = await respond(() =>
      pageLoader({ request: getRequest('/watchlists/99999', viewer), params: { id: '99999' }, context: ctx() }),
    )
    expect(res.status).toBe(404)
    expect(
      (await respond(() => pageLoader({ request: getRequest('/watchlists/abc', viewer), params: { id: 'abc' }, context: ctx() }))).status,
    ).toBe(404)
  })
})

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
      '公司,中文名,股票代码,地区,厂商类型,上市状态,标签,理由,备注,添加人,添加日期',
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
    expect((await done.json()).done).toEqual({ added: 2, created: 1 })
    expect(await companyCount()).toBe(before + 1)
    expect(await liveCount(id)).toBe(2)
  })

  it('refuses bad files with a 4xx message and changes nothing', async () => {
    const id = await newList('Bad files')
    const cases: [Parameters<typeof upload>[1], string, number][] = [
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
