import type { AppLoadContext } from '@remix-run/node'
import type { Kysely } from 'kysely'

import { sessionCookie } from '#app/http/auth.server.ts'
import { createSession } from '#app/models/account/index.server.ts'
import { hashPassword } from '#app/models/account/index.server.ts'
import type { Connection } from '#db/connection.ts'
import type { Database, Role } from '#db/types.ts'

import { nextSeq } from './factories/sequence.ts'

// Data factories: each call makes rows of its own with unique defaults (a sequence
// number), so a test creates what it asserts on instead of reading shared seed rows.
export * from './factories/companies.ts'
export * from './factories/documents.ts'
export * from './factories/scoring.ts'
export * from './factories/themes.ts'
export * from './factories/watchlists.ts'

export const TEST_SECRET = 'test-secret-test-secret-test-secret-1234'
export const TEST_PASSWORD = 'a test password that is long'

let cachedHash: Promise<string> | undefined

export function contextFor(conn: Connection, clientIp = '127.0.0.1'): AppLoadContext {
  return { db: conn.db, dbKind: conn.kind, sessionSecret: TEST_SECRET, clientIp }
}

export async function createUser(
  db: Kysely<Database>,
  overrides: { role?: Role; email?: string; displayName?: string; disabled?: boolean } = {},
) {
  const seq = nextSeq()
  cachedHash ??= hashPassword(TEST_PASSWORD)
  return db
    .insertInto('app_user')
    .values({
      email: overrides.email ?? `user${seq}-${Date.now()}@example.com`,
      display_name: overrides.displayName ?? `User ${seq}`,
      password_hash: await cachedHash,
      role: overrides.role ?? 'analyst',
      disabled_at: overrides.disabled ? new Date() : null,
    })
    .returning(['id', 'email', 'role', 'display_name as displayName'])
    .executeTakeFirstOrThrow()
}

/** A Cookie header that signs the user in, as the browser would send it. */
export async function cookieFor(db: Kysely<Database>, userId: number): Promise<string> {
  const token = await createSession(db, userId, { ip: '127.0.0.1' })
  const setCookie = await sessionCookie(new Request('http://localhost/'), TEST_SECRET).serialize(token)
  return setCookie.split(';')[0]
}

export function postForm(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (cookie) headers.Cookie = cookie
  return new Request(`http://localhost${path}`, { method: 'POST', body, headers })
}

export function getRequest(path: string, cookie?: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { ...headers, Cookie: cookie } : headers })
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run()
    if (result instanceof Response) return result
    return new Response(JSON.stringify(result), { status: 200 })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
