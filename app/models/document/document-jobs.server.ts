import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { RESCAN_JOB_KIND } from '#app/schemas/job-kinds.ts'

// "Find mentions again in every document", started from the documents page after aliases
// changed. A rescan already waiting or running covers the request: a second click joins it
// rather than queueing the same work twice.

export async function startDocumentRescan(db: DB, actor: Actor): Promise<{ jobId: number; started: boolean }> {
  return inTransaction(db, async (tx) => {
    const pending = await tx
      .selectFrom('job')
      .select('id')
      .where('kind', '=', RESCAN_JOB_KIND)
      .where('status', 'in', ['queued', 'running'])
      .orderBy('id')
      .executeTakeFirst()
    if (pending) return { jobId: pending.id, started: false }
    const total = await countDocumentsAfter(tx)
    // enqueueJob writes the audit row (job.enqueue) in this transaction.
    const jobId = await enqueueJob(tx, { kind: RESCAN_JOB_KIND, total, createdBy: actor.id, ip: actor.ip })
    return { jobId, started: true }
  })
}

/** Documents with an id after afterId (all of them by default): what a rescan has left to do. */
export async function countDocumentsAfter(db: DB, afterId = 0): Promise<number> {
  const row = await db
    .selectFrom('document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', afterId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
