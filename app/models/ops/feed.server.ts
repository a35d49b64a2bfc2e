import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'

import { recordAudit } from './audit.server.ts'

// RSS/Atom feeds the app polls on a schedule. Polling is leased: a poller sets
// lease_until on the rows it takes (FOR UPDATE SKIP LOCKED), so two app instances on one
// PostgreSQL never poll the same feed at once. The lease_until value it set (cut to
// milliseconds so it survives the round trip through a JS Date) is its token: the
// result is recorded only while that lease is still the feed's.

export type FeedFailure = 'notFound' | 'urlTaken'

const FEED_REFUSALS: RefusalTable<FeedFailure> = {
  notFound: { key: 'feeds.notFound', status: 404 },
  urlTaken: { key: 'feeds.urlTaken', status: 409, field: 'url' },
}

export class FeedError extends Refusal {
  declare readonly reason: FeedFailure

  constructor(reason: FeedFailure) {
    super(reason, refusalFrom(FEED_REFUSALS, reason))
    this.name = 'FeedError'
  }
}

export interface FeedInput {
  url: string
  title: string
  intervalMinutes: number
}

export interface FeedChanges {
  title?: string
  intervalMinutes?: number
  enabled?: boolean
}

/** A feed taken for polling: the poller owns it until leaseUntil. */
export interface FeedLease {
  id: number
  url: string
  title: string
  intervalMinutes: number
  leaseUntil: Date
}

export type PollOutcome = { ok: true; stored: number } | { ok: false; error: string }

export const DEFAULT_LEASE_SECONDS = 120

const feedColumns = [
  'id',
  'url',
  'title',
  'interval_minutes as intervalMinutes',
  'enabled',
  'next_poll_at as nextPollAt',
  'last_polled_at as lastPolledAt',
  'last_success_at as lastSuccessAt',
  'last_error as lastError',
  'last_error_at as lastErrorAt',
  'lease_until as leaseUntil',
  'created_at as createdAt',
] as const

export async function listFeeds(db: DB) {
  const rows = await db
    .selectFrom('feed')
    .select([
      ...feedColumns,
      (eb) =>
        eb.selectFrom('document').whereRef('document.feed_id', '=', 'feed.id').select(eb.fn.countAll<number>().as('n')).as('documents'),
    ])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ ...row, documents: Number(row.documents ?? 0) }))
}

export async function getFeed(db: DB, id: number) {
  return db.selectFrom('feed').select(feedColumns).where('id', '=', id).executeTakeFirst()
}

export async function addFeed(db: DB, actor: Actor, input: FeedInput): Promise<number> {
  try {
    return await inTransaction(db, async (tx) => {
      const row = await tx
        .insertInto('feed')
        .values({ url: input.url, title: input.title, interval_minutes: input.intervalMinutes, created_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(tx, { actorId: actor.id, action: 'feed.add', entityType: 'feed', entityId: row.id, newValue: input, ip: actor.ip })
      return row.id
    })
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new FeedError('urlTaken')
    throw error
  }
}

export async function updateFeed(db: DB, actor: Actor, id: number, changes: FeedChanges): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('feed')
      .select(['title', 'interval_minutes as intervalMinutes', 'enabled'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old) throw new FeedError('notFound')
    const next = { ...old, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }
    await tx
      .updateTable('feed')
      .set({
        title: next.title,
        interval_minutes: next.intervalMinutes,
        enabled: next.enabled,
        // A new interval counts from the last poll, so shortening it takes effect now.
        next_poll_at: sql<Date>`coalesce(last_polled_at, now()) + make_interval(mins => ${next.intervalMinutes}::int)`,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'feed.update',
      entityType: 'feed',
      entityId: id,
      oldValue: old,
      newValue: next,
      ip: actor.ip,
    })
  })
}

