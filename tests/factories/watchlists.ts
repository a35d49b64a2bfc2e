import type { Kysely } from 'kysely'

import type { Database } from '#db/types.ts'

import { nextSeq } from './sequence.ts'

export interface EntryOverrides {
  companyId: number
  rationale?: string
  notesMd?: string
  tags?: string[]
  addedBy?: number | null
  addedAt?: Date
}

export interface WatchlistOverrides {
  name?: string
  description?: string
  themeId?: number | null
  createdBy?: number | null
  archived?: boolean
  /** Live entries, in order. */
  entries?: EntryOverrides[]
}

/** A watchlist with live entries, inserted directly (no audit row). Default names are unique: "Watchlist 7". */
export async function createWatchlist(db: Kysely<Database>, overrides: WatchlistOverrides = {}) {
  const n = nextSeq()
  const list = await db
    .insertInto('watchlist')
    .values({
      name: overrides.name ?? `Watchlist ${n}`,
      description: overrides.description ?? '',
      theme_id: overrides.themeId ?? null,
      created_by: overrides.createdBy ?? null,
      archived_at: overrides.archived ? new Date() : null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
  for (const entry of overrides.entries ?? []) await createWatchlistEntry(db, { watchlistId: list.id, ...entry })
  return list
}

/** A live entry on a watchlist. */
export async function createWatchlistEntry(db: Kysely<Database>, entry: EntryOverrides & { watchlistId: number }) {
  return db
    .insertInto('watchlist_entry')
    .values({
      watchlist_id: entry.watchlistId,
      company_id: entry.companyId,
      rationale: entry.rationale ?? '',
      notes_md: entry.notesMd ?? '',
      tags: entry.tags ?? [],
      added_by: entry.addedBy ?? null,
      ...(entry.addedAt ? { added_at: entry.addedAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}
