import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as setupLoader } from '#app/routes/setup.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, respond } from './factories.ts'

// /setup once the team exists: a signed-in member goes to the app (issue 16: an admin was
// told "Sign in instead"); a visitor without a session is told to sign in.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

const visit = (cookie?: string) =>
  respond(() => setupLoader({ request: getRequest('/setup', cookie), params: {}, context: contextFor(conn) }))

describe('/setup after the first administrator exists', () => {
  it('offers the form while nobody exists yet, signed in or not', async () => {
    expect(await (await visit()).json()).toEqual({ alreadySetUp: false })
  })

  it('sends a signed-in administrator to the app', async () => {
    const admin = await createUser(conn.db, { role: 'admin' })
    const res = await visit(await cookieFor(conn.db, admin.id))
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/')
  })

  it('tells someone not signed in that the app is set up', async () => {
    const res = await visit()
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ alreadySetUp: true })
  })
})
