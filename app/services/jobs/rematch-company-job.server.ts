import type { DB } from '#app/models/db.server.ts'
import { queueCompanyRematch } from '#app/models/mentions/index.server.ts'
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

export function rematchCompanyHandler(): JobHandler {
  return async () => {
    // The re-match itself lands in the next commit; queueing is what callers need now.
    return { documents: 0 }
  }
}
