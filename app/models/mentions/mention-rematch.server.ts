import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { REMATCH_COMPANY_JOB_KIND } from '#app/schemas/job-kinds.ts'

// The queries behind "re-match one company's history" (issue 12 item 9): queueing the job
// so that several edits in a row become one run, and the reads the job does batch by batch.

/** Advisory-lock namespace for rematch requests (any constant distinct from other locks). */
const REMATCH_LOCK_KEY = 4_120_912

export interface RematchPayload {
  companyId: number
  /** Why it was asked for, in the users' words ("alias added", "review rule"); shown in the audit log. */
  reasons: string[]
}

/**
 * Queues a rematch of one company, or joins one already queued for it (an analyst editing
 * five aliases in a minute gets one run, not five). A job already running is not joined:
 * it may have passed the documents the new edit changes, so a fresh one queues behind it.
 */
export async function queueCompanyRematch(
  db: DB,
  input: { companyId: number; userId?: number | null; reason: string; ip?: string | null },
): Promise<{ jobId: number; queued: boolean }> {
  return inTransaction(db, async (tx) => {
    // Serialises two requests for the same company, so they cannot both queue a job.
    await sql`select pg_advisory_xact_lock(${REMATCH_LOCK_KEY}, ${input.companyId})`.execute(tx)
    const pending = await tx
      .selectFrom('job')
      .select(['id', 'payload'])
      .where('kind', '=', REMATCH_COMPANY_JOB_KIND)
      .where('status', '=', 'queued')
      .where(sql<string>`payload->>'companyId'`, '=', String(input.companyId))
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst()
    if (pending) {
      const payload = pending.payload as RematchPayload
      const reasons = payload.reasons?.includes(input.reason) ? payload.reasons : [...(payload.reasons ?? []), input.reason].slice(-20)
      await tx
        .updateTable('job')
        .set({ payload: JSON.stringify({ ...payload, reasons }) })
        .where('id', '=', pending.id)
        .execute()
      return { jobId: pending.id, queued: false }
    }
    const payload: RematchPayload = { companyId: input.companyId, reasons: [input.reason] }
    const jobId = await enqueueJob(tx, { kind: REMATCH_COMPANY_JOB_KIND, payload, createdBy: input.userId ?? null, ip: input.ip })
    return { jobId, queued: true }
  })
}
