import { verify } from '@node-rs/argon2'

import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'

import { assertAcceptablePassword } from './password-policy.server.ts'
import { recordSignInAttempt, releaseSignInAttempt, reserveSignInAttempt, throttleMessageKey } from './sign-in-throttle.server.ts'
import { type Actor, hashPassword, newToken, sha256Hex } from './user.server.ts'

// Changing one's own password, and the one-time reset links an administrator hands out
// (like invitations: only the token's SHA-256 is stored, and a link works once).

export const RESET_HOURS = 24

type PasswordChangeRule = 'wrongCurrent' | 'unchanged' | 'resetDisabled' | 'notFound'

const PASSWORD_CHANGE_REFUSALS: RefusalTable<PasswordChangeRule> = {
  wrongCurrent: { key: 'auth.currentPasswordWrong', status: 400, field: 'currentPassword' },
  unchanged: { key: 'auth.passwordUnchanged', status: 400, field: 'password' },
  resetDisabled: { key: 'users.resetDisabled', status: 409 },
  notFound: { key: 'error.notFound', status: 404 },
}

export class PasswordChangeError extends Refusal {
  declare readonly reason: PasswordChangeRule

  constructor(reason: PasswordChangeRule) {
    super(reason, refusalFrom(PASSWORD_CHANGE_REFUSALS, reason))
  }
}

/**
 * The signed-in person sets a new password. The current one is checked under the same
 * throttle as sign-in (a stolen session must not become a way to guess it); every other
 * session of the account ends, the one making the change stays.
 */
export async function changePassword(
  db: DB,
  actor: Actor & { ip: string },
  input: { currentPassword: string; password: string; sessionToken: string },
): Promise<{ otherSessionsEnded: number }> {
  const user = await db
    .selectFrom('app_user')
    .select(['email', 'display_name as displayName', 'password_hash'])
    .where('id', '=', actor.id)
    .executeTakeFirst()
  if (!user) throw new PasswordChangeError('notFound')
  await assertAcceptablePassword(input.password, user)
  if (input.password === input.currentPassword) throw new PasswordChangeError('unchanged')

  const attempt = await reserveSignInAttempt(db, user.email, actor.ip)
  if (!attempt.ok) {
    throw new Refusal('throttled', { messageKey: throttleMessageKey(attempt), status: 429, field: 'currentPassword' })
  }
  const ok = await verify(user.password_hash, input.currentPassword).catch(() => false)
  await recordSignInAttempt(db, user.email, actor.ip, ok)
  if (!ok) throw new PasswordChangeError('wrongCurrent')
  await releaseSignInAttempt(db, attempt.reservation)

  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', actor.id).execute()
    const ended = await tx
      .deleteFrom('user_session')
      .where('user_id', '=', actor.id)
      .where('id', '<>', sha256Hex(input.sessionToken))
      .executeTakeFirst()
    const otherSessionsEnded = Number(ended.numDeletedRows)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.id,
      newValue: { otherSessionsEnded },
      ip: actor.ip,
    })
    return { otherSessionsEnded }
  })
}

/** An administrator's one-time reset link for an account; earlier unused links for it stop working. */
export async function createPasswordReset(db: DB, actor: Actor, userId: number) {
  const token = newToken()
  return inTransaction(db, async (tx) => {
    const user = await tx
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name as displayName', 'disabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) throw new PasswordChangeError('notFound')
    if (user.disabled_at) throw new PasswordChangeError('resetDisabled')
    const now = new Date()
    await tx
      .updateTable('password_reset')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute()
    const reset = await tx
      .insertInto('password_reset')
      .values({
        token_hash: sha256Hex(token),
        user_id: userId,
        created_by: actor.id,
        expires_at: new Date(now.getTime() + RESET_HOURS * 3_600_000),
      })
      .returning(['id', 'expires_at as expiresAt'])
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_reset_link',
      entityType: 'user',
      entityId: userId,
      newValue: { resetId: reset.id, expiresAt: reset.expiresAt.toISOString() },
      ip: actor.ip,
    })
    return { token, expiresAt: reset.expiresAt, email: user.email, displayName: user.displayName }
  })
}

function usableReset(db: DB, token: string) {
  return db
    .selectFrom('password_reset')
    .innerJoin('app_user', 'app_user.id', 'password_reset.user_id')
    .select(['password_reset.id', 'password_reset.user_id as userId', 'app_user.email', 'app_user.display_name as displayName'])
    .where('password_reset.token_hash', '=', sha256Hex(token))
    .where('password_reset.used_at', 'is', null)
    .where('password_reset.revoked_at', 'is', null)
    .where('password_reset.expires_at', '>', new Date())
    .where('app_user.disabled_at', 'is', null)
}

/** A usable (unused, unrevoked, unexpired, for an enabled account) reset link, or undefined. */
export async function findUsablePasswordReset(db: DB, token: string) {
  return usableReset(db, token).executeTakeFirst()
}

/**
 * Sets the password through a reset link, once: the row lock makes a second use of the
 * link fail. Every session of the account ends (whoever knew the old password is out).
 */
export async function resetPassword(db: DB, token: string, password: string, ip?: string) {
  const found = await findUsablePasswordReset(db, token)
  if (!found) return null
  await assertAcceptablePassword(password, found)
  const passwordHash = await hashPassword(password)
  return inTransaction(db, async (tx) => {
    const reset = await usableReset(tx, token).forUpdate().executeTakeFirst()
    if (!reset) return null
    await tx.updateTable('password_reset').set({ used_at: new Date() }).where('id', '=', reset.id).execute()
    await tx.updateTable('app_user').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', reset.userId).execute()
    await tx.deleteFrom('user_session').where('user_id', '=', reset.userId).execute()
    await recordAudit(tx, {
      actorId: reset.userId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: reset.userId,
      newValue: { resetId: reset.id },
      ip,
    })
    return { id: reset.userId, email: reset.email }
  })
}
