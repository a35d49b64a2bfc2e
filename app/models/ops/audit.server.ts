import type { DB } from '#app/models/db.server.ts'

export interface AuditEntry {
  actorId: number | null
  action: string
  entityType: string
  entityId?: string | number | null
  oldValue?: unknown
  newValue?: unknown
  ip?: string | null
}

/** Appends one row to the audit log; call it inside the mutation's transaction. */
export async function recordAudit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      old_value: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
      new_value: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
      ip: entry.ip ?? null,
    })
    .execute()
}

export interface AuditPageQuery {
  before?: number
  action?: string
  limit?: number
}

/** Newest first, keyset-paginated by id so deep pages stay fast. */
export async function listAuditEntries(db: DB, query: AuditPageQuery = {}) {
  const limit = query.limit ?? 50
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity_type as entityType',
      'audit_log.entity_id as entityId',
      'audit_log.old_value as oldValue',
      'audit_log.new_value as newValue',
      'app_user.display_name as actorName',
      'app_user.email as actorEmail',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1)
  if (query.before) q = q.where('audit_log.id', '<', query.before)
  if (query.action) q = q.where('audit_log.action', 'ilike', `%${query.action.replace(/[%_\\]/g, '\\$&')}%`)
  const rows = await q.execute()
  const hasMore = rows.length > limit
  return { entries: rows.slice(0, limit), nextBefore: hasMore ? rows[limit - 1].id : null }
}
