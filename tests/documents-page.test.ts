import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as listLoader } from '#app/routes/documents._index.tsx'
import { action as documentAction, loader as documentLoader } from '#app/routes/documents.$id.tsx'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createDocument, createTheme, createUser, getRequest, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeReportPdf } from './fixtures/documents.ts'

// One document's page: its text with the mentions marked, corrections to its metadata
// (analysts only, audited, refused next to the field), and deleting it.

let conn: Connection
let analyst: string
let viewer: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Tencent', 'Baidu', 'Kuaishou'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  await createDocument(conn.db, {
    title: 'Kuaishou note',
    text: 'Kuaishou 快手 shows Kling video generation.',
    publisher: 'Desk',
    publishedOn: '2024-02-20',
  })
  await ingestDocument(conn.db, { file: { name: 'outlook.pdf', bytes: await makeReportPdf() } })
})
afterAll(async () => {
  await conn?.close()
})

describe('one document', () => {
  it('lets analysts correct title, publisher, date, tags and themes, audited; bad input is refused next to the field', async () => {
    const id = (await conn.db.selectFrom('document').select('id').where('title', '=', 'Kuaishou note').executeTakeFirstOrThrow()).id
    const theme = await createTheme(conn.db)
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
