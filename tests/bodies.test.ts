import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SIGNED_OUT_MAX_BODY_BYTES } from '#app/http/body-limit.server.ts'
import { MAX_FORM_BYTES } from '#app/http/forms.server.ts'
import { action as importAction } from '#app/routes/watchlists_.$id.import.tsx'
import { MAX_SPREADSHEET_BYTES, MAX_XLSX_UNCOMPRESSED_BYTES, writeXlsx } from '#app/utils/spreadsheet.server.ts'
import { checkZipInflatedSize } from '#app/utils/zip-size.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, createWatchlist, respond } from './factories.ts'
import { buildZip, deflatedRun } from './fixtures/zip.ts'
import { loadRoutes, send, startTestApp, type TestApp, type TestRoute } from './http-app.ts'

// Request bodies are limited while they stream in, before any route runs: a body without
// Content-Length is cut at the limit, not read whole. Signed out: 64 KB. Signed in: the
// form limit, or an upload route's own. Broken multipart headers and NUL characters are
// 400s with a message, and a spreadsheet that inflates past its limit is refused before
// it is inflated.

let conn: Connection
let app: TestApp
let routes: TestRoute[]
let analyst: string
let watchlistId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  routes = await loadRoutes()
  app = await startTestApp(conn, routes)
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  watchlistId = (await createWatchlist(conn.db)).id
})
afterAll(async () => {
  await app?.close()
  await conn?.close()
})

const MB = 1024 * 1024
const own = () => ({ Origin: app.base })
const route = (id: string) => routes.find((r) => r.id === id) as TestRoute
const form = (id: string, extra: Record<string, string> = {}) => ({
  ...own(),
  'Content-Type': 'application/x-www-form-urlencoded',
  'X-Test-Route': id,
  ...extra,
})

describe('body limits', () => {
  it('a 5 MB chunked POST /login, signed out, gets 413 and the server stops reading', async () => {
    const before = app.bytesRead()
    const res = await send(app, 'POST', '/login', { headers: form('routes/login'), chunks: { size: 64 * 1024, count: 80 } })
    expect(res.status).toBe(413)
    expect(res.text).toContain('too large')
    // What the server read: the limit and some buffering, nowhere near the 5 MB on offer.
    expect(app.bytesRead() - before).toBeLessThan(MB)
    expect(res.bytesSent).toBeLessThan(5 * MB)
  })

  it('answers a data request (?_data=) with the form failure the page shows', async () => {
    const res = await send(app, 'POST', '/login?_data=routes%2Flogin', {
      headers: form('routes/login'),
      chunks: { size: 64 * 1024, count: 80 },
    })
    expect(res.status).toBe(413)
    expect(res.headers['x-remix-response']).toBe('yes')
    expect(JSON.parse(res.text)).toEqual({ ok: false, errors: { form: 'error.tooLarge' }, values: {} })
  })

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const before = app.bytesRead()
    const res = await send(app, 'POST', '/setup', {
      headers: { ...form('routes/setup'), 'Content-Length': String(5 * MB) },
      chunks: { size: 64 * 1024, count: 80 },
    })
    expect(res.status).toBe(413)
    expect(app.bytesRead() - before).toBeLessThan(MB)
  })

  it('cuts an unread body at the limit too (a signed-out POST that is sent to sign in)', async () => {
    const before = app.bytesRead()
    const res = await send(app, 'POST', '/themes/new', { headers: form('routes/themes.new'), chunks: { size: 64 * 1024, count: 80 } })
    expect([302, 413]).toContain(res.status)
    await new Promise((r) => setTimeout(r, 200))
    expect(app.bytesRead() - before).toBeLessThan(MB)
  })

  it('gives signed-out requests 64 KB and signed-in forms 1 MB', async () => {
    const body = (bytes: number) => `title=${'a'.repeat(bytes)}`
    const signedOut = await send(app, 'POST', '/login', { headers: form('routes/login'), body: body(SIGNED_OUT_MAX_BODY_BYTES + 10) })
    expect(signedOut.status).toBe(413)
    const small = await send(app, 'POST', '/login', {
      headers: form('routes/login'),
      body: 'email=someone%40example.com&password=wrong-password-here',
    })
    expect(small.status).toBe(401)
    const signedIn = await send(app, 'POST', '/themes/new', {
      headers: form('routes/themes.new', { Cookie: analyst }),
      body: body(200 * 1024),
    })
    expect(signedIn.status).not.toBe(413)
    expect(signedIn.status).toBeLessThan(500)
    const tooMuch = await send(app, 'POST', '/themes/new', {
      headers: form('routes/themes.new', { Cookie: analyst }),
      chunks: { size: 64 * 1024, count: Math.ceil((MAX_FORM_BYTES + 1) / (64 * 1024)) + 1 },
    })
    expect(tooMuch.status).toBe(413)
  })

  it('lets signed-in people send a spreadsheet to the import route, and no one else', async () => {
    const boundary = '----test-boundary'
    const headers = {
      ...own(),
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'X-Test-Route': 'routes/watchlists_.$id.import',
    }
    const chunks = { size: 64 * 1024, count: 32 } // 2 MB: over the form limit, within the spreadsheet's
    const signedIn = await send(app, 'POST', `/watchlists/${watchlistId}/import`, { headers: { ...headers, Cookie: analyst }, chunks })
    expect(signedIn.status).not.toBe(413) // the route reads it (and finds no valid multipart)
    expect(signedIn.status).toBeLessThan(500)
    // Signed out, the route sends the browser to sign in without reading the body, and what
    // follows is cut at the signed-out limit.
    const before = app.bytesRead()
    const signedOut = await send(app, 'POST', `/watchlists/${watchlistId}/import`, { headers, chunks })
    expect([302, 413]).toContain(signedOut.status)
    await new Promise((r) => setTimeout(r, 200))
    expect(app.bytesRead() - before).toBeLessThan(MB)
    const over = await send(app, 'POST', `/watchlists/${watchlistId}/import`, {
      headers: { ...headers, Cookie: analyst },
      chunks: { size: 64 * 1024, count: Math.ceil(MAX_SPREADSHEET_BYTES / (64 * 1024)) + 2 },
    })
    expect(over.status).toBe(413)
  })
})

