import type { DB } from '#app/models/db.server.ts'
import { claimDueFeeds, DEFAULT_LEASE_SECONDS } from '#app/models/ops/index.server.ts'
import type { Resolver } from '#app/utils/safe-fetch.server.ts'

import { type IngestFeedItem, pollFeed, type PollReport } from './poll-feed.server.ts'

// The background loop that polls feeds when they are due. Each instance of the app runs
// one; the leases in claimDueFeeds keep two instances off the same feed. Nothing a feed
// does (or the database, briefly) may stop the loop or the process: every error is
// logged and the loop carries on.

export interface FeedPollerOptions {
  workerId: string
  /** How often to look for due feeds. */
  intervalMs?: number
  ingest: IngestFeedItem
  /** Feeds taken per round. */
  batchSize?: number
  leaseSeconds?: number
  lookup?: Resolver
  timeoutMs?: number
  onPoll?: (feedId: number, report: PollReport) => void
}

export interface FeedPoller {
  /** Runs one round now (claims due feeds, polls them); resolves when it is done. */
  tick(): Promise<number>
  stop(): Promise<void>
}

export function startFeedPoller(db: DB, options: FeedPollerOptions): FeedPoller {
  const intervalMs = options.intervalMs ?? 60_000
  const abort = new AbortController()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> = Promise.resolve(0)

  async function round(): Promise<number> {
    let polled = 0
    try {
      const leases = await claimDueFeeds(db, { limit: options.batchSize ?? 5, leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS })
      for (const lease of leases) {
        if (stopped) break // the unpolled ones' leases lapse and another round takes them
        const report = await pollFeed(db, lease, {
          ingest: options.ingest,
          lookup: options.lookup,
          timeoutMs: options.timeoutMs,
          signal: abort.signal,
        })
        polled += 1
        options.onPoll?.(lease.id, report)
      }
    } catch (error) {
      if (!stopped) console.warn(`[feeds] ${options.workerId}: poll round failed:`, error instanceof Error ? error.message : error)
    }
    return polled
  }

  function tick(): Promise<number> {
    running = running.then(round)
    return running
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      void tick().finally(schedule)
    }, intervalMs)
    timer.unref?.()
  }

  // First round soon after start, so feeds overdue during a restart are caught up.
  void tick().finally(schedule)

  return {
    tick,
    async stop() {
      stopped = true
      clearTimeout(timer)
      abort.abort()
      await running.catch(() => undefined)
    },
  }
}
