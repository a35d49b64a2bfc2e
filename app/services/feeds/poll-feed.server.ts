import { type FeedItem, FeedParseError, parseFeed } from '#app/ingest/parse-feed.ts'
import type { DB } from '#app/models/db.server.ts'
import { type FeedLease, findStoredLinks, getAllowedHosts, recordPollResult, releaseFeedLease } from '#app/models/ops/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { bodyText, describeFetchError, type Resolver, safeFetch, SafeFetchError, vetHost } from '#app/utils/safe-fetch.server.ts'

// One poll of one leased feed: fetch safely, parse, store the new items, record the
// result. Fetching and parsing finish before anything is written, and the items are
// stored in one transaction with the result, so a feed that answers with HTML, a 500 or
// nothing at all leaves only its error message behind.

export const FEED_CONTENT_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
  'application/x-atom+xml',
] as const

export const FEED_MAX_BYTES = 5_000_000
export const FEED_TIMEOUT_MS = 20_000

export interface FeedRef {
  id: number
  url: string
  title: string
}

/**
 * Stores one item; returns whether a new document was made (false for a duplicate).
 * Throwing FeedItemSkipped skips just that item (e.g. it has no text); anything else
 * fails the whole poll and rolls back what this poll stored.
 */
export type IngestFeedItem = (db: DB, item: FeedItem, feed: FeedRef) => Promise<{ created: boolean }>

export class FeedItemSkipped extends Error {
  constructor(readonly reasonKey: string) {
    super(reasonKey)
    this.name = 'FeedItemSkipped'
  }
}

export interface PollDeps {
  ingest: IngestFeedItem
  /** DNS resolver for safeFetch; tests inject one. */
  lookup?: Resolver
  timeoutMs?: number
  maxBytes?: number
  signal?: AbortSignal
}

export interface PollReport {
  ok: boolean
  /** Message key with parameters (see describeFetchError) when ok is false. */
  error: string | null
  items: number
  stored: number
  skipped: number
  /** False when another poller took the feed meanwhile (nothing of this poll was kept). */
  leaseHeld: boolean
}

class LeaseLost extends Error {}

export async function pollFeed(db: DB, lease: FeedLease, deps: PollDeps): Promise<PollReport> {
  let items: FeedItem[]
  try {
    const allowHosts = await getAllowedHosts(db)
    const response = await safeFetch(lease.url, {
      accept: FEED_CONTENT_TYPES,
      allowHosts,
      lookup: deps.lookup,
      timeoutMs: deps.timeoutMs ?? FEED_TIMEOUT_MS,
      maxBytes: deps.maxBytes ?? FEED_MAX_BYTES,
      signal: deps.signal,
    })
    items = parseFeed(bodyText(response), response.finalUrl).items
  } catch (error) {
    // The app is shutting down: hand the feed back untouched for the next instance.
    if (deps.signal?.aborted) {
      await releaseFeedLease(db, lease)
      return { ok: false, error: 'feeds.poll.stopped', items: 0, stored: 0, skipped: 0, leaseHeld: false }
    }
    return fail(db, lease, pollErrorKey(error))
  }

  const feed: FeedRef = { id: lease.id, url: lease.url, title: lease.title }
  const known = await findStoredLinks(
    db,
    items.flatMap((i) => (i.link ? [i.link] : [])),
  )
  const fresh = dedupeItems(items).filter((i) => !i.link || !known.has(i.link))
  let stored = 0
  let skipped = 0
  try {
    await inTransaction(db, async (tx) => {
      for (const item of fresh) {
        try {
          if ((await deps.ingest(tx, item, feed)).created) stored += 1
        } catch (error) {
          if (!(error instanceof FeedItemSkipped)) throw error
          skipped += 1
        }
      }
      if (!(await recordPollResult(tx, lease, { ok: true, stored }))) throw new LeaseLost()
    })
  } catch (error) {
    if (error instanceof LeaseLost)
      return { ok: false, error: 'feeds.poll.leaseLost', items: items.length, stored: 0, skipped: 0, leaseHeld: false }
    const detail = error instanceof Error ? error.message.slice(0, 300) : String(error)
    return fail(db, lease, `feeds.poll.ingestFailed?${new URLSearchParams({ detail })}`, items.length)
  }
  return { ok: true, error: null, items: items.length, stored, skipped, leaseHeld: true }
}

async function fail(db: DB, lease: FeedLease, error: string, items = 0): Promise<PollReport> {
  const leaseHeld = await recordPollResult(db, lease, { ok: false, error })
  return { ok: false, error, items, stored: 0, skipped: 0, leaseHeld }
}

/** A feed that lists the same item twice yields it once. */
function dedupeItems(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = item.link ?? item.guid
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Why a fetch or parse failed, as a message key with parameters. */
export function pollErrorKey(error: unknown): string {
  if (error instanceof SafeFetchError) return describeFetchError(error)
  if (error instanceof FeedParseError) return `feeds.parse.${error.reason}`
  const detail = error instanceof Error ? error.message.slice(0, 300) : String(error)
  return `feeds.poll.unexpected?${new URLSearchParams({ detail })}`
}

/**
 * Checks a feed URL before it is saved, without fetching it: the scheme and every
 * address the host resolves to. Null when fine, else the refusal as a message key.
 */
export async function checkFeedUrl(db: DB, url: string, options: { lookup?: Resolver } = {}): Promise<string | null> {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SafeFetchError('scheme', { url })
    await vetHost(parsed, { allowHosts: await getAllowedHosts(db), lookup: options.lookup })
    return null
  } catch (error) {
    if (error instanceof SafeFetchError) return describeFetchError(error)
    if (error instanceof TypeError) return 'feeds.fetch.badUrl'
    throw error
  }
}
