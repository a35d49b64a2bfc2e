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

export interface AuditFilter {
  userId?: number
  /** An exact action code ('score.create'). */
  action?: string
  entityType?: string
  /** Instants: from inclusive, to exclusive (the route turns team-time dates into these). */
  from?: Date
  to?: Date
}

export interface AuditPageQuery extends AuditFilter {
  before?: number
  limit?: number
}

function auditQuery(db: DB, filter: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.user_id as actorId',
      'audit_log.entity_type as entityType',
      'audit_log.entity_id as entityId',
      'audit_log.old_value as oldValue',
      'audit_log.new_value as newValue',
      'app_user.display_name as actorName',
      'app_user.email as actorEmail',
    ])
  if (filter.userId) q = q.where('audit_log.user_id', '=', filter.userId)
  if (filter.action) q = q.where('audit_log.action', '=', filter.action)
  if (filter.entityType) q = q.where('audit_log.entity_type', '=', filter.entityType)
  if (filter.from) q = q.where('audit_log.at', '>=', filter.from)
  if (filter.to) q = q.where('audit_log.at', '<', filter.to)
  return q
}

/** Newest first, keyset-paginated by id so deep pages stay fast. */
export async function listAuditEntries(db: DB, query: AuditPageQuery = {}) {
  const limit = query.limit ?? 50
  let q = auditQuery(db, query)
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1)
  if (query.before) q = q.where('audit_log.id', '<', query.before)
  const rows = await q.execute()
  const hasMore = rows.length > limit
  return { entries: rows.slice(0, limit), nextBefore: hasMore ? rows[limit - 1].id : null }
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>['entries'][number]

/** Every matching entry for an export, newest first, up to `max`. */
export async function exportAuditEntries(db: DB, filter: AuditFilter, max = 50_000) {
  return auditQuery(db, filter).orderBy('audit_log.id', 'desc').limit(max).execute()
}

/** What the filters offer: the people, actions and object types the log holds. */
export async function auditFilterChoices(db: DB) {
  const [people, actions, entityTypes] = await Promise.all([
    db
      .selectFrom('app_user')
      .select(['id', 'display_name as name'])
      .where((eb) => eb.exists(eb.selectFrom('audit_log').select('audit_log.id').whereRef('audit_log.user_id', '=', 'app_user.id')))
      .orderBy('display_name')
      .execute(),
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
    db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
  ])
  return { people, actions: actions.map((r) => r.action), entityTypes: entityTypes.map((r) => r.entity_type) }
}
