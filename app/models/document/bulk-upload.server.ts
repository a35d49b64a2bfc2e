import { sql } from 'kysely'

import type { IngestOutcome } from '#app/ingest/outcome.ts'
import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { INGEST_FILES_JOB_KIND } from '#app/schemas/job-kinds.ts'

// A bulk upload: the files are stored in job_file with the job that will ingest them, in
// one transaction, so the job never starts without its files. The job (see
// app/jobs/ingest-files-job.server.ts) takes them one at a time in upload order; each
// file's outcome is written in its document's transaction and its bytes are dropped.

export { INGEST_FILES_JOB_KIND }

/** Metadata typed on the upload form, applied to every file; kept in the job's payload. */
export interface BulkUploadMeta {
  publisher: string
  publishedOn: string | null
  tags: string[]
  themeIds: number[]
  createdBy: number | null
  ip: string | null
}

export interface BulkUploadInput {
  files: { name: string; contentType: string; bytes: Uint8Array }[]
  /** Files the upload itself refused (too large...), listed with the others. */
  refused: { name: string; reason: string }[]
  meta: Omit<BulkUploadMeta, 'createdBy' | 'ip'>
}

export async function enqueueBulkUpload(db: DB, actor: Actor, input: BulkUploadInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    // Housekeeping: files of jobs that were cancelled or gave up will never be read.
    await tx
      .updateTable('job_file')
      .set({ bytes: null })
      .where('bytes', 'is not', null)
      .where('job_id', 'in', (eb) => eb.selectFrom('job').select('id').where('status', 'in', ['cancelled', 'failed']))
      .execute()
    const meta: BulkUploadMeta = { ...input.meta, createdBy: actor.id, ip: actor.ip ?? null }
    const total = input.files.length + input.refused.length
    const jobId = await enqueueJob(tx, { kind: INGEST_FILES_JOB_KIND, payload: meta, total, createdBy: actor.id, ip: actor.ip })
    let position = 0
    // One row per statement: a single INSERT of 200 MB of files would be one huge message.
    for (const file of input.files) {
      await tx
        .insertInto('job_file')
        .values({
          job_id: jobId,
          position: position++,
          file_name: file.name.slice(0, 500) || 'upload',
          content_type: file.contentType.slice(0, 200),
          size_bytes: file.bytes.length,
          bytes: file.bytes,
        })
        .execute()
    }
    for (const file of input.refused) {
      const outcome: IngestOutcome = { name: file.name, status: 'refused', reason: file.reason }
      await tx
        .insertInto('job_file')
        .values({
          job_id: jobId,
          position: position++,
          file_name: file.name.slice(0, 500) || 'upload',
          size_bytes: 0,
          status: 'refused',
          outcome: JSON.stringify(outcome),
          done_at: sql<Date>`now()`,
        })
        .execute()
    }
    return jobId
  })
}

export interface PendingFile {
  id: number
  name: string
  contentType: string
  bytes: Uint8Array
}

/** The next file not yet ingested, with its bytes (one file in memory at a time). */
export async function nextPendingFile(db: DB, jobId: number): Promise<PendingFile | null> {
  const row = await db
    .selectFrom('job_file')
    .select(['id', 'file_name as name', 'content_type as contentType', 'bytes'])
    .where('job_id', '=', jobId)
    .where('status', 'is', null)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return { id: Number(row.id), name: row.name, contentType: row.contentType, bytes: new Uint8Array(row.bytes ?? new Uint8Array()) }
}

export class FileAlreadyDone extends Error {
  constructor(readonly fileId: number) {
    super(`job file ${fileId} already has an outcome`)
    this.name = 'FileAlreadyDone'
  }
}

/**
 * Records a file's outcome and drops its bytes. Throws FileAlreadyDone when it was already
 * recorded (another worker got there first), which rolls back the caller's transaction.
 */
export async function recordFileOutcome(db: DB, fileId: number, outcome: IngestOutcome): Promise<void> {
  const updated = await db
    .updateTable('job_file')
    .set({
      status: outcome.status,
      outcome: JSON.stringify(outcome),
      document_id: outcome.document?.id ?? null,
      bytes: null,
      done_at: sql<Date>`now()`,
    })
    .where('id', '=', fileId)
    .where('status', 'is', null)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw new FileAlreadyDone(fileId)
}

export async function countJobFiles(db: DB, jobId: number) {
  const row = await db
    .selectFrom('job_file')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(status)::int`.as('done'),
      sql<number>`count(*) filter (where status = 'ingested')::int`.as('ingested'),
      sql<number>`count(*) filter (where status = 'duplicate')::int`.as('duplicate'),
      sql<number>`count(*) filter (where status = 'refused')::int`.as('refused'),
    ])
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow()
  return {
    total: Number(row.total),
    done: Number(row.done),
    ingested: Number(row.ingested),
    duplicate: Number(row.duplicate),
    refused: Number(row.refused),
  }
}

/** Outcomes so far, in upload order; files still waiting are left out. */
export async function listJobFileOutcomes(db: DB, jobId: number): Promise<IngestOutcome[]> {
  const rows = await db
    .selectFrom('job_file')
    .select(['outcome'])
    .where('job_id', '=', jobId)
    .where('status', 'is not', null)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.outcome as IngestOutcome)
}
