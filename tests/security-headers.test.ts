import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPageCache } from '#app/http/page-cache.server.ts'
import { securityHeaders } from '#app/http/security-headers.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser } from './factories.ts'
import { loadRoutes, send, startTestApp, type TestApp } from './http-app.ts'

// Every response carries helmet's headers; the Content-Security-Policy allows our own
// scripts plus inline ones with this response's nonce; HSTS only over https. A page served
// again from the meeting page cache names the nonce it was rendered with.

let conn: Connection
let app: TestApp

beforeAll(async () => {
  conn = await createTestDatabase()
  app = await startTestApp(conn, await loadRoutes())
})
afterAll(async () => {
  await app?.close()
  await conn?.close()
})

const get = (headers: Record<string, string> = {}) =>
  send(app, 'GET', '/login', { headers: { 'X-Test-Route': 'routes/login', ...headers } })
const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values]
    }),
  )

describe('security headers', () => {
  it('sends a Content-Security-Policy with a fresh nonce for inline scripts', async () => {
    const first = await get()
    const second = await get()
    const policy = directives(String(first.headers['content-security-policy']))
    expect(policy['script-src']).toContain("'self'")
    const nonce = policy['script-src'].find((v: string) => v.startsWith("'nonce-"))
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{20,}'$/)
    expect(String(second.headers['content-security-policy'])).not.toContain(nonce)
    expect(policy['script-src']).not.toContain("'unsafe-inline'")
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['base-uri']).toEqual(["'self'"])
    expect(policy['form-action']).toEqual(["'self'"])
    expect(policy['frame-ancestors']).toEqual(["'self'"])
  })

  it('keeps the Origin header on our own forms (Referrer-Policy same-origin) and the usual helmet headers', async () => {
    const res = await get()
    expect(res.headers['referrer-policy']).toBe('same-origin')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it('sends HSTS only over https (here: a trusted proxy saying so)', async () => {
    expect((await get()).headers['strict-transport-security']).toBeUndefined()
    const https = await get({ 'X-Forwarded-Proto': 'https' })
    expect(https.headers['strict-transport-security']).toMatch(/max-age=31536000/)
    const untrusting = await startTestApp(conn, await loadRoutes(), { trustProxy: false })
    try {
      const spoofed = await send(untrusting, 'GET', '/login', { headers: { 'X-Test-Route': 'routes/login', 'X-Forwarded-Proto': 'https' } })
      expect(spoofed.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await untrusting.close()
    }
  })
})

describe('the meeting page cache and the nonce', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    const site = express()
    site.use(securityHeaders())
    const cache = createPageCache({
      paths: /^\/meetings\/\d{4}-W\d{2}$/,
      getLoadContext: (req) => ({ ...contextFor(conn), cspNonce: req.res?.locals.cspNonce as string }),
      render: async (_request, context) =>
        new Response(`<script nonce="${context.cspNonce}">1</script>`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    })
    site.use(cache.middleware)
    server = site.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server?.close()
  })

  it('serves a stored page with the policy naming the nonce in its scripts', async () => {
    const cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
    for (const state of ['miss', 'hit', 'hit']) {
      const res = await fetch(`${base}/meetings/2026-W48`, { headers: { Cookie: cookie } })
      expect(res.headers.get('x-page-cache')).toBe(state)
      const nonce = /nonce="([^"]+)"/.exec(await res.text())?.[1]
      expect(res.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`)
    }
  })
})