/** Removes the feed; documents it brought in stay (their feed_id becomes null). */
export async function removeFeed(db: DB, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('feed')
      .select(['url', 'title', 'interval_minutes as intervalMinutes', 'enabled'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old) throw new FeedError('notFound')
    await tx.deleteFrom('feed').where('id', '=', id).execute()
    await recordAudit(tx, { actorId: actor.id, action: 'feed.remove', entityType: 'feed', entityId: id, oldValue: old, ip: actor.ip })
  })
}

const leaseUntil = (seconds: number) => sql<Date>`date_trunc('milliseconds', now() + make_interval(secs => ${seconds}::int))`

function toLease(row: { id: number; url: string; title: string; interval_minutes: number; lease_until: Date | null }): FeedLease {
  return { id: row.id, url: row.url, title: row.title, intervalMinutes: row.interval_minutes, leaseUntil: row.lease_until! }
}

/** Takes up to `limit` enabled feeds that are due and not leased by another poller. */
export async function claimDueFeeds(db: DB, { limit = 5, leaseSeconds = DEFAULT_LEASE_SECONDS } = {}): Promise<FeedLease[]> {
  const result = await sql<{ id: number; url: string; title: string; interval_minutes: number; lease_until: Date }>`
    update feed set lease_until = ${leaseUntil(leaseSeconds)}
    where id in (
      select id from feed
      where enabled and next_poll_at <= now() and (lease_until is null or lease_until < now())
      order by next_poll_at, id
      for update skip locked
      limit ${limit}
    )
    returning id, url, title, interval_minutes, lease_until`.execute(db)
  return result.rows.map(toLease)
}

/**
 * Takes one feed now ("Poll now"), due or not, enabled or not. Null when another poller
 * holds it; FeedError('notFound') when it does not exist.
 */
export async function claimFeed(db: DB, id: number, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<FeedLease | null> {
  const result = await sql<{ id: number; url: string; title: string; interval_minutes: number; lease_until: Date }>`
    update feed set lease_until = ${leaseUntil(leaseSeconds)}
    where id = (
      select id from feed where id = ${id} and (lease_until is null or lease_until < now())
      for update skip locked
    )
    returning id, url, title, interval_minutes, lease_until`.execute(db)
  if (result.rows[0]) return toLease(result.rows[0])
  const exists = await db.selectFrom('feed').select('id').where('id', '=', id).executeTakeFirst()
  if (!exists) throw new FeedError('notFound')
  return null
}

/**
 * Records a poll and releases the lease; the next poll is one interval from now either
 * way. False (and nothing written) when the lease was lost to another poller.
 */
export async function recordPollResult(db: DB, lease: FeedLease, outcome: PollOutcome): Promise<boolean> {
  const common = {
    last_polled_at: sql<Date>`now()`,
    next_poll_at: sql<Date>`now() + make_interval(mins => interval_minutes)`,
    lease_until: null,
  }
  const result = await db
    .updateTable('feed')
    .set(
      outcome.ok
        ? { ...common, last_success_at: sql<Date>`now()`, last_error: null, last_error_at: null }
        : { ...common, last_error: outcome.error.slice(0, 2000), last_error_at: sql<Date>`now()` },
    )
    .where('id', '=', lease.id)
    .where('lease_until', '=', lease.leaseUntil)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Gives the feed back without recording a poll (the poller is stopping). */
export async function releaseFeedLease(db: DB, lease: FeedLease): Promise<void> {
  await db.updateTable('feed').set({ lease_until: null }).where('id', '=', lease.id).where('lease_until', '=', lease.leaseUntil).execute()
}

/** Which of these item links are already stored as documents (so a re-poll skips them). */
export async function findStoredLinks(db: DB, links: readonly string[]): Promise<Set<string>> {
  if (!links.length) return new Set()
  const rows = await db
    .selectFrom('document')
    .select('source_url')
    .where('source_url', 'in', [...new Set(links)])
    .execute()
  return new Set(rows.map((r) => r.source_url!))
}
