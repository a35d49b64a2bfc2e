import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import type { JobStatus } from '#db/types.ts'

// The worker's side of the job queue (job.server.ts queues, cancels and shows jobs).
// A worker claims a job with a lease (FOR UPDATE SKIP LOCKED: two app instances on one
// PostgreSQL never take the same row) and must keep extending it; a job whose lease
// lapsed (its worker died) is claimed again and continues from the cursor its handler
// saved with each progress report.
//
// The lease's identity is (locked_by, attempts): attempts goes up with every claim, so a
// worker that lost its lease cannot write over the one that took the job next.
// While a job is queued, lease_until doubles as "not before" for the retry back-off.

export const MAX_ATTEMPTS = 3
export const DEFAULT_JOB_LEASE_SECONDS = 60

export interface ClaimedJob {
  id: number
  kind: string
  payload: unknown
  /** What the handler saved with its last progress report (null on a first run). */
  cursor: unknown
  progressDone: number
  progressTotal: number
  attempts: number
  lockedBy: string
}

export class JobLeaseLost extends Error {
  constructor(readonly why: 'cancelled' | 'lost') {
    super(why === 'cancelled' ? 'the job was cancelled' : 'the job lease was lost to another worker')
    this.name = 'JobLeaseLost'
  }
}

const secondsFromNow = (seconds: number) => sql<Date>`now() + make_interval(secs => ${seconds}::int)`

interface JobRow {
  id: number
  kind: string
  payload: unknown
  result: unknown
  progress_done: number
  progress_total: number
  attempts: number
  locked_by: string
}

/**
 * Takes the oldest runnable job of these kinds: queued (and past its back-off), or running
 * with a lapsed lease. Running jobs that already used up their attempts are failed first,
 * so a job that kills its worker every time cannot loop for ever.
 */
export async function claimNextJob(
  db: DB,
  workerId: string,
  kinds: readonly string[],
  leaseSeconds = DEFAULT_JOB_LEASE_SECONDS,
  maxAttempts = MAX_ATTEMPTS,
): Promise<ClaimedJob | null> {
  if (!kinds.length) return null
  const kindList = sql.join(kinds.map((k) => sql`${k}`))
  await sql`
    update job set status = 'failed', error = 'jobs.error.abandoned', finished_at = now(), lease_until = null, locked_by = null
    where status = 'running' and lease_until < now() and attempts >= ${maxAttempts} and kind in (${kindList})`.execute(db)
  const result = await sql<JobRow>`
    update job set
      status = 'running',
      lease_until = ${secondsFromNow(leaseSeconds)},
      locked_by = ${workerId},
      attempts = attempts + 1,
      started_at = coalesce(started_at, now())
    where id = (
      select id from job
      where kind in (${kindList})
        and ((status = 'queued' and (lease_until is null or lease_until < now()))
          or (status = 'running' and lease_until < now()))
      order by created_at, id
      for update skip locked
      limit 1
    )
    returning id, kind, payload, result, progress_done, progress_total, attempts, locked_by`.execute(db)
  const row = result.rows[0]
  if (!row) return null
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    cursor: (row.result as { cursor?: unknown } | null)?.cursor ?? null,
    progressDone: row.progress_done,
    progressTotal: row.progress_total,
    attempts: row.attempts,
    lockedBy: row.locked_by,
  }
}

type Lease = Pick<ClaimedJob, 'id' | 'lockedBy' | 'attempts'>

function whereLeaseHeld<T extends { where: (...args: any[]) => T }>(query: T, job: Lease): T {
  return query
    .where('id', '=', job.id)
    .where('locked_by', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .where('status', '=', 'running')
}

async function leaseLost(db: DB, job: Lease): Promise<JobLeaseLost> {
  const row = await db.selectFrom('job').select('status').where('id', '=', job.id).executeTakeFirst()
  return new JobLeaseLost(row?.status === 'cancelled' ? 'cancelled' : 'lost')
}

export interface JobProgress {
  done: number
  total?: number
  /** Where to continue after a restart; handed back as job.cursor on the next claim. */
  cursor?: unknown
}

/** Saves progress and extends the lease; throws JobLeaseLost when the job is no longer ours. */
export async function reportJobProgress(
  db: DB,
  job: Lease,
  progress: JobProgress,
  leaseSeconds = DEFAULT_JOB_LEASE_SECONDS,
): Promise<void> {
  const result = await whereLeaseHeld(
    db.updateTable('job').set({
      progress_done: Math.max(0, Math.floor(progress.done)),
      ...(progress.total !== undefined ? { progress_total: Math.max(0, Math.floor(progress.total)) } : {}),
      ...(progress.cursor !== undefined ? { result: JSON.stringify({ cursor: progress.cursor }) } : {}),
      lease_until: secondsFromNow(leaseSeconds),
    }),
    job,
  ).executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw await leaseLost(db, job)
}

/** Extends the lease only; false when the job is no longer ours. */
export async function heartbeatJob(db: DB, job: Lease, leaseSeconds = DEFAULT_JOB_LEASE_SECONDS): Promise<boolean> {
  const result = await whereLeaseHeld(db.updateTable('job').set({ lease_until: secondsFromNow(leaseSeconds) }), job).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function completeJob(db: DB, job: Lease, result: unknown = null): Promise<boolean> {
  const updated = await whereLeaseHeld(
    db.updateTable('job').set({
      status: 'done',
      result: JSON.stringify(result ?? null),
      progress_done: sql<number>`greatest(progress_done, progress_total)`,
      error: null,
      lease_until: null,
      finished_at: sql<Date>`now()`,
    }),
    job,
  ).executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/**
 * Records a failure: back to the queue after a back-off while attempts remain, else
 * 'failed' for good. Returns the new status, or null when the job was no longer ours.
 */
export async function failJob(
  db: DB,
  job: Lease,
  message: string,
  { maxAttempts = MAX_ATTEMPTS, retryDelaySeconds = 30 } = {},
): Promise<JobStatus | null> {
  const final = job.attempts >= maxAttempts
  const updated = await whereLeaseHeld(
    db.updateTable('job').set({
      status: final ? 'failed' : 'queued',
      error: message.slice(0, 2000),
      locked_by: null,
      lease_until: final ? null : secondsFromNow(retryDelaySeconds * job.attempts),
      finished_at: final ? sql<Date>`now()` : null,
    }),
    job,
  ).executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return null
  return final ? 'failed' : 'queued'
}

/** Hands a job back untouched (the worker is shutting down); the claim does not count. */
export async function releaseJob(db: DB, job: Lease): Promise<boolean> {
  const updated = await whereLeaseHeld(
    db.updateTable('job').set({ status: 'queued', locked_by: null, lease_until: null, attempts: sql<number>`greatest(attempts - 1, 0)` }),
    job,
  ).executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}
