import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { addressKey, SIGN_IN_LIMITS } from '#app/models/account/index.server.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, createUser, postForm, respond, TEST_PASSWORD } from './factories.ts'

// Sign-in throttling under parallel guessing, on PGlite and (with TEST_DATABASE_URL) on
// PostgreSQL. Password checks are counted where they happen: argon2's verify.
const checks = vi.hoisted(() => ({ count: 0 }))
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>()
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      checks.count++
      return real.verify(...args)
    },
  }
})

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})
beforeEach(() => {
  checks.count = 0
})

function signIn(email: string, password: string, ip: string) {
  return respond(() => loginAction({ request: postForm('/login', { email, password }), params: {}, context: contextFor(conn, ip) }))
}

const PARALLEL = 50

describe('sign-in throttling', () => {
  it(`checks at most ${SIGN_IN_LIMITS.accountAddress.limit} passwords of ${PARALLEL} parallel guesses at one account from one address`, async () => {
    const owner = await createUser(conn.db, { role: 'admin' })
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => signIn(owner.email, `wrong guess number ${i}`, '203.0.113.7')),
    )
    expect(checks.count).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAddress.limit)
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks.count)
    expect(statuses.filter((s) => s === 429)).toHaveLength(PARALLEL - checks.count)
    const refused = responses.find((r) => r.status === 429)!
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await refused.json()).errors.form).toMatch(/^auth\.rateLimitedAccountAddress\?minutes=(1[0-5]|[1-9])$/)

    // Still refused with the right password from the attacker's address...
    expect((await signIn(owner.email, TEST_PASSWORD, '203.0.113.7')).status).toBe(429)
    // ...while the owner, from their own address, signs in.
    checks.count = 0
    const mine = await signIn(owner.email, TEST_PASSWORD, '198.51.100.20')
    expect(mine.status).toBe(302)
    expect(checks.count).toBe(1)
  })

  it('lets the owner in while an attacker guesses in parallel from another address', async () => {
    const owner = await createUser(conn.db)
    const [mine, ...theirs] = await Promise.all([
      signIn(owner.email, TEST_PASSWORD, '198.51.100.21'),
      ...Array.from({ length: PARALLEL }, (_, i) => signIn(owner.email, `guess ${i} of many`, '203.0.113.8')),
    ])
    expect(mine.status).toBe(302)
    expect(theirs.filter((r) => r.status === 401).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAddress.limit)
  })

  it(`checks at most ${SIGN_IN_LIMITS.address.limit} passwords when one address sprays ${PARALLEL} accounts`, async () => {
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => signIn(`spray${i}@example.com`, 'Summer2026 password', '203.0.113.9')),
    )
    expect(checks.count).toBeLessThanOrEqual(SIGN_IN_LIMITS.address.limit)
    const refused = responses.filter((r) => r.status === 429)
    expect(refused).toHaveLength(PARALLEL - checks.count)
    expect((await refused[0].json()).errors.form).toMatch(/^auth\.rateLimitedIp\?/)
  })

  it('limits guessing spread over many addresses per account, except from an address the owner has used', async () => {
    const owner = await createUser(conn.db)
    expect((await signIn(owner.email, TEST_PASSWORD, '198.51.100.30')).status).toBe(302)
    checks.count = 0
    const { limit } = SIGN_IN_LIMITS.account
    const perAddress = SIGN_IN_LIMITS.accountAddress.limit
    const addresses = Math.ceil(limit / perAddress) + 2
    const responses = await Promise.all(
      Array.from({ length: addresses * perAddress }, (_, i) => signIn(owner.email, `spread guess ${i}`, `192.0.2.${i % addresses}`)),
    )
    expect(checks.count).toBeLessThanOrEqual(limit)
    const refused = responses.filter((r) => r.status === 429)
    expect(refused.length).toBeGreaterThan(0)
    const fresh = await signIn(owner.email, TEST_PASSWORD, '192.0.2.200')
    expect(fresh.status).toBe(429)
    expect((await fresh.json()).errors.form).toMatch(/^auth\.rateLimitedAccount\?/)
    // The owner's usual address is not held to the account-wide limit.
    expect((await signIn(owner.email, TEST_PASSWORD, '198.51.100.30')).status).toBe(302)
  })

  it('opens again once the window has passed', async () => {
    const owner = await createUser(conn.db)
    for (let i = 0; i <= SIGN_IN_LIMITS.accountAddress.limit; i++) await signIn(owner.email, `late guess ${i}`, '203.0.113.10')
    expect((await signIn(owner.email, TEST_PASSWORD, '203.0.113.10')).status).toBe(429)
    await conn.db
      .updateTable('sign_in_throttle')
      .set({ window_start: new Date(Date.now() - 16 * 60_000) })
      .where('bucket', 'like', `%${owner.email}%`)
      .execute()
    expect((await signIn(owner.email, TEST_PASSWORD, '203.0.113.10')).status).toBe(302)
  })

  it('a success forgets the failures of that account from that address', async () => {
    const owner = await createUser(conn.db)
    const ip = '203.0.113.11'
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress.limit - 1; i++) await signIn(owner.email, `typo ${i} password`, ip)
    expect((await signIn(owner.email, TEST_PASSWORD, ip)).status).toBe(302)
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress.limit - 1; i++)
      expect((await signIn(owner.email, `typo again ${i}`, ip)).status).toBe(401)
  })

  it('answers a disabled account exactly like a wrong password, after checking the password', async () => {
    const user = await createUser(conn.db, { disabled: true })
    const disabled = await signIn(user.email, TEST_PASSWORD, '198.51.100.40')
    expect(checks.count).toBe(1)
    const wrong = await signIn(user.email, 'not the password at all', '198.51.100.41')
    expect(disabled.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await disabled.json()).toEqual(await wrong.json())
  })
})

describe('addressKey', () => {
  it('counts IPv4 as it is, IPv4-mapped and -translated IPv6 as IPv4, other IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7')
    expect(addressKey('::ffff:0:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1%eth0')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('unknown')).toBe('unknown')
  })
})
