import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import type { JobStatus } from '#db/types.ts'

// The worker's side of the job queue (job.server.ts queues, cancels and shows jobs).
// A worker claims a job with a lease (FOR UPDATE SKIP LOCKED: two app instances on one
// PostgreSQL never take the same row) and renews it while it works: a heartbeat every
// third of the lease, and each progress report. A job whose lease lapsed (its worker
// died) is taken over by the next runner that looks, here or on another instance, and
// continues from the cursor its handler saved with its last progress report.
//
// Failures and kills are counted apart, because they mean different things:
// - attempts: runs whose handler threw (plus the one under way). A failure goes back to
//   the queue after a back-off; after MAX_ATTEMPTS failures the job is failed.
// - lease_expiries: takeovers after the worker stopped renewing its lease (process killed,
//   machine gone). A takeover continues the same attempt; it does not use one up. A
//   progress report that moves the job forward sets the count back to 0, so only kills
//   in a row without progress between them add up: after MAX_LEASE_EXPIRIES of those the
//   job itself is the likely killer (a file that exhausts memory) and it is failed as
//   'jobs.error.abandoned' instead of taking down one instance after another.
//
// The lease's identity is (locked_by, attempts): a takeover changes locked_by to the new
// worker, a claim from the queue raises attempts, and a runner claims only once its
// previous job is over, so a worker that lost its lease cannot write over the next one.
// While a job is queued, lease_until doubles as "not before" for the retry back-off: due
// when it is now or past (PGlite's clock can give two quick transactions the same now()).

export const MAX_ATTEMPTS = 3
export const MAX_LEASE_EXPIRIES = 5
/** Short, so another instance takes over a killed worker's job within seconds (JOB_LEASE_SECONDS). */
export const DEFAULT_JOB_LEASE_SECONDS = 15

export interface ClaimedJob {
  id: number
  kind: string
  payload: unknown
  /** What the handler saved with its last progress report (null on a first run). */
  cursor: unknown
  progressDone: number
  progressTotal: number
  attempts: number
  /** Takeovers in a row without progress, this one included (0 on a claim from the queue). */
  leaseExpiries: number
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
  lease_expiries: number
  locked_by: string
}

/**
 * Takes the oldest runnable job of these kinds: queued (and past its back-off), or running
 * with a lapsed lease (a takeover). A lapsed job that would reach maxLeaseExpiries with
 * this takeover is failed instead, so a job that kills its worker every time cannot loop
 * for ever.
 */
export async function claimNextJob(
  db: DB,
  workerId: string,
  kinds: readonly string[],
  leaseSeconds = DEFAULT_JOB_LEASE_SECONDS,
  maxLeaseExpiries = MAX_LEASE_EXPIRIES,
): Promise<ClaimedJob | null> {
  if (!kinds.length) return null
  const kindList = sql.join(kinds.map((k) => sql`${k}`))
  await sql`
    update job set status = 'failed', error = 'jobs.error.abandoned', finished_at = now(), lease_until = null, locked_by = null,
      lease_expiries = lease_expiries + 1
    where status = 'running' and lease_until < now() and lease_expiries + 1 >= ${maxLeaseExpiries} and kind in (${kindList})`.execute(db)
  // The right-hand sides see the row as it was: status there is the old status.
  const result = await sql<JobRow>`
    update job set
      status = 'running',
      lease_until = ${secondsFromNow(leaseSeconds)},
      locked_by = ${workerId},
      attempts = case when status = 'running' then attempts else attempts + 1 end,
      lease_expiries = case when status = 'running' then lease_expiries + 1 else 0 end,
      started_at = coalesce(started_at, now())
    where id = (
      select id from job
      where kind in (${kindList})
        and ((status = 'queued' and (lease_until is null or lease_until <= now()))
          or (status = 'running' and lease_until < now()))
      order by created_at, id
      for update skip locked
      limit 1
    )
    returning id, kind, payload, result, progress_done, progress_total, attempts, lease_expiries, locked_by`.execute(db)
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
    leaseExpiries: row.lease_expiries,
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

/**
 * Saves progress and extends the lease; throws JobLeaseLost when the job is no longer ours.
 * Moving forward clears the run of lease expiries (the job is not what kills its workers).
 */
export async function reportJobProgress(
  db: DB,
  job: Lease,
  progress: JobProgress,
  leaseSeconds = DEFAULT_JOB_LEASE_SECONDS,
): Promise<void> {
  const done = Math.max(0, Math.floor(progress.done))
  const result = await whereLeaseHeld(
    db.updateTable('job').set({
      lease_expiries: sql<number>`case when ${done}::int > progress_done then 0 else lease_expiries end`,
      progress_done: done,
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
