import { sql, type Transaction } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import { type DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'
import type { Database } from '#db/types.ts'

import { lockWatchlist, mapped, WatchlistError } from './watchlist.server.ts'

// A watchlist's entries: the live list, and adding, editing and removing one (removal
// keeps the row as history).

export async function listLiveEntries(db: DB, watchlistId: number) {
  const entries = await db
    .selectFrom('watchlist_entry as e')
    .innerJoin('company', 'company.id', 'e.company_id')
    .leftJoin('app_user', 'app_user.id', 'e.added_by')
    .select([
      'e.id',
      'e.company_id as companyId',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'company.region',
      'company.vendor_type as vendorType',
      'company.is_listed as isListed',
      'e.rationale',
      'e.notes_md as notesMd',
      'e.tags',
      'e.version',
      'e.added_at as addedAt',
      'app_user.display_name as addedByName',
    ])
    .where('e.watchlist_id', '=', watchlistId)
    .where('e.removed_at', 'is', null)
    .orderBy('e.added_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute()
  const ids = [...new Set(entries.map((e) => e.companyId))]
  const [tickers, themes] = ids.length
    ? await Promise.all([
        db
          .selectFrom('company_ticker')
          .select(['company_id as companyId', 'exchange', 'code'])
          .where('company_id', 'in', ids)
          .orderBy('is_primary', 'desc')
          .orderBy('exchange')
          .orderBy('code')
          .execute(),
        db
          .selectFrom('theme_company')
          .innerJoin('theme', 'theme.id', 'theme_company.theme_id')
          .select(['theme_company.company_id as companyId', 'theme.slug', 'theme.name_en as nameEn', 'theme.name_zh as nameZh'])
          .where('theme_company.company_id', 'in', ids)
          .where('theme_company.valid_to', 'is', null)
          .orderBy('theme.name_en')
          .execute(),
      ])
    : [[], []]
  return entries.map((e) => ({
    ...e,
    tickers: tickers.filter((t) => t.companyId === e.companyId).map(({ exchange, code }) => ({ exchange, code })),
    themes: themes.filter((t) => t.companyId === e.companyId).map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
  }))
}

export async function countRemovedEntries(db: DB, watchlistId: number): Promise<number> {
  const row = await db
    .selectFrom('watchlist_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('watchlist_id', '=', watchlistId)
    .where('removed_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface EntryInput {
  rationale: string
  notesMd: string
  tags: string[]
}

export async function addEntry(db: DB, actor: Actor, watchlistId: number, input: EntryInput & { companyId: number }): Promise<number> {
  return mapped(() =>
    inTransaction(db, async (tx) => {
      await lockWatchlist(tx, watchlistId)
      // Checked first so the usual case is a clean message; the partial unique index
      // (one live entry per company) still decides under concurrent adds.
      const live = await tx
        .selectFrom('watchlist_entry')
        .select('id')
        .where('watchlist_id', '=', watchlistId)
        .where('company_id', '=', input.companyId)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
      if (live) throw new WatchlistError('alreadyListed')
      const row = await tx
        .insertInto('watchlist_entry')
        .values({
          watchlist_id: watchlistId,
          company_id: input.companyId,
          rationale: input.rationale,
          notes_md: input.notesMd,
          tags: input.tags,
          added_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'watchlist_entry.add',
        entityType: 'watchlist_entry',
        entityId: row.id,
        newValue: { watchlistId, ...input },
        ip: actor.ip,
      })
      return row.id
    }),
  )
}

async function lockLiveEntry(tx: Transaction<Database>, watchlistId: number, entryId: number) {
  await lockWatchlist(tx, watchlistId)
  const entry = await tx
    .selectFrom('watchlist_entry')
    .select(['id', 'company_id as companyId', 'rationale', 'notes_md as notesMd', 'tags', 'version'])
    .where('id', '=', entryId)
    .where('watchlist_id', '=', watchlistId)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
  if (!entry) throw new WatchlistError('entryNotFound')
  return entry
}

/** An entry's fields as its edit form posts them (tags as typed: "a, b"). */
const entryTexts = (e: EntryInput) => ({ rationale: e.rationale, tags: e.tags.join(', '), notes: e.notesMd })

/** `baseVersion`: the entry's version when the form was opened; a stale one is refused (EditConflict). */
export async function updateEntry(
  db: DB,
  actor: Actor,
  watchlistId: number,
  entryId: number,
  input: EntryInput,
  baseVersion?: number,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await lockLiveEntry(tx, watchlistId, entryId)
    const before = { rationale: old.rationale, notesMd: old.notesMd, tags: old.tags }
    if (JSON.stringify(before) === JSON.stringify(input)) return
    if (isStale(baseVersion, old.version, entryTexts(before), entryTexts(input)))
      throw new EditConflict('watchlists.conflict', old.version, entryTexts(before), entryTexts(input))
    await tx
      .updateTable('watchlist_entry')
      .set({ rationale: input.rationale, notes_md: input.notesMd, tags: input.tags, version: old.version + 1 })
      .where('id', '=', entryId)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'watchlist_entry.update',
      entityType: 'watchlist_entry',
      entityId: entryId,
      oldValue: before,
      newValue: input,
      ip: actor.ip,
    })
  })
}

export async function removeEntry(db: DB, actor: Actor, watchlistId: number, entryId: number, reason: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await lockLiveEntry(tx, watchlistId, entryId)
    await tx
      .updateTable('watchlist_entry')
      .set({ removed_at: sql<Date>`greatest(now(), added_at)`, removed_by: actor.id, removed_reason: reason })
      .where('id', '=', entryId)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'watchlist_entry.remove',
      entityType: 'watchlist_entry',
      entityId: entryId,
      oldValue: { watchlistId, companyId: old.companyId, rationale: old.rationale, tags: old.tags },
      newValue: { removed: true, reason },
      ip: actor.ip,
    })
  })
}
