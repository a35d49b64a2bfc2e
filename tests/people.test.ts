import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getSessionUser, sha256Hex } from '#app/models/account/index.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { action as adminSettingsAction } from '#app/routes/admin.settings.tsx'
import { action as adminUsersAction } from '#app/routes/admin.users.tsx'
import { action as inviteAction, loader as inviteLoader } from '#app/routes/invite.$token.tsx'
import { action as languageAction } from '#app/routes/language.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond, TEST_PASSWORD } from './factories.ts'

// People administration (invitations, roles, disabling, the team time zone) and each
// person's language. First-run setup and sign-in are in accounts.test.ts.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

const auditActions = () => conn.db.selectFrom('audit_log').select(['action', 'old_value', 'new_value', 'user_id']).orderBy('id').execute()

describe('people administration', () => {
  let adminCookie: string
  let adminId: number
  beforeAll(async () => {
    // The only admin: the last one, whom nobody may demote.
    const admin = await createUser(conn.db, { role: 'admin', email: 'lead@example.com' })
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

  it('refuses a second pending invitation to the same email, and allows one after revoking', async () => {
    const inviteAs = (email: string) =>
      respond(() =>
        adminUsersAction({
          request: postForm('/admin/users', { intent: 'invite', email, role: 'viewer' }, adminCookie),
          params: {},
          context: contextFor(conn),
        }),
      )
    const first = await inviteAs('twice@example.com')
    expect((await first.json()).invite).toMatchObject({ email: 'twice@example.com', role: 'viewer' })
    const second = await inviteAs('Twice@Example.com')
    expect(second.status).toBe(409)
    expect((await second.json()).errors).toEqual({ email: 'users.invitePending' })
    const pending = await conn.db.selectFrom('invite').select('id').where('email', '=', 'twice@example.com').execute()
    expect(pending).toHaveLength(1)
    await respond(() =>
      adminUsersAction({
        request: postForm('/admin/users', { intent: 'revokeInvite', inviteId: String(pending[0].id) }, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect((await inviteAs('twice@example.com')).status).toBe(200)
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
