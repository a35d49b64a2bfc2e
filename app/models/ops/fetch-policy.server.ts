import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { recordAudit } from './audit.server.ts'
import { getSetting } from './setting.server.ts'

// The admin's list of host names that may be fetched even though they resolve to private
// addresses (a team's intranet research portal). Exact names only, no wildcards: a
// wildcard would let anyone who controls a subdomain's DNS point it at the server itself.

export const ALLOWED_HOSTS_KEY = 'fetch.allowed_hosts'
export const MAX_ALLOWED_HOSTS = 50

export async function getAllowedHosts(db: DB): Promise<string[]> {
  const value = await getSetting<unknown>(db, ALLOWED_HOSTS_KEY)
  return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : []
}

/** Replaces the list, audited with the old and new lists, in one transaction. */
export async function setAllowedHosts(db: DB, actor: Actor, hosts: readonly string[]): Promise<string[]> {
  const next = [...new Set(hosts.map((h) => h.trim().toLowerCase()).filter(Boolean))].sort()
  const run = async (tx: DB) => {
    const old = await getAllowedHosts(tx)
    await tx
      .insertInto('app_setting')
      .values({ key: ALLOWED_HOSTS_KEY, value: JSON.stringify(next), updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next), updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.fetch_allowed_hosts',
      entityType: 'setting',
      entityId: ALLOWED_HOSTS_KEY,
      oldValue: old,
      newValue: next,
      ip: actor.ip,
    })
    return next
  }
  return inTransaction(db, run)
}
