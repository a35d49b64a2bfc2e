import type { DB } from '#app/models/db.server.ts'

import { newToken, sha256Hex } from './user.server.ts'

export const SESSION_DAYS = 30

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
