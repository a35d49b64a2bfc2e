import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { isoWeekOf } from '#app/utils/iso-week.ts'
import { type Connection, openPostgres } from '#db/connection.ts'

import { withDatabase } from './db.ts'
import { type AppProcess, ensureBuild, startAppProcess } from './db-outage/app-process.ts'
import { startTcpProxy, type TcpProxy } from './db-outage/tcp-proxy.ts'
import { cookieFor, createUser, TEST_SECRET } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// The built app on PostgreSQL while its database goes away: its backends terminated again
// and again under load (4 readers, 4 score writers), then the database unreachable for a
// few seconds (a proxy in between drops and refuses connections, as in a restart). The
// process must live through it, answer 503 with Retry-After (never 500) while it lasts,
// and serve everything again by itself within seconds. PostgreSQL only: PGlite runs in
// the process and cannot go away.

const serverUrl = process.env.TEST_DATABASE_URL
const SLUG = 'outage-theme'
const WRITE_PATH = `/themes/${SLUG}/scores?_data=${encodeURIComponent('routes/themes_.$slug.scores')}`
const READ_PATHS = ['/', `/themes/${SLUG}`, `/themes/${SLUG}/scores`, '/companies', `/?_data=root`, '/healthz']
const CELLS = [
  ['video', 'technology'],
  ['image', 'data'],
] as const
const UNAVAILABLE_EN = 'The database is unavailable. Please try again in a moment.'
const UNAVAILABLE_ZH = '数据库暂时无法连接，请稍后再试。'

interface Outcome {
  kind: 'read' | 'write'
  path: string
  status: number | 'network error'
  retryAfter: string | null
  startedAt: number
  endedAt: number
}

let admin: Connection
let databaseName: string
let proxy: TcpProxy
let app: AppProcess
let cookie: string
const week = isoWeekOf(new Date(), 'Asia/Shanghai')

async function request(kind: Outcome['kind'], path: string, init: RequestInit = {}): Promise<Outcome> {
  const startedAt = Date.now()
  try {
    const res = await fetch(`${app.url}${path}`, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
      headers: { Cookie: cookie, Origin: app.url, ...init.headers },
    })
    await res.arrayBuffer()
    return { kind, path, status: res.status, retryAfter: res.headers.get('retry-after'), startedAt, endedAt: Date.now() }
  } catch {
    return { kind, path, status: 'network error', retryAfter: null, startedAt, endedAt: Date.now() }
  }
}

function read(i: number) {
  return request('read', READ_PATHS[i % READ_PATHS.length])
}

function write(i: number) {
  const [modality, dimension] = CELLS[i % CELLS.length]
  const body = new URLSearchParams({ intent: 'score', modality, dimension, week, level: String((i % 5) + 1), reason: `save ${i}` })
  return request('write', WRITE_PATH, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
}

/** 4 readers and 4 writers, each sending its next request as soon as the last one ends, until stop() resolves. */
async function underLoad(work: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  let done = false
  const worker = async (send: (i: number) => Promise<Outcome>, offset: number) => {
    for (let i = offset; !done; i += 4) outcomes.push(await send(i))
  }
  const workers = [0, 1, 2, 3].flatMap((n) => [worker(read, n), worker(write, n)])
  try {
    await work()
  } finally {
    done = true
    await Promise.all(workers)
  }
  return outcomes
}

async function terminateBackends(): Promise<number> {
  const { rows } = await sql<{ terminated: boolean }>`
    select pg_terminate_backend(pid) as terminated from pg_stat_activity
    where datname = ${databaseName} and pid <> pg_backend_pid()`.execute(admin.db)
  return rows.filter((row) => row.terminated).length
}

/** Milliseconds until /healthz says 200 again. */
async function timeToHealthy(limitMs = 20_000): Promise<number> {
  const start = Date.now()
  while (Date.now() - start < limitMs) {
    if (app.exited() !== null) throw new Error(`the app exited (${app.exited()}):\n${app.output().slice(-3000)}`)
    if ((await request('read', '/healthz')).status === 200) return Date.now() - start
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`not healthy after ${limitMs} ms`)
}

/** Every page and a write for every cell, one after another: all must succeed. */
async function afterRecovery(): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (let i = 0; i < READ_PATHS.length; i++) outcomes.push(await read(i))
  for (let i = 0; i < 4; i++) outcomes.push(await write(i))
  return outcomes
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of outcomes) counts[`${o.kind} ${o.status}`] = (counts[`${o.kind} ${o.status}`] ?? 0) + 1
  return counts
}

function expectOnly200or503(outcomes: Outcome[]) {
  const wrong = outcomes.filter((o) => o.status !== 200 && !(o.status === 503 && o.retryAfter === '5'))
  expect(wrong, JSON.stringify(wrong.slice(0, 5))).toEqual([])
}

