import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as listAction, loader as listLoader } from '#app/routes/documents._index.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeBinary, makeEncryptedPdf, makeReportPdf, type StreamPart, uploadRequest, utf8 } from './fixtures/documents.ts'

let conn: Connection
let analyst: string
let viewer: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Tencent', 'Baidu', 'Kuaishou'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn?.close()
})

const upload = (parts: StreamPart[], cookie = analyst, headers: Record<string, string> = {}) => uploadRequest(parts, cookie, headers)
const post = (request: Request) => respond(() => listAction({ request, params: {}, context: contextFor(conn) }))
const documentCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

interface Outcome {
  name: string
  status: string
  reason?: string
  document?: { id: number; title: string }
  mentions?: number
}

describe('adding documents from the browser', () => {
  it('uploads several files and reports each: ingested, already ingested or refused with the reason', async () => {
    const pdf = await makeReportPdf()
    const res = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'publisher', value: '' },
        { name: 'tags', value: 'weekly, 周报' },
        { name: 'files', filename: 'outlook.pdf', contentType: 'application/pdf', bytes: pdf },
        { name: 'files', filename: 'notes-zh.txt', contentType: 'text/plain', bytes: utf8('腾讯和百度都发布了多模态模型。') },
        { name: 'files', filename: 'same-again.pdf', contentType: 'application/pdf', bytes: pdf },
        { name: 'files', filename: 'photo.txt', bytes: makeBinary() },
        { name: 'files', filename: 'locked.pdf', bytes: makeEncryptedPdf() },
      ]),
    )
    expect(res.status).toBe(200)
    const { outcomes } = (await res.json()) as { outcomes: Outcome[] }
    expect(outcomes.map((o) => [o.name, o.status, o.reason ?? null])).toEqual([
      ['outlook.pdf', 'ingested', null],
      ['notes-zh.txt', 'ingested', null],
      ['same-again.pdf', 'duplicate', null],
      ['photo.txt', 'refused', 'documents.refused.binary'],
      ['locked.pdf', 'refused', 'documents.refused.encryptedPdf'],
    ])
    expect(outcomes[0]).toMatchObject({ document: { title: 'Multimodal AI outlook' }, mentions: 5 })
    expect(outcomes[2].document!.id).toBe(outcomes[0].document!.id)
    const stored = await conn.db
      .selectFrom('document')
      .select(['tags', 'created_by'])
      .where('id', '=', outcomes[1].document!.id)
      .executeTakeFirstOrThrow()
    expect(stored.tags).toEqual(['weekly', '周报'])
  })

  it('refuses an empty file and a corrupt PDF with their reasons and a 4xx, storing nothing', async () => {
    const before = await documentCount()
    const res = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'files', filename: 'empty.md', bytes: new Uint8Array() },
        { name: 'files', filename: 'broken.pdf', contentType: 'application/pdf', bytes: utf8('%PDF-1.7\n1 0 obj <</Type /Catalog') },
      ]),
    )
    expect(res.status).toBe(400)
    const { outcomes } = (await res.json()) as { outcomes: Outcome[] }
    expect(outcomes.map((o) => [o.name, o.reason])).toEqual([
      ['empty.md', 'documents.refused.empty'],
      ['broken.pdf', 'documents.refused.corruptPdf'],
    ])
    expect(await documentCount()).toBe(before)
  })

  it('refuses a 200 MB file with 413 while streaming it, keeping nothing', async () => {
    const before = await documentCount()
    const rss = process.memoryUsage().rss
    const res = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'files', filename: 'huge.pdf', size: 200 * 1024 * 1024 },
      ]),
    )
    expect(res.status).toBe(413)
    const { outcomes } = (await res.json()) as { outcomes: Outcome[] }
    expect(outcomes).toEqual([{ name: 'huge.pdf', status: 'refused', reason: 'documents.refused.tooLarge?max=50' }])
    // Streamed, not buffered: far less than the 200 MB went through memory at once.
    expect(process.memoryUsage().rss - rss).toBeLessThan(120 * 1024 * 1024)
    expect(await documentCount()).toBe(before)
  })

  it('refuses a request declaring more than the total limit before reading it', async () => {
    const res = await post(upload([{ name: 'intent', value: 'upload' }], analyst, { 'Content-Length': String(2 * 1024 ** 3) }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/^documents\.uploadTooLarge/) } })
  })

  it('asks for a file when none was chosen, and refuses a lone bad file with a 4xx', async () => {
    const none = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'files', filename: '', size: 0 },
      ]),
    )
    expect(none.status).toBe(400)
    expect(await none.json()).toMatchObject({ errors: { files: 'documents.noFiles' } })
    const docx = await post(
      upload([
        { name: 'intent', value: 'upload' },
        { name: 'files', filename: 'memo.docx', bytes: utf8('PK') },
      ]),
    )
    expect(docx.status).toBe(415)
  })

  it('adds pasted text, says when it is already there, and refuses empty text next to the field', async () => {
    const fields = {
      intent: 'paste',
      title: 'Kuaishou note',
      text: 'Kuaishou 快手 shows Kling video generation.',
      publisher: 'Desk',
      publishedOn: '2024-02-20',
      tags: '',
    }
    const first = await post(upload(Object.entries(fields).map(([name, value]) => ({ name, value }))))
    expect(first.status).toBe(200)
    const { outcomes } = (await first.json()) as { outcomes: Outcome[] }
    expect(outcomes[0]).toMatchObject({ status: 'ingested', document: { title: 'Kuaishou note' } })
    const again = await post(upload(Object.entries({ ...fields, title: 'Other' }).map(([name, value]) => ({ name, value }))))
    expect(((await again.json()) as { outcomes: Outcome[] }).outcomes[0].status).toBe('duplicate')

    const empty = await post(upload(Object.entries({ ...fields, text: ' … ' }).map(([name, value]) => ({ name, value }))))
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ ok: false, errors: { text: 'documents.refused.empty' } })
    const badDate = await post(upload(Object.entries({ ...fields, publishedOn: '5 March' }).map(([name, value]) => ({ name, value }))))
    expect(badDate.status).toBe(400)
    expect(await badDate.json()).toMatchObject({ errors: { publishedOn: 'documents.refused.invalidDate' } })
    const noTitle = await post(postForm('/documents', { intent: 'paste', text: 'Tencent' }, analyst))
    expect(await noTitle.json()).toMatchObject({ errors: { title: 'validation.required' } })
  })

  it('lets viewers read but not add', async () => {
    const res = await post(
      upload(
        [
          { name: 'intent', value: 'paste' },
          { name: 'title', value: 'x' },
          { name: 'text', value: 'Tencent' },
        ],
        viewer,
      ),
    )
    expect(res.status).toBe(403)
    const list = await respond(() =>
      listLoader({ request: getRequest('/documents?language=zh&company=abc&page=-3', viewer), params: {}, context: contextFor(conn) }),
    )
    expect(list.status).toBe(200)
    const data = (await list.json()) as {
      canEdit: boolean
      documents: { title: string; language: string }[]
      filters: Record<string, unknown>
    }
    expect(data.canEdit).toBe(false)
    expect(data.filters).toEqual({ language: 'zh' })
    expect(data.documents.length).toBeGreaterThan(0)
    expect(data.documents.map((d) => d.language)).toEqual(data.documents.map(() => 'zh'))
  })
})
