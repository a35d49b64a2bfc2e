import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { searchTextOf } from '#app/ingest/search-text.ts'
import { searchDocuments } from '#app/models/document/index.server.ts'
import { findMentionRows, getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { claimNextJob, getJob } from '#app/models/ops/index.server.ts'
import { action as listAction } from '#app/routes/documents._index.tsx'
import { loader as healthLoader } from '#app/routes/healthz.tsx'
import { INGEST_FILES_JOB_KIND, ingestFilesHandler } from '#app/services/jobs/ingest-files-job.server.ts'
import { closeWorkerPool, workerPool } from '#app/workers/pool.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeReportPdf, uploadRequest } from './fixtures/documents.ts'

// A bulk upload with extraction and matching in worker threads (app/workers): it stores
// the mentions the calling thread would find, and the server keeps answering meanwhile.

let conn: Connection
let analyst: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Kuaishou', 'Tencent', 'Baidu', 'SenseTime'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
})
afterAll(async () => {
  await closeWorkerPool()
  await conn?.close()
})

const LINES = [
  'Tencent applies Hunyuan to advertising; Baidu ships ERNIE Bot.',
  'Kuaishou Kling and SenseTime models were compared this week.',
  'Margins held up as the companies cut the cost of inference.',
]

/**
 * A report of `pages` full pages naming the companies (over 32,000 characters: matched in a
 * worker). Three numbers on a line keep it from looking like a repeated page header.
 */
function report(n: number, pages: number) {
  return makeReportPdf(
    Array.from({ length: pages }, (_, p) => [
      `Report ${n}, page ${p + 1}.`,
      ...Array.from({ length: 37 }, (_, i) => `${LINES[(i + p) % 3]} [${n}-${p + 1}-${i + 1}]`),
    ]),
  )
}

describe('a bulk upload through the worker pool', () => {
  it('stores the mentions the calling thread finds, while /healthz and the progress keep answering', async () => {
    expect(workerPool().threaded).toBe(true)
    const files = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => ({ name: `report-${n}.pdf`, bytes: await report(n, 15) })))
    const res = await respond(() =>
      listAction({
        request: uploadRequest(
          [
            { name: 'intent', value: 'upload' },
            ...files.map((f) => ({ name: 'files', filename: f.name, contentType: 'application/pdf', bytes: f.bytes })),
          ],
          analyst,
        ),
        params: {},
        context: contextFor(conn),
      }),
    )
    const jobId = Number(res.headers.get('Location')?.match(/^\/jobs\/(\d+)$/)?.[1])
    const claimed = await claimNextJob(conn.db, 'test', [INGEST_FILES_JOB_KIND])
    expect(claimed?.id).toBe(jobId)

    let finished = false
    const job = ingestFilesHandler()(conn.db, claimed!, async () => undefined, new AbortController().signal).finally(
      () => (finished = true),
    )
    // Asked right after the job starts: the answer comes while files are still being read.
    const health = await respond(() => healthLoader({ request: getRequest('/healthz', analyst), params: {}, context: contextFor(conn) }))
    const answeredBeforeTheEnd = !finished
    const progress = await getJob(conn.db, jobId)
    expect(health.status).toBe(200)
    expect(answeredBeforeTheEnd).toBe(true)
    expect(progress?.total).toBe(6)
    expect(await job).toMatchObject({ files: 6, ingested: 6 })

    // Every stored document has exactly the mentions this thread's matcher finds in its text.
    const { matcher } = await getMentionMatcher(conn.db)
    const documents = await conn.db.selectFrom('document').select(['id', 'body']).orderBy('id').execute()
    expect(documents).toHaveLength(6)
    expect(documents.every((doc) => doc.body.length > 32_000)).toBe(true)
    for (const doc of documents) {
      const stored = await conn.db
        .selectFrom('mention')
        .select(['company_id as companyId', 'start_offset as start', 'end_offset as end', 'rule'])
        .where('document_id', '=', doc.id)
        .orderBy('start_offset')
        .execute()
      const expected = findMentionRows(matcher, doc.body).map(({ companyId, start, end, rule }) => ({ companyId, start, end, rule }))
      expect(stored).toEqual(expected)
      expect(stored.length).toBeGreaterThanOrEqual(24)
    }

    // ... and the search index rows a worker worked out are the ones this thread would write.
    const indexed = await conn.db
      .selectFrom('document_search as s')
      .innerJoin('document as d', 'd.id', 's.document_id')
      .select(['d.title', 'd.body', 's.plain', sql<string>`s.words::text`.as('words')])
      .orderBy('d.id')
      .execute()
    expect(indexed).toHaveLength(6)
    for (const row of indexed) {
      const expected = searchTextOf(row.title, row.body)
      expect(row.plain).toBe(expected.plain)
      expect(row.words).toBe((await sql<{ v: string }>`select ${expected.words}::tsvector::text as v`.execute(conn.db)).rows[0].v)
    }
    expect((await searchDocuments(conn.db, { query: 'Hunyuan advertising' })).total).toBe(6)
  }, 120_000)
})
