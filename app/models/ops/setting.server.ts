import { randomBytes } from 'node:crypto'

import type { DB } from '#app/models/db.server.ts'

import { recordAudit } from './audit.server.ts'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export async function getSetting<T>(db: DB, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst()
  return row ? (row.value as T) : undefined
}

export async function getTeamTimeZone(db: DB): Promise<string> {
  return (await getSetting<string>(db, 'team.time_zone')) ?? DEFAULT_TIME_ZONE
}

export async function setTeamTimeZone(db: DB, actor: { id: number; ip?: string }, timeZone: string): Promise<void> {
  const old = await getTeamTimeZone(db)
  await db
    .insertInto('app_setting')
    .values({ key: 'team.time_zone', value: JSON.stringify(timeZone), updated_by: actor.id })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(timeZone), updated_by: actor.id, updated_at: new Date() }))
    .execute()
  await recordAudit(db, {
    actorId: actor.id,
    action: 'settings.time_zone',
    entityType: 'setting',
    entityId: 'team.time_zone',
    oldValue: old,
    newValue: timeZone,
    ip: actor.ip,
  })
}

/**
 * The secret that signs cookies. SESSION_SECRET wins; without it one is generated once
 * and kept in the database, so restarts and every app instance on the same database
 * agree on it. Insert-or-read keeps two instances starting together consistent.
 */
export async function ensureSessionSecret(db: DB, fromEnv: string | undefined): Promise<{ secret: string; generated: boolean }> {
  if (fromEnv) return { secret: fromEnv, generated: false }
  await db
    .insertInto('app_setting')
    .values({ key: 'session.secret', value: JSON.stringify(randomBytes(32).toString('base64url')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const secret = await getSetting<string>(db, 'session.secret')
  if (!secret) throw new Error('could not read the generated session secret')
  return { secret, generated: true }
}
