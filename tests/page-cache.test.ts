import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createPageCache, type PageCache } from '#app/http/page-cache.server.ts'
import { recordAudit } from '#app/models/ops/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser } from './factories.ts'

// The meeting page cache: a second reader of an unchanged page gets the stored copy; any
// write, another reader, a signed-out session, an error or a cookie-setting response is
// never served from it.

let conn: Connection
let server: Server
let base: string
let cache: PageCache
let renders = 0
let nextStatus = 200
let nextSetCookie = false

beforeAll(async () => {
  conn = await createTestDatabase()
  const app = express()
  cache = createPageCache({
    paths: /^\/meetings\/\d{4}-W\d{2}$/,
    getLoadContext: () => contextFor(conn),
    render: async (request) => {
      renders += 1
      const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' })
      if (nextSetCookie) headers.set('Set-Cookie', 'tr_lang=en; Path=/')
      return new Response(`<p>render ${renders} of ${new URL(request.url).pathname}</p>`, { status: nextStatus, headers })
    },
  })
  app.use(cache.middleware)
  app.use((_req, res) => void res.status(302).setHeader('Location', '/login').end())
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await conn?.close()
})
beforeEach(() => {
  cache.clear()
  nextStatus = 200
  nextSetCookie = false
})

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })

describe('meeting page cache', () => {
  it('serves an unchanged page from the cache, gzipped, and renders again after any write', async () => {
    const user = await createUser(conn.db, { role: 'viewer' })
    const cookie = await cookieFor(conn.db, user.id)
    const first = await get('/meetings/2026-W48', cookie)
    expect(first.headers.get('x-page-cache')).toBe('miss')
    const text = await first.text()
    const second = await get('/meetings/2026-W48', cookie)
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(second.headers.get('content-encoding')).toBe('gzip')
    expect(await second.text()).toBe(text)

    await recordAudit(conn.db, { actorId: user.id, action: 'test.write', entityType: 'test', entityId: '1' })
    const third = await get('/meetings/2026-W48', cookie)
    expect(third.headers.get('x-page-cache')).toBe('miss')
    expect(await third.text()).not.toBe(text)
  })

  it('keeps readers apart and checks the session on every request', async () => {
    const userA = await createUser(conn.db)
    const a = await cookieFor(conn.db, userA.id)
    const b = await cookieFor(conn.db, (await createUser(conn.db)).id)
    await get('/meetings/2026-W47', a)
    expect((await get('/meetings/2026-W47', b)).headers.get('x-page-cache')).toBe('miss')
    expect((await get('/meetings/2026-W47', a)).headers.get('x-page-cache')).toBe('hit')

    // Signing out deletes the session row; the cached page must not outlive it.
    await conn.db.deleteFrom('user_session').where('user_id', '=', userA.id).execute()
    const signedOut = await get('/meetings/2026-W47', a)
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('x-page-cache')).toBeNull()
  })

  it('does not keep errors or responses that set cookies, and leaves other paths alone', async () => {
    const cookie = await cookieFor(conn.db, (await createUser(conn.db)).id)
    nextStatus = 404
    expect((await get('/meetings/2026-W01', cookie)).status).toBe(404)
    nextStatus = 200
    expect((await get('/meetings/2026-W01', cookie)).headers.get('x-page-cache')).toBe('miss')
    nextSetCookie = true
    const withCookie = await get('/meetings/2026-W02', cookie)
    expect(withCookie.headers.get('set-cookie')).toContain('tr_lang=en')
    nextSetCookie = false
    expect((await get('/meetings/2026-W02', cookie)).headers.get('x-page-cache')).toBe('miss')
    expect((await get('/meetings', cookie)).status).toBe(302)
  })

  it('hands the request on when the cache cannot check the data, instead of failing it', async () => {
    const broken = createPageCache({
      paths: /^\/meetings\/\d{4}-W\d{2}$/,
      getLoadContext: () => ({ ...contextFor(conn), db: undefined as never }),
      render: async () => new Response('never'),
    })
    const app = express()
    app.use(broken.middleware)
    app.use((_req, res) => void res.status(503).end('handled by the next handler'))
    const other = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => other.once('listening', resolve))
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/meetings/2026-W48`)
      expect(res.status).toBe(503)
      expect(await res.text()).toBe('handled by the next handler')
      expect(errors).toHaveLength(1)
    } finally {
      console.error = original
      other.close()
    }
  })
})
