import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { enqueueBulkUpload } from '#app/models/document/index.server.ts'
import { cancelJob, claimNextJob, getJob } from '#app/models/ops/index.server.ts'
import { action as listAction } from '#app/routes/documents._index.tsx'
import { loader as jobLoader } from '#app/routes/jobs.$id.tsx'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import { INGEST_FILES_JOB_KIND, ingestFilesHandler } from '#app/services/jobs/ingest-files-job.server.ts'
import { startJobRunner } from '#app/services/jobs/runner.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeBinary, makeReportPdf, type StreamPart, uploadRequest, utf8 } from './fixtures/documents.ts'

// Long document work as background jobs: a bulk upload stored with its job and ingested
// file by file (surviving a crash without ingesting anything twice), and "find mentions
// again" started from the documents page.

let conn: Connection
let analyst: string
let viewer: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Kuaishou', 'Tencent', 'Baidu', 'Meitu', 'SenseTime'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn?.close()
})

const upload = (parts: StreamPart[], cookie = analyst) => uploadRequest(parts, cookie)
const post = (request: Request) => respond(() => listAction({ request, params: {}, context: contextFor(conn) }))
const count = async (table: 'document' | 'job_file') =>
  Number(
    (
      await conn.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const jobIdFrom = (res: Response) => Number(res.headers.get('Location')?.match(/^\/jobs\/(\d+)$/)?.[1])

async function waitForJob(id: number) {
  const deadline = Date.now() + 30_000
  while (!(await getJob(conn.db, id))?.finished && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
  return getJob(conn.db, id)
}

describe('a bulk upload', () => {
  it('is stored with a job, and the browser goes to the job page', async () => {
    const notes = ['快手可灵发布新版本。', 'Tencent Hunyuan video.', 'Baidu ERNIE Bot 4.5.', 'Meitu Miracle Vision.']
    const res = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'tags', value: 'bulk' },
        { name: 'files', filename: 'outlook.pdf', contentType: 'application/pdf', bytes: await makeReportPdf() },
        ...notes.map((text, i) => ({ name: 'files', filename: `note-${i}.txt`, contentType: 'text/plain', bytes: utf8(text) })),
        { name: 'files', filename: 'note-0-copy.txt', contentType: 'text/plain', bytes: utf8(` ${notes[0]} `) },
        { name: 'files', filename: 'photo.txt', bytes: makeBinary() },
      ]),
    )
    expect(res.status).toBe(302)
    const id = jobIdFrom(res)
    expect(await getJob(conn.db, id)).toMatchObject({ kind: INGEST_FILES_JOB_KIND, status: 'queued', total: 7, done: 0 })
    expect(await count('job_file')).toBe(7)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'job.enqueue')
      .where('entity_id', '=', String(id))
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('continues after a crash where it stopped, ingesting each file once, and lists every outcome with links', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const id = (await conn.db.selectFrom('job').select('id').where('kind', '=', INGEST_FILES_JOB_KIND).executeTakeFirstOrThrow()).id
    const documentsBefore = await count('document')
    const ingestAudits = async () =>
      (await conn.db.selectFrom('audit_log').select('id').where('action', '=', 'document.ingest').execute()).length
    const auditsBefore = await ingestAudits()
    // A first worker gets through three files, then its process dies.
    const claimed = await claimNextJob(conn.db, 'dead', [INGEST_FILES_JOB_KIND])
    const crash = new Error('killed')
    await expect(
      ingestFilesHandler()(
        conn.db,
        claimed!,
        async (done) => {
          if (done === 3) throw crash
        },
        new AbortController().signal,
      ),
    ).rejects.toBe(crash)
    expect(await count('document')).toBe(documentsBefore + 3)
    await conn.db
      .updateTable('job')
      .set({ lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute()

    // After the restart another worker takes the job over from the fourth file.
    const runner = startJobRunner(conn.db, {
      workerId: 'after-restart',
      handlers: { [INGEST_FILES_JOB_KIND]: ingestFilesHandler() },
      pollMs: 20,
    })
    const job = await waitForJob(id)
    await runner.stop()
    expect(job).toMatchObject({ status: 'done', done: 7, total: 7, result: { files: 7, ingested: 5, duplicate: 1, refused: 1 } })
    expect(await count('document')).toBe(documentsBefore + 5)
    expect(await ingestAudits()).toBe(auditsBefore + 5)
    // Bytes are dropped once a file is done.
    expect(await conn.db.selectFrom('job_file').select('id').where('job_id', '=', id).where('bytes', 'is not', null).execute()).toEqual([])

    const page = await respond(() =>
      jobLoader({ request: getRequest(`/jobs/${id}`, viewer), params: { id: String(id) }, context: contextFor(conn) }),
    )
    const { files } = (await page.json()) as {
      files: {
        counts: Record<string, number>
        outcomes: { name: string; status: string; reason?: string; document?: { id: number; title: string } }[]
      }
    }
    expect(files.counts).toMatchObject({ total: 7, done: 7, ingested: 5, duplicate: 1, refused: 1 })
    expect(files.outcomes.map((o) => [o.name, o.status, o.reason ?? null])).toEqual([
      ['outlook.pdf', 'ingested', null],
      ['note-0.txt', 'ingested', null],
      ['note-1.txt', 'ingested', null],
      ['note-2.txt', 'ingested', null],
      ['note-3.txt', 'ingested', null],
      ['note-0-copy.txt', 'duplicate', null],
      ['photo.txt', 'refused', 'documents.refused.binary'],
    ])
    expect(files.outcomes[5].document!.id).toBe(files.outcomes[1].document!.id)
    const tags = await conn.db
      .selectFrom('document')
      .select('tags')
      .where('id', '=', files.outcomes[0].document!.id)
      .executeTakeFirstOrThrow()
    expect(tags.tags).toEqual(['bulk'])
  })

  it('leaves neither document nor outcome when the transaction that records them fails', async () => {
    const before = await count('document')
    const failure = new Error('disk full')
    await expect(
      ingestDocument(conn.db, { text: 'SenseTime shows a new video model.' }, { onStored: async () => Promise.reject(failure) }),
    ).rejects.toBe(failure)
    expect(await count('document')).toBe(before)
  })

  it('drops the files of a cancelled upload when the next one is stored', async () => {
    const actor = { id: (await createUser(conn.db, { role: 'analyst' })).id }
    const meta = { publisher: '', publishedOn: null, tags: [], themeIds: [] }
    const files = [{ name: 'a.txt', contentType: 'text/plain', bytes: utf8('Cancelled upload about Baidu.') }]
    const cancelled = await enqueueBulkUpload(conn.db, actor, { files, refused: [], meta })
    expect(await cancelJob(conn.db, actor, cancelled)).toBe(true)
    await enqueueBulkUpload(conn.db, actor, { files, refused: [], meta })
    const kept = await conn.db.selectFrom('job_file').select('id').where('job_id', '=', cancelled).where('bytes', 'is not', null).execute()
    expect(kept).toEqual([])
  })

  it('lets only analysts upload', async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({ name: 'files', filename: `v${i}.txt`, bytes: utf8(`viewer ${i}`) }))
    expect((await post(upload([{ name: 'intent', value: 'upload' }, ...parts], viewer))).status).toBe(403)
  })
})

describe('finding mentions again from the documents page', () => {
  it('starts one rescan job for analysts, audited; a second click joins it', async () => {
    const rescan = (cookie: string) => post(postForm('/documents', { intent: 'rescan' }, cookie))
    expect((await rescan(viewer)).status).toBe(403)
    const first = await rescan(analyst)
    expect(first.status).toBe(302)
    const id = jobIdFrom(first)
    expect(await getJob(conn.db, id)).toMatchObject({ kind: 'documents.rescan', status: 'queued', total: await count('document') })
    expect(jobIdFrom(await rescan(analyst))).toBe(id)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'job')
      .where('entity_id', '=', String(id))
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['job.enqueue'])
  })
})
