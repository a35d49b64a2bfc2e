import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { type JobHandler, startJobRunner } from '#app/services/jobs/runner.server.ts'
import { type Connection, openPostgres } from '#db/connection.ts'
import { createTestDatabase, withDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'

import { cancelJob, enqueueJob, getJob } from './job.server.ts'
import { claimNextJob, completeJob, failJob, JobLeaseLost, MAX_LEASE_EXPIRIES, reportJobProgress } from './job-lease.server.ts'

let conn: Connection
let userId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  userId = (await createUser(conn.db, { role: 'analyst' })).id
})
afterAll(async () => {
  await conn?.close()
})
beforeEach(async () => {
  await conn.db.deleteFrom('job').execute()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

async function expireLease(id: number) {
  await conn.db
    .updateTable('job')
    .set({ lease_until: sql`now() - interval '1 second'` })
    .where('id', '=', id)
    .execute()
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** A handler that does payload.count items one at a time, saving the next index as its cursor. */
function countingHandler(seen: Array<{ job: number; item: number; worker: string }>, delayMs = 0): JobHandler {
  return async (_db, job, progress) => {
    const count = (job.payload as { count: number }).count
    for (let i = (job.cursor as number | null) ?? 0; i < count; i++) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
      seen.push({ job: job.id, item: i, worker: job.lockedBy })
      await progress(i + 1, { total: count, cursor: i + 1 })
    }
    return { items: count }
  }
}

describe('job leases', () => {
  it('claims, reports progress with an ETA, completes, and audits the enqueue', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.count', payload: { count: 4 }, total: 4, createdBy: userId })
    expect(await claimNextJob(conn.db, 'w1', ['other.kind'])).toBeNull()
    const job = await claimNextJob(conn.db, 'w1', ['test.count'])
    expect(job).toMatchObject({ id, kind: 'test.count', payload: { count: 4 }, cursor: null, attempts: 1, lockedBy: 'w1' })
    await conn.db
      .updateTable('job')
      .set({ started_at: sql`now() - interval '10 seconds'` })
      .where('id', '=', id)
      .execute()
    await reportJobProgress(conn.db, job!, { done: 1, cursor: 1 })
    const view = await getJob(conn.db, id)
    expect(view).toMatchObject({ status: 'running', done: 1, total: 4, percent: 25, finished: false, createdByName: expect.any(String) })
    expect(view!.etaSeconds).toBeGreaterThanOrEqual(29)
    expect(view!.etaSeconds).toBeLessThanOrEqual(32)
    expect(await completeJob(conn.db, job!, { items: 4 })).toBe(true)
    expect(await getJob(conn.db, id)).toMatchObject({
      status: 'done',
      done: 4,
      percent: 100,
      result: { items: 4 },
      finished: true,
      etaSeconds: null,
    })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity_type', '=', 'job')
      .where('entity_id', '=', String(id))
      .execute()
    expect(audit).toEqual([{ action: 'job.enqueue', user_id: userId }])
  })

  it('a leased job is not claimed twice; a lapsed lease is reclaimed and the old worker is locked out', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.count', payload: { count: 3 } })
    const first = await claimNextJob(conn.db, 'w1', ['test.count'])
    expect(await claimNextJob(conn.db, 'w2', ['test.count'])).toBeNull()
    await reportJobProgress(conn.db, first!, { done: 2, cursor: 2 })
    await expireLease(id)
    const second = await claimNextJob(conn.db, 'w2', ['test.count'])
    // A takeover continues the same attempt: a kill is not a failure.
    expect(second).toMatchObject({ id, cursor: 2, progressDone: 2, attempts: 1, leaseExpiries: 1, lockedBy: 'w2' })
    await expect(reportJobProgress(conn.db, first!, { done: 3 })).rejects.toEqual(new JobLeaseLost('lost'))
    expect(await completeJob(conn.db, first!, null)).toBe(false)
    expect(await completeJob(conn.db, second!, null)).toBe(true)
  })

  it('failures go back to the queue after a back-off, then fail for good', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.fail' })
    let job = await claimNextJob(conn.db, 'w1', ['test.fail'])
    expect(await failJob(conn.db, job!, 'disk full')).toBe('queued')
    expect(await claimNextJob(conn.db, 'w1', ['test.fail'])).toBeNull() // backing off
    await expireLease(id)
    job = await claimNextJob(conn.db, 'w1', ['test.fail'])
    expect(await failJob(conn.db, job!, 'disk full', { retryDelaySeconds: 0 })).toBe('queued')
    job = await claimNextJob(conn.db, 'w1', ['test.fail'])
    expect(job!.attempts).toBe(3)
    expect(await failJob(conn.db, job!, 'disk still full')).toBe('failed')
    expect(await getJob(conn.db, id)).toMatchObject({ status: 'failed', error: 'disk still full', attempts: 3, finished: true })
  })

  it('a job whose worker dies again and again without progress is failed as abandoned, not claimed again', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.crash' })
    for (let i = 0; i < MAX_LEASE_EXPIRIES; i++) {
      const job = await claimNextJob(conn.db, `w${i}`, ['test.crash'])
      expect(job).toMatchObject({ attempts: 1, leaseExpiries: i })
      await reportJobProgress(conn.db, job!, { done: 0 }) // a report that moves nothing
      await expireLease(id)
    }
    expect(await claimNextJob(conn.db, 'w9', ['test.crash'])).toBeNull()
    expect(await getJob(conn.db, id)).toMatchObject({ status: 'failed', error: 'jobs.error.abandoned', attempts: 1 })
  })

  it('kills with progress between them do not add up: a job killed more often than any cap still finishes', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.count', total: 20 })
    for (let kill = 0; kill < MAX_LEASE_EXPIRIES + 3; kill++) {
      const job = await claimNextJob(conn.db, `w${kill}`, ['test.count'])
      expect(job).toMatchObject({ attempts: 1, leaseExpiries: kill === 0 ? 0 : 1, progressDone: kill })
      await reportJobProgress(conn.db, job!, { done: kill + 1, cursor: kill + 1 })
      await expireLease(id)
    }
    const last = await claimNextJob(conn.db, 'survivor', ['test.count'])
    expect(await completeJob(conn.db, last!, { items: 20 })).toBe(true)
    expect(await getJob(conn.db, id)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('failures still count after a takeover: three failed runs fail the job, however many kills came between', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.fail' })
    for (let run = 1; run <= 3; run++) {
      // The worker of this run is killed once; the next instance takes it over and fails.
      expect(await claimNextJob(conn.db, `a${run}`, ['test.fail'])).toMatchObject({ attempts: run, leaseExpiries: 0 })
      await expireLease(id)
      const job = await claimNextJob(conn.db, `b${run}`, ['test.fail'])
      expect(job).toMatchObject({ attempts: run, leaseExpiries: 1 })
      expect(await failJob(conn.db, job!, 'disk full', { retryDelaySeconds: 0 })).toBe(run < 3 ? 'queued' : 'failed')
    }
    expect(await getJob(conn.db, id)).toMatchObject({ status: 'failed', error: 'disk full', attempts: 3 })
  })

  it('cancelling stops a running job at its next progress report and is audited', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.count', total: 5 })
    const job = await claimNextJob(conn.db, 'w1', ['test.count'])
    expect(await cancelJob(conn.db, { id: userId }, id)).toBe(true)
    expect(await cancelJob(conn.db, { id: userId }, id)).toBe(false)
    await expect(reportJobProgress(conn.db, job!, { done: 1 })).rejects.toEqual(new JobLeaseLost('cancelled'))
    expect(await claimNextJob(conn.db, 'w2', ['test.count'])).toBeNull()
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('action', '=', 'job.cancel')
      .executeTakeFirst()
    expect(audit).toMatchObject({ old_value: { status: 'running', done: 0, total: 5 }, new_value: { status: 'cancelled' } })
  })
})

