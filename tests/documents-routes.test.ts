import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as listAction, loader as listLoader } from '#app/routes/documents._index.tsx'
import { action as documentAction, loader as documentLoader } from '#app/routes/documents.$id.tsx'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { makeBinary, makeEncryptedPdf, makeReportPdf, type StreamPart, uploadRequest, utf8 } from './fixtures/documents.ts'

let conn: Connection
let analyst: string
let viewer: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await seedDemoData(conn.db)
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

describe('one document', () => {
  it('lets analysts correct title, publisher, date, tags and themes, audited; bad input is refused next to the field', async () => {
    const id = (await conn.db.selectFrom('document').select('id').where('title', '=', 'Kuaishou note').executeTakeFirstOrThrow()).id
    const theme = await conn.db.selectFrom('theme').select('id').executeTakeFirstOrThrow()
    const edit = (cookie: string, fields: Record<string, string | string[]>) =>
      respond(() =>
        documentAction({
          request: postForm(`/documents/${id}`, { intent: 'edit', ...fields }, cookie),
          params: { id: String(id) },
          context: contextFor(conn),
        }),
      )
    const good = {
      title: 'Kuaishou Kling note',
      publisher: 'CICC',
      publishedOn: '2024-02-21',
      tags: 'video, 快手',
      themeIds: [String(theme.id)],
    }
    expect((await edit(viewer, good)).status).toBe(403)
    const noTitle = await edit(analyst, { ...good, title: '  ' })
    expect(noTitle.status).toBe(400)
    expect(await noTitle.json()).toMatchObject({ errors: { title: 'validation.required' } })
    const badDate = await edit(analyst, { ...good, publishedOn: '2024-13-45x' })
    expect(await badDate.json()).toMatchObject({ errors: { publishedOn: 'documents.refused.invalidDate' } })
    const noTheme = await edit(analyst, { ...good, themeIds: ['999999'] })
    expect(noTheme.status).toBe(400)
    expect(await noTheme.json()).toMatchObject({ errors: { themeIds: 'documents.refused.themeNotFound' } })

    expect((await edit(analyst, good)).status).toBe(200)
    const page = await respond(() =>
      documentLoader({ request: getRequest(`/documents/${id}`, analyst), params: { id: String(id) }, context: contextFor(conn) }),
    )
    const data = (await page.json()) as { document: Record<string, unknown>; themes: { id: number }[]; canEdit: boolean }
    expect(data.canEdit).toBe(true)
    expect(data.document).toMatchObject({
      title: 'Kuaishou Kling note',
      publisher: 'CICC',
      publishedOn: '2024-02-21',
      tags: ['video', '快手'],
    })
    expect(data.themes.map((t) => t.id)).toEqual([theme.id])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'new_value'])
      .where('action', '=', 'document.update')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toMatchObject({ title: 'Kuaishou note', publisher: 'Desk' })
    expect(audit.new_value).toMatchObject({ title: 'Kuaishou Kling note', publisher: 'CICC', themeIds: [theme.id] })

    // The list filters by the new publisher and tag.
    const list = await respond(() =>
      listLoader({ request: getRequest('/documents?publisher=CICC&tag=video', viewer), params: {}, context: contextFor(conn) }),
    )
    const listed = (await list.json()) as { documents: { id: number }[]; publishers: string[] }
    expect(listed.documents.map((d) => d.id)).toEqual([id])
    expect(listed.publishers).toContain('CICC')
  })

  it('shows the text with mentions and deletes for analysts only', async () => {
    const id = (await conn.db.selectFrom('document').select('id').where('title', '=', 'Multimodal AI outlook').executeTakeFirstOrThrow()).id
    const page = await respond(() =>
      documentLoader({ request: getRequest(`/documents/${id}`, viewer), params: { id: String(id) }, context: contextFor(conn) }),
    )
    const data = (await page.json()) as {
      document: { body: string }
      mentions: { start: number; end: number }[]
      companies: { name: string; count: number }[]
      canDelete: boolean
    }
    expect(data.canDelete).toBe(false)
    expect(data.companies.map((c) => [c.name, c.count])).toEqual([
      ['Tencent', 3],
      ['Baidu', 2],
    ])
    expect(data.mentions.map((m) => data.document.body.slice(m.start, m.end))).toContain('ERNIE Bot')

    const missing = await respond(() =>
      documentLoader({ request: getRequest('/documents/999999', viewer), params: { id: '999999' }, context: contextFor(conn) }),
    )
    expect(missing.status).toBe(404)
    const bad = await respond(() =>
      documentLoader({ request: getRequest('/documents/abc', viewer), params: { id: 'abc' }, context: contextFor(conn) }),
    )
    expect(bad.status).toBe(404)

    const del = (cookie: string, docId: number) =>
      respond(() =>
        documentAction({
          request: postForm(`/documents/${docId}`, { intent: 'delete' }, cookie),
          params: { id: String(docId) },
          context: contextFor(conn),
        }),
      )
    expect((await del(viewer, id)).status).toBe(403)
    const done = await del(analyst, id)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/documents?deleted=1')
    expect((await del(analyst, id)).status).toBe(404)
  })
})
