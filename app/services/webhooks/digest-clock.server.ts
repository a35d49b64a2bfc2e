import type { DB } from '#app/models/db.server.ts'
import { queueDueDigests } from '#app/models/mentions/index.server.ts'

// The "digests due?" check, run by every instance at the feed poller's interval
// (FEED_POLL_SECONDS): one query for the digest webhooks, and a keyed insert per due
// one, so instances never queue a digest twice (alert-digest.server.ts). A digest is
// thus posted within one interval (plus the job runner's second) after 08:00.

export interface DigestClock {
  stop(): void
}

export function startDigestClock(db: DB, options: { workerId: string; intervalMs: number }): DigestClock {
  const check = () =>
    queueDueDigests(db).catch((error: unknown) =>
      console.warn(`[digests] ${options.workerId}: check failed:`, error instanceof Error ? error.message : error),
    )
  void check()
  const timer = setInterval(check, options.intervalMs)
  timer.unref?.()
  return { stop: () => clearInterval(timer) }
}
