import { asBackgroundWork, type DB } from '#app/models/db.server.ts'
import {
  type ClaimedJob,
  claimNextJob,
  completeJob,
  DEFAULT_JOB_LEASE_SECONDS,
  failJob,
  heartbeatJob,
  JobLeaseLost,
  type JobProgress,
  MAX_ATTEMPTS,
  MAX_LEASE_EXPIRIES,
  releaseJob,
  reportJobProgress,
} from '#app/models/ops/index.server.ts'

// The loop that runs persisted jobs, one at a time per runner. A handler does its work in
// chunks and reports progress after each, saving a cursor; a heartbeat renews the lease
// in between. If the process dies the lease lapses within leaseSeconds and the next
// runner that looks (another instance, or this one after a restart) takes the job over
// from that cursor; a takeover is not a failed attempt (the rule is in
// job-lease.server.ts). Handler errors are recorded on the job; nothing a handler does
// may take the process down.

export type ReportProgress = (done: number, options?: Omit<JobProgress, 'done'>) => Promise<void>

/**
 * Does one kind of job. Return the result to store; throw to fail the attempt. Stop when
 * `signal` aborts (the runner is stopping, the job was cancelled or the lease was lost):
 * progress() then throws JobLeaseLost, which the runner expects.
 */
export type JobHandler = (db: DB, job: ClaimedJob, progress: ReportProgress, signal: AbortSignal) => Promise<unknown>

export interface JobRunnerOptions {
  workerId: string
  handlers: Record<string, JobHandler>
  /** Wait between looks at an empty queue. */
  pollMs?: number
  /** How long a job stays ours without a renewal; renewed every third of it. */
  leaseSeconds?: number
  /** Failed runs before a job is failed for good. */
  maxAttempts?: number
  /** Takeovers in a row without progress before a job is failed as abandoned. */
  maxLeaseExpiries?: number
  retryDelaySeconds?: number
  /** How long stop() waits for a handler that ignores its signal. */
  stopGraceMs?: number
}

export interface JobRunner {
  stop(): Promise<void>
}

export function startJobRunner(db: DB, options: JobRunnerOptions): JobRunner {
  const kinds = Object.keys(options.handlers)
  const pollMs = options.pollMs ?? 1_000
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS
  const stopping = new AbortController()
  let wake: (() => void) | undefined

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = options.handlers[job.kind]
    const jobSignal = new AbortController()
    const onStop = () => jobSignal.abort(new Error('runner stopping'))
    stopping.signal.addEventListener('abort', onStop, { once: true })
    // Keeps the lease alive through a long chunk between progress reports.
    const heartbeat = setInterval(
      () => {
        heartbeatJob(db, job, leaseSeconds).then(
          (held) => held || jobSignal.abort(new JobLeaseLost('lost')),
          () => undefined,
        )
      },
      (leaseSeconds * 1000) / 3,
    )
    const progress: ReportProgress = async (done, more = {}) => {
      try {
        await reportJobProgress(db, job, { done, ...more }, leaseSeconds)
      } catch (error) {
        if (error instanceof JobLeaseLost) jobSignal.abort(error)
        throw error
      }
    }
    try {
      const result = await handler(db, job, progress, jobSignal.signal)
      if (!(await completeJob(db, job, result))) console.warn(`[jobs] ${options.workerId}: job ${job.id} finished but was no longer ours`)
    } catch (error) {
      if (stopping.signal.aborted) {
        await releaseJob(db, job).catch(() => undefined)
      } else if (error instanceof JobLeaseLost || jobSignal.signal.aborted) {
        console.warn(`[jobs] ${options.workerId}: job ${job.id} stopped: ${error instanceof Error ? error.message : error}`)
      } else {
        const message = error instanceof Error ? error.message || error.name : String(error)
        const status = await failJob(db, job, message, {
          maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
          retryDelaySeconds: options.retryDelaySeconds,
        })
        console.warn(
          `[jobs] ${options.workerId}: job ${job.id} (${job.kind}) attempt ${job.attempts} failed (${status ?? 'lease lost'}): ${message}`,
        )
      }
    } finally {
      clearInterval(heartbeat)
      stopping.signal.removeEventListener('abort', onStop)
    }
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let job: ClaimedJob | null = null
      try {
        job = await claimNextJob(db, options.workerId, kinds, leaseSeconds, options.maxLeaseExpiries ?? MAX_LEASE_EXPIRIES)
        if (job?.leaseExpiries)
          console.warn(
            `[jobs] ${options.workerId}: took over job ${job.id} (${job.kind}) after its lease lapsed, at ${job.progressDone} done`,
          )
      } catch (error) {
        if (!stopping.signal.aborted)
          console.warn(`[jobs] ${options.workerId}: could not claim a job:`, error instanceof Error ? error.message : error)
      }
      if (job) {
        try {
          await runOne(job)
        } catch (error) {
          // Recording the outcome failed (database gone?); the lease lapses and a runner retries.
          console.warn(`[jobs] ${options.workerId}: job ${job.id}:`, error instanceof Error ? error.message : error)
        }
      } else if (!stopping.signal.aborted) {
        await sleep(pollMs)
      }
    }
  }

  // Everything the loop starts (handlers, heartbeats) is background work: on PGlite a
  // request's query is served before the job's next one.
  const running = kinds.length ? asBackgroundWork(loop) : Promise.resolve()

  return {
    async stop() {
      stopping.abort()
      wake?.()
      let timer: NodeJS.Timeout | undefined
      await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, options.stopGraceMs ?? 10_000)))])
      clearTimeout(timer)
    },
  }
}
