import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getSessionUser } from '#app/models/account/index.server.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, postForm, respond, TEST_PASSWORD } from './factories.ts'
import { changePasswordAs, sessionTokenOf } from './password-helpers.ts'

// Changing one's own password on /account/password.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

describe('changing one’s own password', () => {
  it('needs the current password, a good new one typed twice, and then signs out the other sessions only', async () => {
    const user = await createUser(conn.db, { role: 'viewer' })
    const here = await cookieFor(conn.db, user.id)
    const elsewhere = await cookieFor(conn.db, user.id)
    const change = (fields: Record<string, string>) => changePasswordAs(conn, here, fields)

    const wrong = await change({
      currentPassword: 'not my password',
      password: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors).toEqual({ currentPassword: 'auth.currentPasswordWrong' })

    const weak = await change({ currentPassword: TEST_PASSWORD, password: 'aaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaa' })
    expect((await weak.json()).errors).toEqual({ password: 'auth.passwordRepetitive' })

    const mismatch = await change({
      currentPassword: TEST_PASSWORD,
      password: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase!',
    })
    expect((await mismatch.json()).errors).toEqual({ confirmPassword: 'auth.passwordMismatch' })

    const same = await change({ currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD })
    expect((await same.json()).errors).toEqual({ password: 'auth.passwordUnchanged' })

    const done = await change({
      currentPassword: TEST_PASSWORD,
      password: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    })
    expect(done.status).toBe(200)
    expect(await done.json()).toEqual({ ok: true })

    expect(await getSessionUser(conn.db, await sessionTokenOf(here))).toBeDefined()
    expect(await getSessionUser(conn.db, await sessionTokenOf(elsewhere))).toBeUndefined()
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'new_value'])
      .where('action', '=', 'user.password_change')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ action: 'user.password_change', user_id: user.id, new_value: { otherSessionsEnded: 1 } })
    const hashes = JSON.stringify(await conn.db.selectFrom('audit_log').select(['old_value', 'new_value']).execute())
    expect(hashes).not.toContain('argon2')

    const signIn = (password: string) =>
      respond(() =>
        loginAction({ request: postForm('/login', { email: user.email, password }), params: {}, context: contextFor(conn, '10.3.3.3') }),
      )
    expect((await signIn(TEST_PASSWORD)).status).toBe(401)
    expect((await signIn('a brand new passphrase')).status).toBe(302)
  })

  it('throttles guesses at the current password like sign-in', async () => {
    const user = await createUser(conn.db)
    const cookie = await cookieFor(conn.db, user.id)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await changePasswordAs(conn, cookie, {
        currentPassword: `guess ${i} here`,
        password: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429])
  })

  it('is the signed-in person’s own: signed out is sent to sign in', async () => {
    const res = await respond(() => changePasswordAs(conn, '', { currentPassword: 'x', password: 'y', confirmPassword: 'y' }))
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toMatch(/^\/login/)
  })
})
