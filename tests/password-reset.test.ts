import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getSessionUser, sha256Hex } from '#app/models/account/index.server.ts'
import { action as resetAction, loader as resetLoader } from '#app/routes/reset.$token.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createResetLink, sessionTokenOf } from './password-helpers.ts'

// One-time password reset links that an administrator makes on the people page.

let conn: Connection
let adminCookie: string
let adminId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  const admin = await createUser(conn.db, { role: 'admin' })
  adminId = admin.id
  adminCookie = await cookieFor(conn.db, admin.id)
})
afterAll(async () => {
  await conn.close()
})

const NEW_PASSWORD = 'quiet river under paper lanterns'

function openLink(token: string) {
  return respond(() => resetLoader({ request: getRequest(`/reset/${token}`), params: { token }, context: contextFor(conn) }))
}

function useLink(token: string, password = NEW_PASSWORD, confirmPassword = password) {
  return respond(() =>
    resetAction({
      request: postForm(`/reset/${token}`, { password, confirmPassword }),
      params: { token },
      context: contextFor(conn, '10.4.4.4'),
    }),
  )
}

describe('password reset links', () => {
  it('are made by an administrator, audited, stored hashed, and last 24 hours', async () => {
    const user = await createUser(conn.db, { role: 'analyst' })
    const { res, link, token } = await createResetLink(conn, adminCookie, user.id)
    expect(res.status).toBe(200)
    expect(link).toMatch(/^http:\/\/localhost\/reset\/[\w-]{40,}$/)
    const stored = await conn.db.selectFrom('password_reset').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(stored.token_hash).toBe(sha256Hex(token))
    expect((stored.expires_at.getTime() - stored.created_at.getTime()) / 3_600_000).toBeCloseTo(24, 1)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['user_id', 'entity_id'])
      .where('action', '=', 'user.password_reset_link')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ user_id: adminId, entity_id: String(user.id) })
  })

  it('use PUBLIC_URL for the link when it is set', async () => {
    const user = await createUser(conn.db)
    const { link } = await createResetLink(conn, adminCookie, user.id, { ...contextFor(conn), publicUrl: 'https://radar.example.com' })
    expect(link).toMatch(/^https:\/\/radar\.example\.com\/reset\//)
  })

  it('cannot be made by an analyst', async () => {
    const analyst = await createUser(conn.db, { role: 'analyst' })
    const victim = await createUser(conn.db, { role: 'admin' })
    const { res } = await createResetLink(conn, await cookieFor(conn.db, analyst.id), victim.id)
    expect(res.status).toBe(403)
    expect(await conn.db.selectFrom('password_reset').select('id').where('user_id', '=', victim.id).execute()).toHaveLength(0)
  })

  it('set a good password once, sign the person in and everyone else out', async () => {
    const user = await createUser(conn.db, { role: 'viewer' })
    const oldSession = await cookieFor(conn.db, user.id)
    const { token } = await createResetLink(conn, adminCookie, user.id)
    expect((await openLink(token)).status).toBe(200)

    const weak = await useLink(token, 'password1234')
    expect(weak.status).toBe(400)
    expect((await weak.json()).errors).toEqual({ password: 'auth.passwordCommon' })
    expect((await useLink(token, NEW_PASSWORD, 'something else entirely')).status).toBe(400)

    const done = await useLink(token)
    expect(done.status).toBe(302)
    expect(done.headers.get('Set-Cookie')).toMatch(/tr_session=/)
    expect(await getSessionUser(conn.db, await sessionTokenOf(oldSession))).toBeUndefined()
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['user_id'])
      .where('action', '=', 'user.password_reset')
      .executeTakeFirstOrThrow()
    expect(audit.user_id).toBe(user.id)

    // Single use: the page and the form both say the link is no longer valid.
    expect((await openLink(token)).status).toBe(404)
    const again = await useLink(token, 'another fine passphrase here')
    expect(again.status).toBe(404)
    expect((await again.json()).errors.form).toBe('auth.resetInvalid')
  })

  it('is used once even by two simultaneous posts', async () => {
    const user = await createUser(conn.db)
    const { token } = await createResetLink(conn, adminCookie, user.id)
    const results = await Promise.all([
      useLink(token),
      useLink(token, 'a second quiet passphrase'),
      useLink(token, 'a third quiet passphrase'),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([302, 404, 404])
    expect(
      await conn.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'user.password_reset')
        .where('user_id', '=', user.id)
        .execute(),
    ).toHaveLength(1)
  })

  it('stop working when expired, replaced by a newer link, or the account is disabled', async () => {
    const user = await createUser(conn.db)
    const first = await createResetLink(conn, adminCookie, user.id)
    const second = await createResetLink(conn, adminCookie, user.id)
    expect((await openLink(first.token)).status).toBe(404)
    expect((await openLink(second.token)).status).toBe(200)

    await conn.db
      .updateTable('password_reset')
      .set({ created_at: new Date(Date.now() - 26 * 3_600_000), expires_at: new Date(Date.now() - 3_600_000) })
      .where('token_hash', '=', sha256Hex(second.token))
      .execute()
    expect((await openLink(second.token)).status).toBe(404)

    const third = await createResetLink(conn, adminCookie, user.id)
    await conn.db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', user.id).execute()
    expect((await useLink(third.token)).status).toBe(404)
    const refused = await createResetLink(conn, adminCookie, user.id)
    expect(refused.res.status).toBe(409)
    expect((await refused.res.json()).errors.form).toBe('users.resetDisabled')
  })
})
