import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'

import { addressKey, normaliseAccount, reserveSignInAttempt, SIGN_IN_LIMITS, throttleMessageKey } from './sign-in-throttle.server.ts'

// The wait a refused sign-in is told. Under 50 parallel guesses on PostgreSQL, a
// transaction that began before the one that opened the window read "16 minutes" for a
// 15-minute window: its now() was earlier than the window's start.

let conn: Connection

beforeAll(async () => {
  conn = await createTestDatabase()
})

afterAll(async () => {
  await conn.close()
})

describe('the wait told to a refused sign-in', () => {
  it('is never longer than the window, even when the window opened after this transaction began', async () => {
    const account = normaliseAccount('Owner@Example.com')
    const ip = '203.0.113.9'
    const { limit, windowMinutes } = SIGN_IN_LIMITS.accountAddress
    // As a parallel transaction that began 3 s after this one would have left the bucket.
    await sql`
      insert into sign_in_throttle (bucket, window_start, failures)
      values (${`account-address:${account}|${addressKey(ip)}`}, now() + interval '3 seconds', ${limit})`.execute(conn.db)

    const result = await reserveSignInAttempt(conn.db, account, ip)

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.scope).toBe('accountAddress')
    expect(result.retryAfterSeconds).toBe(windowMinutes * 60)
    expect(throttleMessageKey(result)).toBe(`auth.rateLimitedAccountAddress?minutes=${windowMinutes}`)
  })
})
