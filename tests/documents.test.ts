import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { IngestError } from '#app/ingest/ingest-error.ts'
import { deleteDocument, getDocumentWithMentions, listDocuments } from '#app/models/document/index.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createTheme, createUser } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeEncryptedPdf, makeReportPdf } from './fixtures/documents.ts'

let conn: Connection
let analystId: number
let themeId: number
let baiduId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  const { Baidu } = await createCompanies(conn.db, ['Tencent', 'Baidu', 'Alibaba', 'Kuaishou', 'Meitu', 'SenseTime', 'iFlytek'])
  baiduId = Baidu.id
  analystId = (await createUser(conn.db, { role: 'analyst' })).id
  themeId = (await createTheme(conn.db)).id
})
afterAll(async () => {
  await conn?.close()
})

const count = async (table: 'document' | 'mention' | 'document_theme') =>
  Number(
    (
      await conn.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const auditCount = async (action: string) =>
  Number(
    (
      await conn.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  )

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error instanceof IngestError ? error.reason : error
  }
  return null
}

describe('ingesting a multi-page PDF', () => {
  it('stores the document with metadata from the file and mentions with offsets, alias and snippet', async () => {
    const result = await ingestDocument(conn.db, {
      file: { name: 'cicc-outlook.pdf', bytes: await makeReportPdf() },
      tags: ['broker', 'CICC'],
      themeIds: [themeId],
      createdBy: analystId,
    })
    expect(result.document).toMatchObject({ title: 'Multimodal AI outlook', publishedAt: '2024-03-05', duplicate: false })
    const names = Object.fromEntries(result.companies.map((c) => [c.name, c]))
    expect(names.Tencent).toMatchObject({ nameZh: '腾讯', count: 3 }) // Tencent and Hunyuan on page 1, Tencent on page 2
    expect(names.Baidu).toMatchObject({ nameZh: '百度', count: 2 }) // Baidu and ERNIE Bot on page 2
    expect(result.mentions).toBe(5)

    const found = await getDocumentWithMentions(conn.db, result.document.id)
    expect(found!.document).toMatchObject({ publisher: 'CICC', language: 'en', fileName: 'cicc-outlook.pdf', tags: ['broker', 'CICC'] })
    expect(found!.themes.map((t) => t.id)).toEqual([themeId])
    const body = found!.document.body
    const pageTwo = body.indexOf('Part two.')
    for (const m of found!.mentions) expect(body.slice(m.start, m.end).toLowerCase()).toBe(m.aliasText.toLowerCase())
    expect(found!.mentions.filter((m) => m.aliasText === 'Tencent').map((m) => m.start < pageTwo)).toEqual([true, false])
    const rows = await conn.db.selectFrom('mention').select(['alias_id', 'snippet']).where('document_id', '=', result.document.id).execute()
    expect(rows.every((r) => r.alias_id !== null && r.snippet.length > 0 && r.snippet.length <= 1000)).toBe(true)

    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['user_id', 'new_value', 'entity_id'])
      .where('action', '=', 'document.ingest')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ user_id: analystId, entity_id: String(result.document.id) })
    expect(audit.new_value).toMatchObject({ title: 'Multimodal AI outlook', mentions: 5 })
    expect((audit.new_value as { hash: string }).hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('finds Chinese company names in Chinese text and HTML', async () => {
    const text = await ingestDocument(conn.db, { text: '腾讯的混元与百度的文心一言都在推进多模态。快手的可灵也值得关注。', title: '周报' })
    expect(text.companies.map((c) => c.nameZh).sort()).toEqual(['快手', '百度', '腾讯'].sort())
    const html = await ingestDocument(conn.db, {
      html: '<html><head><meta property="og:site_name" content="36氪"></head><body><p>阿里巴巴的通义千问支持图像理解。</p></body></html>',
    })
    expect(html.companies.map((c) => c.name)).toEqual(['Alibaba'])
    const doc = await getDocumentWithMentions(conn.db, html.document.id)
    expect(doc!.document).toMatchObject({ language: 'zh', publisher: '36氪', title: '阿里巴巴的通义千问支持图像理解。' })
  })
})

describe('idempotence', () => {
  it('stores the same content once, whatever its white space or width', async () => {
    const before = { documents: await count('document'), mentions: await count('mention'), audits: await auditCount('document.ingest') }
    const first = await ingestDocument(conn.db, { text: 'Meitu launched Miracle Vision 4.0 for e-commerce images.', title: 'Meitu note' })
    const again = await ingestDocument(conn.db, {
      text: '  Meitu launched   Miracle Vision 4.0\nfor e-commerce images. ',
      title: 'Other title',
      tags: ['x'],
    })
    const wide = await ingestDocument(conn.db, { text: 'Ｍｅｉｔｕ launched Miracle Vision 4.0 for e-commerce images.', title: 'Wide' })
    expect(first.document.duplicate).toBe(false)
    for (const dup of [again, wide]) {
      expect(dup.document).toEqual({ ...first.document, duplicate: true })
      expect(dup.mentions).toBe(first.mentions)
      expect(dup.companies).toEqual(first.companies)
    }
    expect(await count('document')).toBe(before.documents + 1)
    expect(await count('mention')).toBe(before.mentions + first.mentions)
    expect(await auditCount('document.ingest')).toBe(before.audits + 1)
  })

  it('treats concurrent ingests of one content as one document', async () => {
    const text = 'Kuaishou and Douyin compete for short-video creators.'
    const results = await Promise.all([1, 2, 3].map(() => ingestDocument(conn.db, { text, title: 'Race' })))
    expect(results.filter((r) => !r.document.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1)
  })
})

describe('refusals leave nothing behind', () => {
  it('refuses empty, encrypted and badly dated input', async () => {
    const documents = await count('document')
    expect(await refusal(ingestDocument(conn.db, { text: ' \n\t ', title: 'Blank' }))).toBe('empty')
    expect(await refusal(ingestDocument(conn.db, { text: '—— … ——', title: 'Punctuation only' }))).toBe('empty')
    expect(await refusal(ingestDocument(conn.db, { file: { name: 'locked.pdf', bytes: makeEncryptedPdf() } }))).toBe('encryptedPdf')
    expect(
      await refusal(ingestDocument(conn.db, { file: { name: 'a.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) } })),
    ).toBe('binary')
    expect(await refusal(ingestDocument(conn.db, { text: 'Tencent', title: 'T', publishedOn: '2024-02-30' }))).toBe('invalidDate')
    expect(await refusal(ingestDocument(conn.db, { text: 'Tencent unknown theme', title: 'T', themeIds: [999_999] }))).toBe('themeNotFound')
    expect(await count('document')).toBe(documents)
  })

  it('rolls back the document when writing its mentions fails midway', async () => {
    // A trigger that fails the fifth mention row of any document, after two batches of
    // two have been written: the transaction must take the document and them back.
    await sql`create function fail_fifth_mention() returns trigger language plpgsql as $$
      begin
        if (select count(*) from mention where document_id = new.document_id) >= 4 then
          raise exception 'simulated crash while writing mentions';
        end if;
        return new;
      end $$`.execute(conn.db)
    await sql`create trigger fail_fifth_mention before insert on mention for each row execute function fail_fifth_mention()`.execute(
      conn.db,
    )
    // As every trigger on new mentions must (decision 050): PGlite writes them in replica mode.
    await sql`alter table mention enable always trigger fail_fifth_mention`.execute(conn.db)
    const before = {
      documents: await count('document'),
      mentions: await count('mention'),
      themes: await count('document_theme'),
      audits: await auditCount('document.ingest'),
    }
    try {
      const text = 'Tencent, Baidu, Alibaba, iFlytek, SenseTime and Meitu all showed multimodal models this quarter.'
      await expect(ingestDocument(conn.db, { text, title: 'Crash', themeIds: [themeId] }, { mentionBatchSize: 2 })).rejects.toThrow(
        /simulated crash/,
      )
      expect(await conn.db.selectFrom('document').select('id').where('title', '=', 'Crash').execute()).toEqual([])
      expect({
        documents: await count('document'),
        mentions: await count('mention'),
        themes: await count('document_theme'),
        audits: await auditCount('document.ingest'),
      }).toEqual(before)
    } finally {
      await sql`drop trigger fail_fifth_mention on mention`.execute(conn.db)
      await sql`drop function fail_fifth_mention()`.execute(conn.db)
    }
  })
})

describe('listing and deleting', () => {
  it('filters by words, language, company, theme and tag', async () => {
    const all = await listDocuments(conn.db)
    expect(all.total).toBeGreaterThan(4)
    const byCompany = await listDocuments(conn.db, { companyId: baiduId })
    expect(byCompany.documents.every((d) => d.mentionCount > 0)).toBe(true)
    expect(byCompany.documents.map((d) => d.title)).toContain('Multimodal AI outlook')
    expect((await listDocuments(conn.db, { themeId })).documents.map((d) => d.title)).toEqual(['Multimodal AI outlook'])
    expect((await listDocuments(conn.db, { tag: 'CICC' })).total).toBe(1)
    expect((await listDocuments(conn.db, { q: 'outlook' })).total).toBe(1)
    expect((await listDocuments(conn.db, { q: '100%_' })).total).toBe(0)
    expect((await listDocuments(conn.db, { language: 'zh' })).documents.every((d) => d.language === 'zh')).toBe(true)
    const paged = await listDocuments(conn.db, { pageSize: 2, page: 2 })
    expect(paged.documents).toHaveLength(2)
    expect(paged.hasMore).toBe(true)
  })

  it('deletes a document with its mentions, audited', async () => {
    const doc = await ingestDocument(conn.db, { text: 'SenseTime and iFlytek demo day.', title: 'To delete' })
    expect(await deleteDocument(conn.db, { id: analystId, ip: '10.0.0.1' }, doc.document.id)).toBe(true)
    expect(await getDocumentWithMentions(conn.db, doc.document.id)).toBeNull()
    expect(await conn.db.selectFrom('mention').select('id').where('document_id', '=', doc.document.id).execute()).toEqual([])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'ip'])
      .where('action', '=', 'document.delete')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ ip: '10.0.0.1', old_value: { title: 'To delete', mentions: 2 } })
    expect(await deleteDocument(conn.db, { id: analystId }, doc.document.id)).toBe(false)
  })
})
