import { createHash } from 'node:crypto'

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { claimNextJob, enqueueJob, getJob, reportJobProgress } from '#app/models/ops/index.server.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'

import { RESCAN_JOB_KIND, rescanDocumentsHandler } from './rescan-documents-job.server.ts'
import { startJobRunner } from './runner.server.ts'

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
  for (let i = 0; i < 7; i++) {
    const body = `Report ${i} on multimodal models and video generation.`
    await conn.db
      .insertInto('document')
      .values({ title: `Report ${i}`, language: 'en', content_hash: createHash('sha256').update(body).digest('hex'), body })
      .execute()
  }
})
afterAll(async () => {
  await conn?.close()
})

describe('the rescan job', () => {
  it('goes through every document in batches and, after a restart, continues after the last batch', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const ids = (await conn.db.selectFrom('document').select('id').orderBy('id').execute()).map((r) => r.id)
    const id = await enqueueJob(conn.db, { kind: RESCAN_JOB_KIND })
    // A first process got through 3 documents, saved its place and died.
    const dead = await claimNextJob(conn.db, 'dead', [RESCAN_JOB_KIND])
    await reportJobProgress(conn.db, dead!, { done: 3, total: 7, cursor: { afterId: ids[2], done: 3, added: 0, removed: 0, updated: 0 } })
    await conn.db
      .updateTable('job')
      .set({ lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute()

    const runner = startJobRunner(conn.db, {
      workerId: 'w',
      handlers: { [RESCAN_JOB_KIND]: rescanDocumentsHandler({ batchSize: 2 }) },
      pollMs: 20,
    })
    const deadline = Date.now() + 15_000
    while ((await getJob(conn.db, id))?.status !== 'done' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
    await runner.stop()
    expect(await getJob(conn.db, id)).toMatchObject({ status: 'done', done: 7, total: 7, result: { documents: 7 } })
  })
})
