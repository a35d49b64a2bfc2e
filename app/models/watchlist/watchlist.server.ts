import { sql, type Transaction } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'
import { parseTicker } from '#app/utils/ticker.ts'
import type { Database } from '#db/types.ts'

// Team watchlists and their entries. Removing an entry never deletes it: it gets
// removed_at/by/reason and stays as history; re-adding a company makes a new entry.

export type WatchlistFailure =
  'notFound' | 'nameTaken' | 'themeNotFound' | 'companyNotFound' | 'alreadyListed' | 'archived' | 'entryNotFound' | 'companyExists'

const WATCHLIST_REFUSALS: RefusalTable<WatchlistFailure> = {
  notFound: { field: 'form', key: 'error.notFound', status: 404 },
  nameTaken: { field: 'name', key: 'watchlists.nameTaken', status: 409 },
  themeNotFound: { field: 'themeId', key: 'watchlists.themeNotFound', status: 400 },
  companyNotFound: { field: 'company', key: 'watchlists.companyUnknown', status: 400 },
  alreadyListed: { field: 'company', key: 'watchlists.alreadyListed', status: 409 },
  archived: { field: 'form', key: 'watchlists.archivedReadOnly', status: 409 },
  entryNotFound: { field: 'form', key: 'watchlists.entryNotFound', status: 404 },
  companyExists: { field: 'form', key: 'watchlists.import.companyExists', status: 409 },
}

export class WatchlistError extends Refusal {
  declare readonly reason: WatchlistFailure

  constructor(reason: WatchlistFailure) {
    super(reason, refusalFrom(WATCHLIST_REFUSALS, reason))
  }
}

/** Database errors a person can fix, as WatchlistErrors; anything else is rethrown as is. */
export function mapWatchlistError(error: unknown): unknown {
  const state = sqlState(error)
  const constraint = constraintName(error) ?? ''
  if (state === UNIQUE_VIOLATION && constraint === 'watchlist_name_key') return new WatchlistError('nameTaken')
  if (state === UNIQUE_VIOLATION && constraint === 'watchlist_entry_live_key') return new WatchlistError('alreadyListed')
  if (state === UNIQUE_VIOLATION && constraint.startsWith('company_')) return new WatchlistError('companyExists')
  if (state === FOREIGN_KEY_VIOLATION && constraint.includes('theme')) return new WatchlistError('themeNotFound')
  if (state === FOREIGN_KEY_VIOLATION && constraint.includes('company')) return new WatchlistError('companyNotFound')
  return error
}

export async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw mapWatchlistError(error)
  }
}

