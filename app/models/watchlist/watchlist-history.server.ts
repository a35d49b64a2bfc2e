import type { DB } from '#app/models/db.server.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'

// A watchlist's history is its entries (each added once and maybe removed once) and the
// edits to their rationale, notes and tags, which the append-only audit log keeps with the
// values before and after. The weekly meeting reads it by ISO week in the team's time zone.

export interface EntryChange {
  field: 'rationale' | 'notes' | 'tags'
  before: string
  after: string
}

export interface HistoryEvent {
  kind: 'add' | 'remove' | 'edit'
  at: Date
  entryId: number
  companyId: number
  nameEn: string
  nameZh: string
  byName: string | null
  /** The rationale for an add; the reason for a remove. */
  text: string
  /** An edit's changed fields. */
  changes?: EntryChange[]
}

export interface HistoryWeek {
  week: string
  added: number
  removed: number
  edited: number
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
  const edits = await listEntryEdits(db, rows)
  // An add shows the rationale as it was written then, not as later edits left it.
  const original = new Map<number, string>()
  for (const edit of edits) {
    events.push(edit)
    const rationale = edit.changes?.find((c) => c.field === 'rationale')
    if (rationale && !original.has(edit.entryId)) original.set(edit.entryId, rationale.before)
  }
  for (const event of events) if (event.kind === 'add' && original.has(event.entryId)) event.text = original.get(event.entryId)!
  // Newest first; at the same instant a removal reads after the add it ends.
  const order = { remove: 0, edit: 1, add: 2 }
  events.sort((a, b) => b.at.getTime() - a.at.getTime() || order[a.kind] - order[b.kind] || b.entryId - a.entryId)

  const weeks = new Map<string, HistoryWeek>()
  for (const event of events) {
    const week = isoWeekOf(event.at, timeZone)
    let group = weeks.get(week)
    if (!group) {
      group = { week, added: 0, removed: 0, edited: 0, events: [] }
      weeks.set(week, group)
    }
    group.events.push(event)
    if (event.kind === 'add') group.added += 1
    else if (event.kind === 'remove') group.removed += 1
    else group.edited += 1
  }
  return [...weeks.values()]
}

interface EntryFields {
  rationale?: string
  notesMd?: string
  tags?: string[]
}

/** The watchlist_entry.update rows of the audit log for these entries, as edit events. */
async function listEntryEdits(db: DB, entries: { id: number; companyId: number; nameEn: string; nameZh: string }[]) {
  if (entries.length === 0) return []
  const byId = new Map(entries.map((e) => [String(e.id), e]))
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.entity_id as entityId',
      'audit_log.at',
      'audit_log.old_value as oldValue',
      'audit_log.new_value as newValue',
      'app_user.display_name as byName',
    ])
    .where('audit_log.action', '=', 'watchlist_entry.update')
    .where('audit_log.entity_type', '=', 'watchlist_entry')
    .where('audit_log.entity_id', 'in', [...byId.keys()])
    .orderBy('audit_log.id')
    .execute()
  return rows.flatMap((row): HistoryEvent[] => {
    const entry = byId.get(row.entityId ?? '')
    if (!entry) return []
    const changes = entryChanges((row.oldValue ?? {}) as EntryFields, (row.newValue ?? {}) as EntryFields)
    if (changes.length === 0) return []
    const company = { entryId: entry.id, companyId: entry.companyId, nameEn: entry.nameEn, nameZh: entry.nameZh }
    return [{ kind: 'edit', at: row.at, byName: row.byName, text: '', changes, ...company }]
  })
}

function entryChanges(before: EntryFields, after: EntryFields): EntryChange[] {
  const pairs: [EntryChange['field'], string, string][] = [
    ['rationale', before.rationale ?? '', after.rationale ?? ''],
    ['notes', before.notesMd ?? '', after.notesMd ?? ''],
    ['tags', (before.tags ?? []).join(', '), (after.tags ?? []).join(', ')],
  ]
  return pairs.filter(([, b, a]) => b !== a).map(([field, b, a]) => ({ field, before: b, after: a }))
}
