import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { estimateJob } from '#app/utils/eta.ts'

import { recordAudit } from './audit.server.ts'

// Long work (a folder of PDFs, a rescan of every document) as rows in `job`, so it
// survives a restart and shows progress: queueing a job (audited), cancelling it and the
// view the progress page polls. Workers claim and run jobs through job-lease.server.ts.

export interface EnqueueJob {
  kind: string
  payload?: unknown
  total?: number
  createdBy?: number | null
  ip?: string | null
}

export async function enqueueJob(db: DB, input: EnqueueJob): Promise<number> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('job')
      .values({
        kind: input.kind,
        payload: JSON.stringify(input.payload ?? {}),
        progress_total: Math.max(0, input.total ?? 0),
        created_by: input.createdBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: input.createdBy ?? null,
      action: 'job.enqueue',
      entityType: 'job',
      entityId: row.id,
      newValue: { kind: input.kind, total: input.total ?? 0 },
      ip: input.ip,
    })
    return row.id
  })
}

/** Cancels a queued or running job; a running handler stops at its next progress report. */
export async function cancelJob(db: DB, actor: Actor, id: number): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('job')
      .select(['status', 'progress_done as done', 'progress_total as total'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old || (old.status !== 'queued' && old.status !== 'running')) return false
    await tx
      .updateTable('job')
      .set({ status: 'cancelled', lease_until: null, finished_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'job.cancel',
      entityType: 'job',
      entityId: id,
      oldValue: old,
      newValue: { status: 'cancelled' },
      ip: actor.ip,
    })
    return true
  })
}

/** A job as the progress page shows it, with percent and ETA worked out. */
export async function getJob(db: DB, id: number, now = new Date()) {
  const row = await db
    .selectFrom('job')
    .leftJoin('app_user', 'app_user.id', 'job.created_by')
    .select([
      'job.id',
      'job.kind',
      'job.status',
      'job.progress_done as done',
      'job.progress_total as total',
      'job.result',
      'job.error',
      'job.attempts',
      'job.created_at as createdAt',
      'job.started_at as startedAt',
      'job.finished_at as finishedAt',
      'app_user.display_name as createdByName',
    ])
    .where('job.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const { result, ...rest } = row
  const finished = row.status === 'done' || row.status === 'failed' || row.status === 'cancelled'
  return {
    ...rest,
    // While running, result holds the handler's cursor, which is not for display.
    result: row.status === 'done' ? result : null,
    finished,
    ...estimateJob({
      done: row.done,
      total: row.total,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      running: row.status === 'running',
      now,
    }),
  }
}

export type JobView = NonNullable<Awaited<ReturnType<typeof getJob>>>