describe('malformed forms are 400s with a message, on every route', async () => {
  const actionRoutes = (await loadRoutes()).filter((r) => r.action)
  const broken = [
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=""',
    `multipart/form-data; boundary=${'x'.repeat(71)}`,
    'multipart/form-data; boundary=<script>',
    'multipart/form-data; boundary=a; boundary=b',
  ]

  for (const { id } of actionRoutes) {
    it(`${id}: a multipart Content-Type with a missing or broken boundary is a 400`, async () => {
      const target = route(id)
      for (const type of broken) {
        for (const cookie of [undefined, analyst]) {
          const headers = { ...own(), 'Content-Type': type, 'X-Test-Route': id, ...(cookie ? { Cookie: cookie } : {}) }
          const res = await send(app, 'POST', `${target.path}?_data=${encodeURIComponent(id)}`, { headers, body: '--x\r\n\r\n' })
          expect(res.status, type).toBe(400)
          expect(JSON.parse(res.text)).toMatchObject({ errors: { form: 'error.malformedForm' } })
        }
      }
    })
  }

  it('a multipart body that does not parse is a 400 on /login, signed out', async () => {
    const res = await send(app, 'POST', '/login', {
      headers: { ...own(), 'Content-Type': 'multipart/form-data; boundary=abc', 'X-Test-Route': 'routes/login' },
      body: 'not multipart at all',
    })
    expect(res.status).toBe(400)
  })

  it('a NUL character in a field is refused next to that field, and nothing is stored', async () => {
    const login = await send(app, 'POST', '/login?_data=routes%2Flogin', {
      headers: form('routes/login'),
      body: 'email=lead%00%40example.com&password=whatever-it-is',
    })
    expect(login.status).toBe(400)
    expect(JSON.parse(login.text)).toMatchObject({ errors: { email: 'error.nulCharacter' }, values: { email: 'lead@example.com' } })

    const before = await conn.db
      .selectFrom('company')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const company = await send(app, 'POST', '/companies/new?_data=routes%2Fcompanies.new', {
      headers: form('routes/companies.new', { Cookie: analyst }),
      body: 'nameEn=Null%00Corp&nameZh=&region=CN&vendorType=model',
    })
    expect(company.status).toBe(400)
    expect(JSON.parse(company.text)).toMatchObject({ errors: { nameEn: 'error.nulCharacter' } })
    const after = await conn.db
      .selectFrom('company')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('XLSX imports refuse a zip bomb before inflating it', () => {
  const sheet = (data: Buffer, declaredSize: number) => buildZip([{ name: 'xl/worksheets/sheet1.xml', data, declaredSize }])

  it('counts what the entries really inflate to, whatever the directory claims', async () => {
    const run = await deflatedRun(MAX_XLSX_UNCOMPRESSED_BYTES + MB)
    expect(run.length).toBeLessThan(100 * 1024)
    expect(await checkZipInflatedSize(sheet(run, MAX_XLSX_UNCOMPRESSED_BYTES + MB), MAX_XLSX_UNCOMPRESSED_BYTES)).toBe('tooLarge')
    // The same bytes, claiming to be 1 KB: only inflating tells.
    expect(await checkZipInflatedSize(sheet(run, 1024), MAX_XLSX_UNCOMPRESSED_BYTES)).toBe('tooLarge')
    // Twenty directory entries sharing one 2 MB stream: 40 MB, each claiming 1 KB.
    const shared = await deflatedRun(2 * MB)
    const overlapping = buildZip([
      { name: 'a.xml', data: shared, declaredSize: 1024 },
      ...Array.from({ length: 19 }, (_, i) => ({ name: `b${i}.xml`, data: shared, declaredSize: 1024, sameDataAs: 0 })),
    ])
    expect(await checkZipInflatedSize(overlapping, MAX_XLSX_UNCOMPRESSED_BYTES)).toBe('tooLarge')
    expect(await checkZipInflatedSize(buildZip([{ name: 'x', data: Buffer.from('not deflate'), declaredSize: 10 }]), MB)).toBe('malformed')
    const real = await writeXlsx('List', ['company'], [['Tencent'], ['Meitu']])
    expect(await checkZipInflatedSize(real, MAX_XLSX_UNCOMPRESSED_BYTES)).toBe('ok')
  })

  it('the import route answers 413 for a small file that inflates past the limit', async () => {
    const bomb = sheet(await deflatedRun(MAX_XLSX_UNCOMPRESSED_BYTES + MB, '<'), 2048)
    expect(bomb.length).toBeLessThan(200 * 1024)
    const body = new FormData()
    body.append('intent', 'preview')
    body.append('file', new File([new Uint8Array(bomb)], 'list.xlsx'))
    const request = new Request(`http://localhost/watchlists/${watchlistId}/import`, { method: 'POST', body, headers: { Cookie: analyst } })
    const res = await respond(() => importAction({ request, params: { id: String(watchlistId) }, context: contextFor(conn) }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ errors: { file: 'watchlists.import.tooLargeUnpacked' } })
  })
})
