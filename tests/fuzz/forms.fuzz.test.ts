import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from '../db.ts'
import { cookieFor, createCompany, createDocument, createRubric, createTheme, createUser, createWatchlist } from '../factories.ts'
import { loadRoutes, send, startTestApp, type TestApp, type TestRoute } from '../http-app.ts'
import { brokenMultipart, formBody, formVocabulary, nearlyValidBody, routeVocabulary } from './inputs.ts'

// Every action route, posted to by a signed-in admin from the app's own origin (so role and
// origin checks pass) with generated bad bodies: no answer is a 5xx, a 4xx says what was
// wrong (a field or form message), and a refusal leaves every stored row as it was.

const RUNS = Number(process.env.FUZZ_RUNS ?? 8)
// Rows that change on every request whatever the form says (sessions, sign-in counts).
const VOLATILE = new Set(['session', 'sign_in_attempt', 'sign_in_throttle', 'kysely_migration', 'kysely_migration_lock'])

let conn: Connection
let app: TestApp
let adminId: number
let tables: string[]

beforeAll(async () => {
  conn = await createTestDatabase()
  adminId = (await createUser(conn.db, { role: 'admin' })).id
  // Sample rows, so the routes' URL parameters (id 1, multimodal-ai) name something.
  const theme = await createTheme(conn.db, { slug: 'multimodal-ai' })
  await createCompany(conn.db)
  await createDocument(conn.db, { themeIds: [theme.id] })
  await createRubric(conn.db)
  await createWatchlist(conn.db)
  app = await startTestApp(conn, await loadRoutes())
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(conn.db)
  tables = rows.rows.map((r) => r.name).filter((t) => !VOLATILE.has(t) && !t.includes('session') && !t.includes('throttle'))
})
afterAll(async () => {
  // What the runs reached, so a generator that only ever hits the first check shows up.
  console.log([...answers].map(([key, n]) => `${key} x${n}`).join('\n'))
  await app?.close()
  await conn?.close()
})

/** One digest of every stored row (the test database is small). */
async function digest(): Promise<string> {
  const parts = tables.map(
    (t) => sql`select ${t}::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${sql.table(t)} x`,
  )
  const result = await sql<{ d: string }>`${sql.join(parts, sql` union all `)}`.execute(conn.db)
  return result.rows.map((r) => r.d).join(',')
}

// One session per route (a new one per request for /logout, which ends it).
const cookies = new Map<string, string>()
async function cookie(route: TestRoute): Promise<string> {
  if (route.id === 'routes/logout' || !cookies.has(route.id)) cookies.set(route.id, await cookieFor(conn.db, adminId))
  return cookies.get(route.id) as string
}

async function post(route: TestRoute, type: string, body: string) {
  return send(app, 'POST', `${route.path}?_data=${encodeURIComponent(route.id)}`, {
    headers: {
      'Content-Type': type,
      Cookie: await cookie(route),
      Origin: app.base,
      'X-Test-Route': route.id,
    },
    body,
  })
}

/** A 4xx must say what was wrong: a message key next to a field, or the page's message. */
function hasMessage(text: string): boolean {
  try {
    const data = JSON.parse(text) as { errors?: Record<string, unknown>; messageKey?: unknown }
    if (data.errors && Object.values(data.errors).some((v) => typeof v === 'string' && v.length > 0)) return true
    return typeof data.messageKey === 'string'
  } catch {
    return false
  }
}

// The digest after the last request is the one before the next: one digest per request.
let lastDigest: string | undefined
const answers = new Map<string, number>()
const tally = (route: TestRoute, status: number, text: string) => {
  let errors = ''
  try {
    errors = Object.entries((JSON.parse(text) as { errors?: Record<string, unknown> }).errors ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .sort()
      .join(' ')
  } catch {
    errors = text.slice(0, 40)
  }
  const key = `${route.id} ${status} ${errors}`.slice(0, 160)
  answers.set(key, (answers.get(key) ?? 0) + 1)
}

async function check(route: TestRoute, type: string, body: string) {
  const before = lastDigest ?? (await digest())
  lastDigest = undefined
  const res = await post(route, type, body)
  tally(route, res.status, res.text)
  const what = `${route.id} ${res.status} ${type} ${JSON.stringify(body.slice(0, 300))}: ${res.text.slice(0, 300)}`
  expect(res.status, what).toBeLessThan(500)
  if (res.status >= 400) {
    expect(hasMessage(res.text), `no message: ${what}`).toBe(true)
  }
  lastDigest = await digest()
  if (res.status >= 400) expect(lastDigest, `a refusal changed stored rows: ${what}`).toBe(before)
}

describe('generated bad forms never answer 5xx', async () => {
  const routes = (await loadRoutes()).filter((r) => r.action)
  const vocabulary = formVocabulary()

  it('covers the action routes', () => {
    expect(routes.length).toBeGreaterThan(20)
  })

  for (const route of routes) {
    it(`${route.id}: urlencoded bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(formBody(vocabulary), (body) => check(route, 'application/x-www-form-urlencoded', body)),
        { numRuns: RUNS },
      )
    })
    it(`${route.id}: nearly valid forms with a few hostile fields`, async () => {
      await fc.assert(
        fc.asyncProperty(nearlyValidBody(routeVocabulary(route.id)), (body) => check(route, 'application/x-www-form-urlencoded', body)),
        { numRuns: RUNS },
      )
    })
    it(`${route.id}: broken multipart and undecodable bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(brokenMultipart, ({ type, body }) => check(route, type, body)),
        { numRuns: 4 },
      )
    })
  }
})
