import { readdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { actionPolicy, roleAllows } from '#app/utils/permissions.ts'
import type { Connection } from '#db/connection.ts'
import type { Role } from '#db/types.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, postForm, respond } from './factories.ts'

// Every route that exports an action is posted to by every role. A route missing from
// actionPolicy fails here, and so does one that lets a lesser role through: roles are
// enforced by the server, whatever the buttons show.
const routeDir = path.resolve('app/routes')
const routeFiles = readdirSync(routeDir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))

let conn: Connection
const cookies: Partial<Record<Role, string>> = {}

beforeAll(async () => {
  conn = await createTestDatabase()
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    const user = await createUser(conn.db, { role })
    cookies[role] = await cookieFor(conn.db, user.id)
  }
})
afterAll(async () => {
  await conn.close()
})

const params = { token: 'no-such-token', slug: 'multimodal-ai', id: '1', week: '2026-W48' }

describe('every action route has a role rule that the server enforces', async () => {
  const withActions: { id: string; action: (args: unknown) => Promise<unknown> }[] = []
  for (const file of routeFiles) {
    const mod = await import(path.join(routeDir, file))
    if (typeof mod.action === 'function') withActions.push({ id: `routes/${file.replace(/\.tsx?$/, '')}`, action: mod.action })
  }

  it('finds the action routes', () => {
    expect(withActions.length).toBeGreaterThan(5)
  })

  it.each(withActions.map((r) => [r.id, r] as const))('%s has a rule', (id) => {
    expect(actionPolicy[id], `add ${id} to actionPolicy in app/utils/permissions.ts`).toBeDefined()
  })

  for (const route of withActions) {
    const needed = actionPolicy[route.id]
    if (!needed || needed === 'anyone') continue
    it(`${route.id}: signed out is sent to sign in`, async () => {
      const res = await respond(() => route.action({ request: postForm('/x', {}), params, context: contextFor(conn) }))
      expect(res.status).toBe(302)
      expect(res.headers.get('Location')).toMatch(/^\/login/)
    })
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      const allowed = roleAllows(role, needed)
      it(`${route.id}: ${role} is ${allowed ? 'let through' : 'refused with 403'}`, async () => {
        const res = await respond(() => route.action({ request: postForm('/x', {}, cookies[role]), params, context: contextFor(conn) }))
        if (allowed) {
          expect(res.status).not.toBe(403)
          expect(res.status).toBeLessThan(500)
        } else {
          expect(res.status).toBe(403)
        }
      })
    }
  }
})
