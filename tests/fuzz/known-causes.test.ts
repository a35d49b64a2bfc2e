import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from '../db.ts'
import { cookieFor, createDocument, createUser } from '../factories.ts'
import { loadRoutes, send, startTestApp, type TestApp } from '../http-app.ts'

// The five causes of the 500s found by fuzzing (issue 11, section 7), each as a fixed case:
// a NUL byte in stored text, a multipart Content-Type without a usable boundary, a date that
// matches the pattern but does not exist, a redirect target with non-Latin-1 or CR/LF, and a
// cross-origin document POST. Each answers 4xx with its message, and nothing is stored.

let conn: Connection
let app: TestApp
let cookie: string
let documentId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  const admin = await createUser(conn.db, { role: 'admin' })
  cookie = await cookieFor(conn.db, admin.id)
  documentId = (await createDocument(conn.db)).document.id
  app = await startTestApp(conn, await loadRoutes())
})
afterAll(async () => {
  await app?.close()
  await conn?.close()
})

const counts = async () =>
  (
    await sql<{ n: string }>`select (select count(*) from theme) || '/' || (select count(*) from audit_log) || '/'
      || (select count(*) from company) || '/' || (select md5(string_agg(d::text, '|')) from document d) as n`.execute(conn.db)
  ).rows[0].n

async function post(routeId: string, path: string, body: string, headers: Record<string, string> = {}) {
  return send(app, 'POST', `${path}?_data=${encodeURIComponent(routeId)}`, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: app.base, 'X-Test-Route': routeId, ...headers },
    body,
  })
}

const errorsOf = (text: string) => (JSON.parse(text) as { errors: Record<string, string> }).errors

describe('the inputs that answered 500', () => {
  it('a NUL byte in a text field is refused next to the field', async () => {
    const before = await counts()
    const body = new URLSearchParams({ nameEn: 'Robo\0taxi', nameZh: '自动驾驶', slug: 'robotaxi', stance: 'neutral', status: 'active' })
    const res = await post('routes/themes.new', '/themes/new', body.toString())
    expect(res.status).toBe(400)
    expect(errorsOf(res.text)).toMatchObject({ nameEn: 'error.nulCharacter' })
    expect(await counts()).toBe(before)
  })

  it.each([
    ['no boundary', 'multipart/form-data'],
    ['an empty boundary', 'multipart/form-data; boundary='],
    ['a boundary the body does not use', 'multipart/form-data; boundary=zzz'],
  ])('a multipart body with %s is refused on /login signed out and signed in', async (_what, type) => {
    const body = '--abc\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--abc--\r\n'
    for (const headers of [{ Cookie: '' }, {}] as Record<string, string>[]) {
      const res = await post('routes/login', '/login', body, { 'Content-Type': type, ...headers })
      expect(res.status).toBe(400)
      expect(errorsOf(res.text)).toMatchObject({ form: 'error.malformedForm' })
    }
  })

  it.each(['2026-02-30', '0000-00-00', '2025-02-29', '2026-13-01'])(
    'a document edit dated %s is refused next to the date',
    async (date) => {
      const before = await counts()
      const body = new URLSearchParams({ intent: 'edit', title: 'A title', publisher: '', publishedOn: date, tags: '' })
      const res = await post('routes/documents.$id', `/documents/${documentId}`, body.toString())
      expect(res.status, res.text).toBe(400)
      expect(errorsOf(res.text)).toMatchObject({ publishedOn: 'documents.refused.invalidDate' })
      expect(await counts()).toBe(before)
    },
  )

  it.each(['/ü', '/%E4%B8%AD', '/a\r\nSet-Cookie: x=1', '/\\evil.example', '/\t/evil.example'])(
    'redirectTo %j never answers 5xx nor leaves the app',
    async (target) => {
      const signedIn = await send(app, 'GET', `/login?redirectTo=${encodeURIComponent(target)}`, {
        headers: { Cookie: cookie, 'X-Test-Route': 'routes/login' },
      })
      expect(signedIn.status).toBeLessThan(500)
      const answers = [signedIn]
      for (const [routeId, path, fields] of [
        ['routes/language', '/language', { locale: 'en' }],
        ['routes/color-scheme', '/color-scheme', { scheme: 'dark' }],
      ] as const) {
        const res = await post(routeId, path, new URLSearchParams({ ...fields, redirectTo: target }).toString())
        expect(res.status, `${routeId}: ${res.text}`).toBeLessThan(500)
        answers.push(res)
      }
      for (const res of answers) {
        const location = String(res.headers.location ?? '/')
        expect(new URL(location, app.base).origin).toBe(app.base)
        expect(location).not.toMatch(/[\r\n\t\\]/)
      }
    },
  )

  it('a cross-origin document POST answers 403, not 500', async () => {
    const res = await send(app, 'POST', '/themes/new', {
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        Origin: 'http://evil.example',
        'X-Test-Route': 'routes/themes.new',
      },
      body: 'nameEn=x',
    })
    expect(res.status).toBe(403)
  })
})
