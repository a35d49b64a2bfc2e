import type { DB } from '#app/models/db.server.ts'

import { newToken, sha256Hex } from './user.server.ts'

export const SESSION_DAYS = 30
export const SIGN_IN_WINDOW_MINUTES = 15
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 20

/** A new session; the cookie carries the raw token, the table only its SHA-256. */
export async function createSession(db: DB, userId: number, meta: { ip?: string; userAgent?: string | null }) {
  const token = newToken()
  await db
    .insertInto('user_session')
    .values({
      id: sha256Hex(token),
      user_id: userId,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return token
}

/** The signed-in user for a session token, or undefined if expired, unknown or disabled. */
export async function getSessionUser(db: DB, token: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select(['app_user.id', 'app_user.email', 'app_user.display_name as displayName', 'app_user.role', 'app_user.locale'])
    .where('user_session.id', '=', sha256Hex(token))
    .where('user_session.expires_at', '>', new Date())
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst()
}

export async function deleteSession(db: DB, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sha256Hex(token)).execute()
}

export async function recordSignInAttempt(db: DB, account: string, ip: string, succeeded: boolean): Promise<void> {
  await db
    .insertInto('sign_in_attempt')
    .values({ account: account.toLowerCase().slice(0, 254), ip, succeeded })
    .execute()
}

/**
 * Sign-in throttling, kept in the database so every app instance sees the same counts:
 * 5 failures for one account or 20 from one IP within 15 minutes block further tries
 * until the oldest of those failures leaves the window.
 */
export async function signInBlockedUntil(db: DB, account: string, ip: string): Promise<{ scope: 'account' | 'ip'; until: Date } | null> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000)
  const check = async (scope: 'account' | 'ip', value: string, max: number) => {
    const rows = await db
      .selectFrom('sign_in_attempt')
      .select('at')
      .where(scope === 'account' ? 'account' : 'ip', '=', value)
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(max)
      .execute()
    if (rows.length < max) return null
    return { scope, until: new Date(rows[max - 1].at.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000) }
  }
  return (await check('account', account.toLowerCase(), MAX_FAILURES_PER_ACCOUNT)) ?? (await check('ip', ip, MAX_FAILURES_PER_IP))
}