describe('the job runner', () => {
  it('after a "restart" a job whose lease lapsed continues from its cursor', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.count', payload: { count: 10 }, total: 10 })
    // The first process did 4 items, saved its place, and died.
    const dead = await claimNextJob(conn.db, 'dead-process', ['test.count'])
    await reportJobProgress(conn.db, dead!, { done: 4, cursor: 4 })
    await expireLease(id)

    const seen: Array<{ job: number; item: number; worker: string }> = []
    const runner = startJobRunner(conn.db, { workerId: 'restarted', handlers: { 'test.count': countingHandler(seen) }, pollMs: 20 })
    await waitFor(async () => (await getJob(conn.db, id))?.status === 'done')
    await runner.stop()
    expect(seen.map((s) => s.item)).toEqual([4, 5, 6, 7, 8, 9])
    expect(await getJob(conn.db, id)).toMatchObject({ done: 10, total: 10, attempts: 1, result: { items: 10 } })
  })

  it('a handler error is recorded on the job and the runner carries on with the next job', async () => {
    const bad = await enqueueJob(conn.db, { kind: 'test.boom' })
    const good = await enqueueJob(conn.db, { kind: 'test.count', payload: { count: 1 } })
    const seen: Array<{ job: number; item: number; worker: string }> = []
    const handlers: Record<string, JobHandler> = {
      'test.boom': async () => {
        throw new Error('the PDF is encrypted')
      },
      'test.count': countingHandler(seen),
    }
    const runner = startJobRunner(conn.db, { workerId: 'w1', handlers, pollMs: 20, maxAttempts: 2, retryDelaySeconds: 0 })
    await waitFor(async () => (await getJob(conn.db, bad))?.status === 'failed' && (await getJob(conn.db, good))?.status === 'done')
    await runner.stop()
    expect(await getJob(conn.db, bad)).toMatchObject({ error: 'the PDF is encrypted', attempts: 2 })
  })

  it('stopping hands the running job back with its cursor, without using up an attempt', async () => {
    const id = await enqueueJob(conn.db, { kind: 'test.slow', total: 100 })
    const handler: JobHandler = async (_db, job, progress, signal) => {
      for (let i = 0; i < 100; i++) {
        if (signal.aborted) throw signal.reason
        await progress(i + 1, { cursor: i + 1 })
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    const runner = startJobRunner(conn.db, { workerId: 'w1', handlers: { 'test.slow': handler }, pollMs: 20 })
    await waitFor(async () => ((await getJob(conn.db, id))?.done ?? 0) >= 3)
    await runner.stop()
    const row = await conn.db
      .selectFrom('job')
      .select(['status', 'attempts', 'locked_by', 'result', 'progress_done'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'queued', attempts: 0, locked_by: null })
    expect((row.result as { cursor: number }).cursor).toBe(row.progress_done)
  })

  it('two runners and ten jobs: every job runs exactly once', async () => {
    const ids: number[] = []
    for (let i = 0; i < 10; i++) ids.push(await enqueueJob(conn.db, { kind: 'test.count', payload: { count: 3 }, total: 3 }))
    // On PostgreSQL each runner gets its own pool, as two app instances would.
    let second: Connection | undefined
    if (onPostgres) {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(conn.db)
      second = openPostgres(withDatabase(process.env.TEST_DATABASE_URL!, rows[0].name), { max: 2 })
    }
    const seen: Array<{ job: number; item: number; worker: string }> = []
    const a = startJobRunner(conn.db, { workerId: 'instance-a', handlers: { 'test.count': countingHandler(seen, 5) }, pollMs: 10 })
    const b = startJobRunner(second?.db ?? conn.db, {
      workerId: 'instance-b',
      handlers: { 'test.count': countingHandler(seen, 5) },
      pollMs: 10,
    })
    try {
      await waitFor(async () => {
        const done = await conn.db.selectFrom('job').select('id').where('status', '=', 'done').execute()
        return done.length === 10
      }, 20_000)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await second?.close()
    }
    for (const id of ids) {
      expect(seen.filter((s) => s.job === id).map((s) => s.item)).toEqual([0, 1, 2])
      expect(new Set(seen.filter((s) => s.job === id).map((s) => s.worker)).size).toBe(1)
    }
    const attempts = await conn.db.selectFrom('job').select('attempts').execute()
    expect(attempts.every((r) => r.attempts === 1)).toBe(true)
    if (onPostgres) expect(new Set(seen.map((s) => s.worker))).toEqual(new Set(['instance-a', 'instance-b']))
  })

  it.runIf(onPostgres)('SKIP LOCKED: a claimer passes over a row another connection has locked', async () => {
    const first = await enqueueJob(conn.db, { kind: 'test.lock' })
    const second = await enqueueJob(conn.db, { kind: 'test.lock' })
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(conn.db)
    const other = openPostgres(withDatabase(process.env.TEST_DATABASE_URL!, rows[0].name), { max: 1 })
    try {
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      let locked!: () => void
      const isLocked = new Promise<void>((r) => (locked = r))
      const holder = other.db.transaction().execute(async (tx) => {
        await tx.selectFrom('job').select('id').where('id', '=', first).forUpdate().execute()
        locked()
        await held
      })
      await isLocked
      const claimed = await claimNextJob(conn.db, 'w2', ['test.lock'])
      expect(claimed?.id).toBe(second)
      release()
      await holder
      expect((await claimNextJob(conn.db, 'w3', ['test.lock']))?.id).toBe(first)
    } finally {
      await other.close()
    }
  })
})