export async function listWatchlists(db: DB) {
  const rows = await db
    .selectFrom('watchlist')
    .leftJoin('theme', 'theme.id', 'watchlist.theme_id')
    .select((eb) => [
      'watchlist.id',
      'watchlist.name',
      'watchlist.description',
      'watchlist.created_at as createdAt',
      'watchlist.archived_at as archivedAt',
      'theme.slug as themeSlug',
      'theme.name_en as themeNameEn',
      'theme.name_zh as themeNameZh',
      eb
        .selectFrom('watchlist_entry')
        .whereRef('watchlist_entry.watchlist_id', '=', 'watchlist.id')
        .where('watchlist_entry.removed_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('liveCount'),
      sql<Date | null>`(select greatest(max(e.added_at), max(e.removed_at)) from watchlist_entry e where e.watchlist_id = watchlist.id)`.as(
        'lastChangeAt',
      ),
    ])
    .orderBy(sql`lower(watchlist.name)`)
    .execute()
  return rows.map((row) => ({ ...row, liveCount: Number(row.liveCount ?? 0) }))
}

export async function getWatchlist(db: DB, id: number) {
  return db
    .selectFrom('watchlist')
    .leftJoin('theme', 'theme.id', 'watchlist.theme_id')
    .leftJoin('app_user', 'app_user.id', 'watchlist.created_by')
    .select([
      'watchlist.id',
      'watchlist.name',
      'watchlist.description',
      'watchlist.theme_id as themeId',
      'watchlist.created_at as createdAt',
      'watchlist.archived_at as archivedAt',
      'theme.slug as themeSlug',
      'theme.name_en as themeNameEn',
      'theme.name_zh as themeNameZh',
      'app_user.display_name as createdByName',
    ])
    .where('watchlist.id', '=', id)
    .executeTakeFirst()
}

/** The live entries of a watchlist with what the table shows and filters on. */
export interface WatchlistInput {
  name: string
  description: string
  themeId: number | null
}

export async function createWatchlist(db: DB, actor: Actor, input: WatchlistInput): Promise<number> {
  return mapped(() =>
    inTransaction(db, async (tx) => {
      const row = await tx
        .insertInto('watchlist')
        .values({ name: input.name, description: input.description, theme_id: input.themeId, created_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'watchlist.create',
        entityType: 'watchlist',
        entityId: row.id,
        newValue: input,
        ip: actor.ip,
      })
      return row.id
    }),
  )
}

export async function lockWatchlist(tx: Transaction<Database>, id: number, options: { allowArchived?: boolean } = {}) {
  const row = await tx
    .selectFrom('watchlist')
    .select(['id', 'name', 'description', 'theme_id as themeId', 'archived_at as archivedAt'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new WatchlistError('notFound')
  // An archived list is a record of what the team followed: unarchive it to change it.
  if (row.archivedAt && !options.allowArchived) throw new WatchlistError('archived')
  return row
}

export async function updateWatchlist(db: DB, actor: Actor, id: number, input: WatchlistInput): Promise<void> {
  await mapped(() =>
    inTransaction(db, async (tx) => {
      const old = await lockWatchlist(tx, id)
      const before = { name: old.name, description: old.description, themeId: old.themeId }
      if (JSON.stringify(before) === JSON.stringify(input)) return
      await tx
        .updateTable('watchlist')
        .set({ name: input.name, description: input.description, theme_id: input.themeId })
        .where('id', '=', id)
        .execute()
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'watchlist.update',
        entityType: 'watchlist',
        entityId: id,
        oldValue: before,
        newValue: input,
        ip: actor.ip,
      })
    }),
  )
}

export async function setWatchlistArchived(db: DB, actor: Actor, id: number, archived: boolean): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await lockWatchlist(tx, id, { allowArchived: true })
    if (Boolean(old.archivedAt) === archived) return
    await tx
      .updateTable('watchlist')
      .set({ archived_at: archived ? sql<Date>`now()` : null })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: archived ? 'watchlist.archive' : 'watchlist.unarchive',
      entityType: 'watchlist',
      entityId: id,
      oldValue: { archived: Boolean(old.archivedAt) },
      newValue: { archived },
      ip: actor.ip,
    })
  })
}

export type UnresolvedReason = 'unknown' | 'unknownTicker' | 'invalidTicker' | 'formula'

// Text that a spreadsheet program would run as a formula; it can never name a company.
export const FORMULA_TEXT = /^[=+\-@\t\r]/

/**
 * Why typed text matched no company: a formula, a ticker we do not hold, something
 * shaped like a ticker that is not one (1234567.SZ, 700.HX), or simply an unknown name.
 * Only unknown names may become new companies: "0700.HX" is a typo, not a company.
 */
export function describeUnresolved(text: string): UnresolvedReason {
  const t = text.normalize('NFKC').trim().toUpperCase()
  if (FORMULA_TEXT.test(text.trim())) return 'formula'
  // Bare letters ("Pika", "Acme") are names first: parseTicker would read them as US symbols.
  const markedAsTicker =
    /^\d+$/.test(t) ||
    /^\d+\.[A-Z]{1,5}$/.test(t) ||
    /^[A-Z0-9.-]+\.(SH|SS|XSHG|SZ|XSHE|BJ|HK|US|O|N)$/.test(t) ||
    /^(SH|SS|SZ|BJ|HK)\d+$/.test(t) ||
    /^[A-Z]+ ?: ?\S+$/.test(t) ||
    /^\S+ (SH|SS|SZ|BJ|HK|US)$/.test(t)
  if (!markedAsTicker) return 'unknown'
  return parseTicker(t) ? 'unknownTicker' : 'invalidTicker'
}
