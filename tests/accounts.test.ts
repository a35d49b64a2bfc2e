import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { getSessionUser } from '#app/models/account/index.server.ts'
import { sha256Hex } from '#app/models/account/index.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { action as adminSettingsAction } from '#app/routes/admin.settings.tsx'
import { action as adminUsersAction } from '#app/routes/admin.users.tsx'
import { action as inviteAction, loader as inviteLoader } from '#app/routes/invite.$token.tsx'
import { action as languageAction } from '#app/routes/language.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as setupAction } from '#app/routes/setup.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond, TEST_PASSWORD } from './factories.ts'

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

  it('blocks an account after 5 failures with a clear message, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await respond(() =>
        loginAction({
          request: postForm('/login', { email: 'lead@example.com', password: `wrong ${i} password` }),
          params: {},
          context: contextFor(conn, `10.0.0.${i}`),
        }),
      )
    }
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email: 'lead@example.com', password: TEST_PASSWORD }),
        params: {},
        context: contextFor(conn, '10.0.1.1'),
      }),
    )
    expect(res.status).toBe(429)
    expect((await res.json()).errors.form).toMatch(/^auth\.rateLimitedAccount\?minutes=(1[0-5]|[1-9])$/)
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

  it('refuses a disabled account', async () => {
    const user = await createUser(conn.db, { role: 'analyst', disabled: true })
    const res = await respond(() =>
      loginAction({ request: postForm('/login', { email: user.email, password: TEST_PASSWORD }), params: {}, context: contextFor(conn) }),
    )
    expect(res.status).toBe(403)
    expect((await res.json()).errors.form).toBe('auth.disabled')
  })
})

