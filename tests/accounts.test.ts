import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { loader as rootLoader } from '#app/root.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as setupAction } from '#app/routes/setup.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond, TEST_PASSWORD } from './factories.ts'

// First-run setup and signing in. People administration and languages are in people.test.ts.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

async function auditActions() {
  const rows = await conn.db.selectFrom('audit_log').select(['action', 'old_value', 'new_value', 'user_id']).orderBy('id').execute()
  return rows
}

describe('first-run setup', () => {
  it('sends an empty install to the setup page', async () => {
    const res = await respond(() => rootLoader({ request: getRequest('/'), params: {}, context: contextFor(conn) } as never))
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/setup')
  })

  it('refuses bad input next to the fields and creates nothing', async () => {
    const res = await respond(() =>
      setupAction({
        request: postForm('/setup', { email: 'not-an-email', displayName: '', password: 'short' }),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors).toEqual({ email: 'validation.email', displayName: 'validation.required', password: 'validation.passwordShort' })
    expect(body.values.password).toBeUndefined()
    expect(await conn.db.selectFrom('app_user').select('id').execute()).toHaveLength(0)
  })

  it('refuses an oversized form with 413', async () => {
    const res = await respond(() =>
      setupAction({
        request: postForm('/setup', { email: 'a@b.co', displayName: 'x'.repeat(1_100_000), password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(413)
    expect(await conn.db.selectFrom('app_user').select('id').execute()).toHaveLength(0)
  })

  it('creates the first admin, signs them in, audits it, and then closes', async () => {
    const res = await respond(() =>
      setupAction({
        request: postForm('/setup', { email: 'Lead@Example.com', displayName: 'Lead', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(302)
    const cookie = res.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/tr_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const users = await conn.db.selectFrom('app_user').select(['email', 'role', 'password_hash']).execute()
    expect(users).toHaveLength(1)
    expect(users[0]).toMatchObject({ email: 'lead@example.com', role: 'admin' })
    expect(users[0].password_hash).toMatch(/^\$argon2id\$/)
    expect((await auditActions()).map((a) => a.action)).toContain('user.setup_admin')

    const again = await respond(() =>
      setupAction({
        request: postForm('/setup', { email: 'second@example.com', displayName: 'Second', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(again.status).toBe(409)
    expect(await conn.db.selectFrom('app_user').select('id').execute()).toHaveLength(1)
  })

  it('marks the cookie Secure when served over https', async () => {
    const request = new Request('https://radar.example.com/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'lead@example.com', password: TEST_PASSWORD }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    const res = await respond(() => loginAction({ request, params: {}, context: contextFor(conn, '10.9.9.9') }))
    expect(res.status).toBe(302)
    expect(res.headers.get('Set-Cookie')).toMatch(/Secure/)
  })
})

describe('sign-in', () => {
  beforeEach(async () => {
    await conn.db.deleteFrom('sign_in_attempt').execute()
    await conn.db.deleteFrom('sign_in_throttle').execute()
  })

  it('says when the email or password is wrong, without saying which', async () => {
    const wrong = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: 'nope nope nope' }),
        params: {},
        context: contextFor(conn),
      }),
    )
    const unknown = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'nobody@example.com', password: 'nope nope nope' }),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect((await wrong.json()).errors.form).toBe('auth.invalid')
    expect((await unknown.json()).errors.form).toBe('auth.invalid')
  })

  it('blocks an account from an address after 5 failures with a clear message, but not its owner elsewhere', async () => {
    for (let i = 0; i < 5; i++) {
      await respond(() =>
        loginAction({
          request: postForm('/login', { email: 'lead@example.com', password: `wrong ${i} password` }),
          params: {},
          context: contextFor(conn, '10.0.0.1'),
        }),
      )
    }
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn, '10.0.0.1'),
      }),
    )
    expect(res.status).toBe(429)
    expect((await res.json()).errors.form).toMatch(/^auth\.rateLimitedAccountAddress\?minutes=(1[0-5]|[1-9])$/)
    const owner = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn, '10.0.1.1'),
      }),
    )
    expect(owner.status).toBe(302)
  })

  it('blocks an IP after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await respond(() =>
        loginAction({
          request: postForm('/login', { email: `guess${i}@example.com`, password: 'wrong password' }),
          params: {},
          context: contextFor(conn, '10.1.1.1'),
        }),
      )
    }
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn, '10.1.1.1'),
      }),
    )
    expect(res.status).toBe(429)
    expect((await res.json()).errors.form).toMatch(/^auth\.rateLimitedIp/)
    const elsewhere = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn, '10.2.2.2'),
      }),
    )
    expect(elsewhere.status).toBe(302)
  })

  it('rotates the session at sign-in: the old token stops working', async () => {
    const user = await createUser(conn.db, { role: 'viewer' })
    const oldCookie = await cookieFor(conn.db, user.id)
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example.com' }, oldCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/')
    const sessions = await conn.db.selectFrom('user_session').select('id').where('user_id', '=', user.id).execute()
    expect(sessions).toHaveLength(1)
    expect(res.headers.get('Set-Cookie')).not.toContain(oldCookie.split('=')[1])
  })

  it('refuses a disabled account as if the password were wrong', async () => {
    const user = await createUser(conn.db, { role: 'analyst', disabled: true })
    const res = await respond(() =>
      loginAction({ request: postForm('/login', { email: user.email, password: TEST_PASSWORD }), params: {}, context: contextFor(conn) }),
    )
    expect(res.status).toBe(401)
    expect((await res.json()).errors.form).toBe('auth.invalid')
  })
})
