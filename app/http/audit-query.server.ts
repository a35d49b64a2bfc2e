import type { AuditFilter } from '#app/models/ops/index.server.ts'
import { AuditQuerySchema } from '#app/schemas/admin.ts'
import { nextDay, startOfDayIn } from '#app/utils/local-day.ts'

/**
 * The audit log's filters from a URL, shared by the page and its CSV export. The dates
 * are days in the team time zone; "to" includes its whole day.
 */
export function auditFilterFrom(url: URL, timeZone: string) {
  const query = AuditQuerySchema.parse(Object.fromEntries(url.searchParams))
  const filter: AuditFilter = {
    userId: query.user,
    action: query.action || undefined,
    entityType: query.type || undefined,
    from: query.from ? startOfDayIn(query.from, timeZone) : undefined,
    to: query.to ? startOfDayIn(nextDay(query.to), timeZone) : undefined,
  }
  return { query, filter }
}