describe('people administration', () => {
  let adminCookie: string
  let adminId: number
  beforeAll(async () => {
    const admin = await conn.db.selectFrom('app_user').select('id').where('email', '=', 'lead@example.com').executeTakeFirstOrThrow()
    adminId = admin.id
    adminCookie = await cookieFor(conn.db, admin.id)
  })

  it('invites by a one-time link valid for 7 days, which creates the account with the role', async () => {
    const res = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'invite', email: 'new.analyst@example.com', role: 'analyst' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(200)
    const { invite } = await res.json()
    const token = invite.link.split('/invite/')[1]
    const stored = await conn.db.selectFrom('invite').selectAll().where('email', '=', 'new.analyst@example.com').executeTakeFirstOrThrow()
    expect(stored.token_hash).toBe(sha256Hex(token))
    const days = (stored.expires_at.getTime() - stored.created_at.getTime()) / 86_400_000
    expect(days).toBeCloseTo(7, 1)

    const accepted = await respond(() =>
      inviteAction({
        request: postForm(`/invite/${token}`, { displayName: 'New Analyst', password: TEST_PASSWORD }),
        params: { token },
        context: contextFor(conn),
      }),
    )
    expect(accepted.status).toBe(302)
    const user = await conn.db
      .selectFrom('app_user')
      .select(['role'])
      .where('email', '=', 'new.analyst@example.com')
      .executeTakeFirstOrThrow()
    expect(user.role).toBe('analyst')

    const reused = await respond(() =>
      inviteAction({
        request: postForm(`/invite/${token}`, { displayName: 'Again', password: TEST_PASSWORD }),
        params: { token },
        context: contextFor(conn),
      }),
    )
    expect(reused.status).toBe(404)
    const page = await respond(() =>
      inviteLoader({ request: getRequest(`/invite/${token}`), params: { token }, context: contextFor(conn) }),
    )
    expect(page.status).toBe(404)
  })

  it('does not accept an expired invitation', async () => {
    const res = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'invite', email: 'late@example.com', role: 'viewer' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    const token = (await res.json()).invite.link.split('/invite/')[1]
    // Age the invitation past its 7 days (created_at too, to keep the check constraint).
    await conn.db
      .updateTable('invite')
      .set({ created_at: new Date(Date.now() - 9 * 86_400_000), expires_at: new Date(Date.now() - 2 * 86_400_000) })
      .where('email', '=', 'late@example.com')
      .execute()
    const accepted = await respond(() =>
      inviteAction({
        request: postForm(`/invite/${token}`, { displayName: 'Late', password: TEST_PASSWORD }),
        params: { token },
        context: contextFor(conn),
      }),
    )
    expect(accepted.status).toBe(404)
    expect(await conn.db.selectFrom('app_user').select('id').where('email', '=', 'late@example.com').execute()).toHaveLength(0)
  })

  it('changes roles and disables accounts, with old and new values in the audit log', async () => {
    const target = await createUser(conn.db, { role: 'viewer' })
    const targetCookie = await cookieFor(conn.db, target.id)
    await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'changeRole', userId: String(target.id), role: 'analyst' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'disable', userId: String(target.id) }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    const user = await conn.db.selectFrom('app_user').select(['role', 'disabled_at']).where('id', '=', target.id).executeTakeFirstOrThrow()
    expect(user.role).toBe('analyst')
    expect(user.disabled_at).not.toBeNull()
    // Disabling signs the person out everywhere.
    expect(await getSessionUser(conn.db, targetCookie)).toBeUndefined()
    const audit = (await auditActions()).filter((a) => a.action === 'user.change_role' || a.action === 'user.disable')
    expect(audit).toEqual([
      { action: 'user.change_role', old_value: { role: 'viewer' }, new_value: { role: 'analyst' }, user_id: adminId },
      { action: 'user.disable', old_value: { disabled: false }, new_value: { disabled: true }, user_id: adminId },
    ])
  })

  it('keeps at least one active admin and refuses bad ids with 4xx', async () => {
    const demote = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'changeRole', userId: String(adminId), role: 'viewer' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(demote.status).toBe(409)
    expect((await demote.json()).errors.form).toBe('users.lastAdmin')
    const bad = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'disable', userId: 'abc' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(bad.status).toBe(400)
    const missing = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'disable', userId: '99999' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(missing.status).toBe(404)
    const unknownIntent = await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'drop-tables' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(unknownIntent.status).toBe(400)
  })

  it('validates the team time zone and audits the change', async () => {
    const bad = await respond(() =>
      adminSettingsAction({
        request: postForm('/admin/settings', { timeZone: 'Mars/Olympus' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.timeZone).toBe('settings.invalidTimeZone')
    const ok = await respond(() =>
      adminSettingsAction({
        request: postForm('/admin/settings', { timeZone: 'Europe/London' }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(ok.status).toBe(200)
    const audit = (await auditActions()).filter((a) => a.action === 'settings.time_zone')
    expect(audit).toEqual([{ action: 'settings.time_zone', old_value: 'Asia/Shanghai', new_value: 'Europe/London', user_id: adminId }])
  })
})

describe('language', () => {
  it('guesses from Accept-Language, then remembers the choice on the account', async () => {
    const user = await createUser(conn.db, { role: 'viewer' })
    const cookie = await cookieFor(conn.db, user.id)
    const guessed = await respond(() =>
      rootLoader({
        request: getRequest('/', cookie, { 'Accept-Language': 'zh-CN,zh;q=0.9' }),
        params: {},
        context: contextFor(conn),
      } as never),
    )
    expect((await guessed.json()).locale).toBe('zh-CN')
    const res = await respond(() =>
      languageAction({
        request: postForm('/language', { locale: 'en', redirectTo: '/themes/multimodal-ai' }, cookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/themes/multimodal-ai')
    const after = await respond(() =>
      rootLoader({
        request: getRequest('/', cookie, { 'Accept-Language': 'zh-CN,zh;q=0.9' }),
        params: {},
        context: contextFor(conn),
      } as never),
    )
    expect((await after.json()).locale).toBe('en')
    const bad = await respond(() =>
      languageAction({ request: postForm('/language', { locale: 'klingon' }, cookie), params: {}, context: contextFor(conn) }),
    )
    expect(bad.status).toBe(400)
  })
})
