import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createUser } from './factories.ts'
import { loadRoutes, send, startTestApp, type TestApp, type TestRoute } from './http-app.ts'

// Invitation links leave the app (pasted into chat or mail), so their host must not come
// from whatever Host or X-Forwarded-Host a request carried: PUBLIC_URL when it is set, else
// the request's own host, with X-Forwarded-Host believed only from a trusted proxy.

let conn: Connection
let routes: TestRoute[]
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  routes = await loadRoutes()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
})
afterAll(async () => {
  await conn?.close()
})

let n = 0
async function inviteLink(app: TestApp, origin: string, headers: Record<string, string> = {}): Promise<string> {
  n += 1
  const res = await send(app, 'POST', '/admin/users?_data=routes%2Fadmin.users', {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: cookie,
      Origin: origin,
      'X-Test-Route': 'routes/admin.users',
      ...headers,
    },
    body: new URLSearchParams({ intent: 'invite', email: `invited${n}@example.com`, role: 'viewer' }).toString(),
  })
  expect(res.status, res.text).toBe(200)
  return (JSON.parse(res.text) as { invite: { link: string } }).invite.link
}

describe('invitation links', () => {
  it('use PUBLIC_URL when it is set, whatever X-Forwarded-Host says', async () => {
    const app = await startTestApp(conn, routes, { publicUrl: 'https://themeradar.example.com' })
    try {
      const link = await inviteLink(app, 'https://themeradar.example.com', { 'X-Forwarded-Host': 'evil.example' })
      expect(link).toMatch(/^https:\/\/themeradar\.example\.com\/invite\/[\w-]{40,}$/)
    } finally {
      await app.close()
    }
  })

  it('without PUBLIC_URL, ignore X-Forwarded-Host from a proxy that is not trusted', async () => {
    const app = await startTestApp(conn, routes, { trustProxy: false })
    try {
      const link = await inviteLink(app, app.base, { 'X-Forwarded-Host': 'evil.example' })
      expect(new URL(link).host).toBe(`127.0.0.1:${app.port}`)
    } finally {
      await app.close()
    }
  })
})
