import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createUser } from './factories.ts'
import { loadRoutes, send, startTestApp, type TestApp, type TestRoute } from './http-app.ts'

// Every route that takes a form refuses it (403, translated, the route never runs) unless the
// browser says it was sent from a page of this app: Origin, or Referer when there is no
// Origin. A session cookie rides along on same-site requests (SameSite=Lax), so "same site"
// is not enough: another port and a sibling subdomain are other origins.

let conn: Connection
let routes: TestRoute[]
let withActions: TestRoute[]
let app: TestApp
let adminId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  adminId = (await createUser(conn.db, { role: 'admin' })).id
  routes = await loadRoutes()
  withActions = routes.filter((r) => r.action)
  app = await startTestApp(conn, routes)
})
afterAll(async () => {
  await app?.close()
  await conn?.close()
})

// A session of its own for each route: /logout ends the one it is sent with.
const post = async (route: TestRoute, headers: Record<string, string>, target = route.path) =>
  send(app, 'POST', target, {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: await cookieFor(conn.db, adminId),
      'X-Test-Route': route.id,
      ...headers,
    },
    body: 'note=x',
  })

describe('every action route refuses a request from another origin', async () => {
  const all = await loadRoutes()
  const actionRoutes = all.filter((r) => r.action)

  it('finds the action routes, including sign-in, set-up, language and colour scheme', () => {
    const ids = actionRoutes.map((r) => r.id)
    for (const id of ['routes/login', 'routes/setup', 'routes/language', 'routes/color-scheme', 'routes/logout', 'routes/invite.$token'])
      expect(ids).toContain(id)
    expect(actionRoutes.length).toBeGreaterThan(20)
  })

  for (const { id } of actionRoutes) {
    it(`${id}: another site, another port and a sibling subdomain get 403; its own origin gets through`, async () => {
      const route = withActions.find((r) => r.id === id) as TestRoute
      const own = `http://127.0.0.1:${app.port}`
      const foreign = {
        'another site': { Origin: 'http://evil.example' },
        'the same host on another port': { Origin: `http://127.0.0.1:${app.port + 1}` },
        'a sibling subdomain': { Host: `themeradar.example.test:${app.port}`, Origin: `http://reports.example.test:${app.port}` },
        'another scheme': { Origin: `https://127.0.0.1:${app.port}` },
        'Origin: null': { Origin: 'null' },
        'no Origin and no Referer': {},
        'no Origin, a Referer elsewhere': { Referer: 'http://evil.example/page' },
      }
      for (const [what, headers] of Object.entries(foreign)) {
        const before = app.calls.get(id) ?? 0
        const document = await post(route, headers)
        expect(document.status, `${what} (page)`).toBe(403)
        expect(document.text).toContain('another site')
        const data = await post(route, headers, `${route.path}?_data=${encodeURIComponent(id)}`)
        expect(data.status, `${what} (?_data=)`).toBe(403)
        expect(JSON.parse(data.text)).toMatchObject({ ok: false, errors: { form: 'error.crossSite' } })
        expect(app.calls.get(id) ?? 0, `${what}: the route must not run`).toBe(before)
      }
      const ownOrigins: Record<string, string>[] = [
        { Origin: own },
        { Referer: `${own}/themes` },
        { Host: `themeradar.example.test:${app.port}`, Origin: `http://themeradar.example.test:${app.port}` },
      ]
      for (const headers of ownOrigins) {
        const res = await post(route, headers, `${route.path}?_data=${encodeURIComponent(id)}`)
        expect(res.status, JSON.stringify(headers)).not.toBe(403)
        expect(res.status, res.text).toBeLessThan(500)
      }
    })
  }
})

describe('the cross-site refusal', () => {
  const login = () => withActions.find((r) => r.id === 'routes/login') as TestRoute

  it('answers a page in the reader’s language', async () => {
    const res = await post(login(), { Origin: 'http://evil.example', 'Accept-Language': 'zh-CN,zh;q=0.9' })
    expect(res.status).toBe(403)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.text).toContain('<html lang="zh-CN">')
    expect(res.text).toContain('已拒绝')
  })

  it('lets GET through from anywhere (links from other sites keep working)', async () => {
    const res = await send(app, 'GET', '/login', { headers: { Origin: 'http://evil.example', 'X-Test-Route': 'routes/login' } })
    expect(res.status).not.toBe(403)
  })
})

describe('the app’s origin', () => {
  it('is PUBLIC_URL when it is set, not the address the request came to', async () => {
    const pinned = await startTestApp(conn, routes, { publicUrl: 'https://themeradar.example.com' })
    try {
      const login = routes.find((r) => r.id === 'routes/login') as TestRoute
      const go = (origin: string) =>
        send(pinned, 'POST', '/login?_data=routes%2Flogin', {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'X-Test-Route': login.id },
          body: 'email=a%40b.c&password=x',
        })
      expect((await go('https://themeradar.example.com')).status).not.toBe(403)
      expect((await go('https://reports.example.com')).status).toBe(403)
      expect((await go('http://themeradar.example.com')).status).toBe(403)
      expect((await go(pinned.base)).status).toBe(403)
    } finally {
      await pinned.close()
    }
  })

  it('takes X-Forwarded-Proto/-Host only from a proxy that TRUST_PROXY trusts', async () => {
    const login = routes.find((r) => r.id === 'routes/login') as TestRoute
    const proxied = {
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'themeradar.example.com',
      Origin: 'https://themeradar.example.com',
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Test-Route': login.id,
    }
    const trusted = await send(app, 'POST', '/login?_data=routes%2Flogin', { headers: proxied, body: 'email=a%40b.c&password=x' })
    expect(trusted.status).not.toBe(403) // the test connects from loopback, which 'loopback' trusts
    const untrusting = await startTestApp(conn, routes, { trustProxy: false })
    try {
      const refused = await send(untrusting, 'POST', '/login?_data=routes%2Flogin', { headers: proxied, body: 'email=a%40b.c&password=x' })
      expect(refused.status).toBe(403)
    } finally {
      await untrusting.close()
    }
  })
})