describe.skipIf(!serverUrl)('the app while its PostgreSQL goes away', () => {
  beforeAll(async () => {
    ensureBuild()
    admin = openPostgres(serverUrl!, { max: 1 })
    databaseName = `themeradar_outage_${process.pid}_${Date.now().toString(36)}`
    await sql`create database ${sql.id(databaseName)} template ${sql.id(inject('postgresTemplateDb')!)}`.execute(admin.db)
    const appDbUrl = withDatabase(serverUrl!, databaseName)
    const setup = openPostgres(appDbUrl, { max: 1 })
    const analyst = await createUser(setup.db, { role: 'analyst' })
    cookie = await cookieFor(setup.db, analyst.id)
    await createScoringTheme(setup.db, { modalities: ['video', 'image'], dimensions: ['technology', 'data'], theme: { slug: SLUG } })
    await setup.close()
    const target = new URL(appDbUrl)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const viaProxy = new URL(appDbUrl)
    viaProxy.hostname = '127.0.0.1'
    viaProxy.port = String(proxy.port)
    app = await startAppProcess({ DATABASE_URL: viaProxy.toString(), SESSION_SECRET: TEST_SECRET, SEED_DEMO: 'never' })
  }, 120_000)

  afterAll(async () => {
    await app?.stop()
    await proxy?.close()
    if (admin) {
      await sql`drop database if exists ${sql.id(databaseName)} with (force)`.execute(admin.db)
      await admin.close()
    }
  })

  it('lives through its backends being terminated 12 times under load: 200 or 503, never 500', async () => {
    const terminated: number[] = []
    const outcomes = await underLoad(async () => {
      // A round right after another may find no backend yet: count only rounds that ended some.
      while (terminated.filter((n) => n > 0).length < 12 && terminated.length < 40) {
        await new Promise((resolve) => setTimeout(resolve, 600))
        terminated.push(await terminateBackends())
      }
      await new Promise((resolve) => setTimeout(resolve, 300))
    })
    const recoveredIn = await timeToHealthy()
    const after = await afterRecovery()
    console.info('[db-outage] terminations', {
      backendsPerRound: terminated,
      requests: outcomes.length,
      statuses: tally(outcomes),
      recoveredIn,
    })

    expect(app.exited()).toBeNull()
    expect(terminated.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10)
    expectOnly200or503(outcomes)
    expect(after.map((o) => `${o.path} ${o.status}`)).toEqual(after.map((o) => `${o.path} 200`))
    expect(app.output()).not.toMatch(/Unhandled|uncaught/i)
  }, 60_000)

  it('answers 503 with Retry-After while the database is unreachable, and recovers by itself when it is back', async () => {
    let cutAt = 0
    let restoredAt = 0
    const shapes: Record<string, Response> = {}
    const outcomes = await underLoad(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await proxy.cut()
      cutAt = Date.now()
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      shapes.page = await fetch(`${app.url}/themes/${SLUG}`, { headers: { Cookie: cookie, 'Accept-Language': 'zh-CN,zh;q=0.9' } })
      shapes.data = await fetch(`${app.url}/?_data=root`, { headers: { Cookie: cookie, 'Accept-Language': 'en' } })
      shapes.health = await fetch(`${app.url}/healthz`)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await proxy.restore()
      restoredAt = Date.now()
    })
    const recoveredIn = await timeToHealthy()
    const after = await afterRecovery()
    const whileDown = outcomes.filter((o) => o.startedAt > cutAt + 200 && o.endedAt < restoredAt)
    console.info('[db-outage] unreachable', {
      requests: outcomes.length,
      statuses: tally(outcomes),
      whileDown: tally(whileDown),
      downForMs: restoredAt - cutAt,
      recoveredIn,
    })

    expect(app.exited()).toBeNull()
    expectOnly200or503(outcomes)
    expect(whileDown.length).toBeGreaterThan(20)
    expect(whileDown.filter((o) => o.status !== 503)).toEqual([])
    expect(recoveredIn).toBeLessThan(5_000)
    expect(after.map((o) => `${o.path} ${o.status}`)).toEqual(after.map((o) => `${o.path} 200`))

    // The page: the error boundary says so in the reader's language, with the status.
    expect(shapes.page.status).toBe(503)
    expect(shapes.page.headers.get('retry-after')).toBe('5')
    const html = await shapes.page.text()
    expect(html).toContain(UNAVAILABLE_ZH)
    expect(html).not.toContain('Something went wrong')
    // Data requests (client navigation, fetchers): the same words as JSON.
    expect(shapes.data.status).toBe(503)
    expect(shapes.data.headers.get('retry-after')).toBe('5')
    expect(await shapes.data.json()).toEqual({
      databaseUnavailable: true,
      locale: 'en',
      title: 'Temporarily unavailable',
      message: UNAVAILABLE_EN,
    })
    expect(shapes.health.status).toBe(503)
    expect(shapes.health.headers.get('retry-after')).toBe('5')
    expect(await shapes.health.json()).toEqual({ status: 'unavailable', database: 'postgres' })
  }, 60_000)
})
