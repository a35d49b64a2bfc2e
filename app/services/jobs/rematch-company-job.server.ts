import type { DB } from '#app/models/db.server.ts'
import { countDocumentsAfter } from '#app/models/document/index.server.ts'
import { getMentionMatcher, queueCompanyRematch, rematchCompanyBatch, type RematchPayload } from '#app/models/mentions/index.server.ts'
import { REMATCH_COMPANY_JOB_KIND } from '#app/schemas/job-kinds.ts'

import type { JobHandler } from './runner.server.ts'

// "Bring one company's history up to date": after its aliases, negative context words or
// review rules change, stored mentions of that company are re-matched in the background,
// as a job with progress (the job page shows it; the /mentions dashboard says counts are
// being updated while one is queued or running).

export { REMATCH_COMPANY_JOB_KIND }

/**
 * Call after any change that alters how one company is matched, in one line:
 *
 *   await requestCompanyRematch(db, { companyId, userId: actor.id, reason: 'alias added' })
 *
 * Queues a 'rematch-company' job, or joins one already queued for the same company (so a
 * burst of edits is one run). Returns the job id (link to /jobs/<id>). Safe inside the
 * caller's transaction: the job only runs after it commits.
 */
export async function requestCompanyRematch(
  db: DB,
  input: { companyId: number; userId?: number | null; reason: string; ip?: string | null },
): Promise<number> {
  const { jobId } = await queueCompanyRematch(db, input)
  return jobId
}

interface RematchCursor {
  afterId: number
  done: number
  changed: number
  added: number
  removed: number
}

/**
 * Goes through every document in id order, a batch of bodies at a time (memory stays
 * bounded), and redoes the ones whose mentions of the company changed. onBatch runs after
 * each batch with the cursor to save, so a restart continues there. Also what the
 * benchmark and tests call directly.
 */
export async function rematchCompany(
  db: DB,
  companyId: number,
  {
    batchSize = 500,
    from,
    onBatch,
    signal,
  }: { batchSize?: number; from?: Partial<RematchCursor>; onBatch?: (cursor: RematchCursor) => Promise<void>; signal?: AbortSignal } = {},
): Promise<RematchCursor> {
  const cursor: RematchCursor = { afterId: 0, done: 0, changed: 0, added: 0, removed: 0, ...from }
  // Once per run: an alias edited meanwhile queues a run of its own (a running job is never joined).
  const { matcher } = await getMentionMatcher(db)
  for (;;) {
    if (signal?.aborted) throw signal.reason
    const batch = await rematchCompanyBatch(db, matcher, { companyId, afterId: cursor.afterId, limit: batchSize })
    cursor.afterId = batch.lastId ?? cursor.afterId
    cursor.done += batch.scanned
    cursor.changed += batch.changed
    cursor.added += batch.added
    cursor.removed += batch.removed
    await onBatch?.(cursor)
    if (batch.done) return cursor
  }
}

export function rematchCompanyHandler({ batchSize = 500 } = {}): JobHandler {
  return async (db, job, progress, signal) => {
    const { companyId } = job.payload as RematchPayload
    const from = (job.cursor as Partial<RematchCursor> | null) ?? {}
    const total = (from.done ?? 0) + (await countDocumentsAfter(db, from.afterId ?? 0))
    await progress(from.done ?? 0, { total, cursor: from })
    const done = await rematchCompany(db, companyId, {
      batchSize,
      from,
      signal,
      onBatch: (cursor) => progress(cursor.done, { total: Math.max(total, cursor.done), cursor }),
    })
    return { companyId, documents: done.done, changed: done.changed, added: done.added, removed: done.removed }
  }
}
