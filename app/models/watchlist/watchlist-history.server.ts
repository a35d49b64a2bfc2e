import type { DB } from '#app/models/db.server.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'

// A watchlist's history is its entries: each one was added once and maybe removed once.
// The weekly meeting reads it by ISO week in the team's time zone.

export interface HistoryEvent {
  kind: 'add' | 'remove'
  at: Date
  entryId: number
  companyId: number
  nameEn: string
  nameZh: string
  byName: string | null
  /** The rationale for an add; the reason for a remove. */
  text: string
}

export interface HistoryWeek {
  week: string
  added: number
  removed: number
  events: HistoryEvent[]
}

export async function listWatchlistHistory(db: DB, watchlistId: number, timeZone: string): Promise<HistoryWeek[]> {
  const rows = await db
    .selectFrom('watchlist_entry as e')
    .innerJoin('company', 'company.id', 'e.company_id')
    .leftJoin('app_user as adder', 'adder.id', 'e.added_by')
    .leftJoin('app_user as remover', 'remover.id', 'e.removed_by')
    .select([
      'e.id',
      'e.company_id as companyId',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'e.rationale',
      'e.added_at as addedAt',
      'adder.display_name as addedByName',
      'e.removed_at as removedAt',
      'e.removed_reason as removedReason',
      'remover.display_name as removedByName',
    ])
    .where('e.watchlist_id', '=', watchlistId)
    .execute()

  const events: HistoryEvent[] = []
  for (const row of rows) {
    const company = { entryId: row.id, companyId: row.companyId, nameEn: row.nameEn, nameZh: row.nameZh }
    events.push({ kind: 'add', at: row.addedAt, byName: row.addedByName, text: row.rationale, ...company })
    if (row.removedAt)
      events.push({ kind: 'remove', at: row.removedAt, byName: row.removedByName, text: row.removedReason ?? '', ...company })
  }
  // Newest first; at the same instant a removal reads after the add it ends.
  events.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? b.entryId - a.entryId : a.kind === 'remove' ? -1 : 1))

  const weeks = new Map<string, HistoryWeek>()
  for (const event of events) {
    const week = isoWeekOf(event.at, timeZone)
    let group = weeks.get(week)
    if (!group) {
      group = { week, added: 0, removed: 0, events: [] }
      weeks.set(week, group)
    }
    group.events.push(event)
    if (event.kind === 'add') group.added += 1
    else group.removed += 1
  }
  return [...weeks.values()]
}
