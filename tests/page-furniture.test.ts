import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeReportPdf } from './fixtures/documents.ts'

// A broker's header and disclaimer on every page count once, not once per page: for a
// PDF made here and for pasted text with form-feed page breaks. Text without pages keeps
// every line.

let conn: Connection
let tencentId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  tencentId = (await createCompanies(conn.db, ['Tencent', 'Baidu'])).Tencent.id
})
afterAll(async () => {
  await conn?.close()
})

async function stored(documentId: number) {
  const doc = await conn.db
    .selectFrom('document')
    .select(['body', 'furniture_lines_removed'])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow()
  const tencent = await conn.db
    .selectFrom('mention')
    .select('start_offset')
    .where('document_id', '=', documentId)
    .where('company_id', '=', tencentId)
    .execute()
  return { ...doc, tencentMentions: tencent.length }
}

describe('repeated page furniture', () => {
  it('counts a PDF header that names a company once, and stores how many lines were removed', async () => {
    const bodies = [
      'Video models moved this week.',
      'Baidu ships ERNIE Bot.',
      'Risks: slower adoption.',
      'Tencent Hunyuan opens its weights.',
    ]
    const bytes = await makeReportPdf(
      bodies.map((body, i) => ['Tencent Holdings equity research', body, 'See the last page for the disclaimer.', `Page ${i + 1} of 4`]),
      { title: 'Tencent update' },
    )
    const result = await ingestDocument(conn.db, { file: { name: 'tencent.pdf', bytes } })
    const doc = await stored(result.document.id)
    expect(doc.furniture_lines_removed).toBe(9)
    // The header once, plus the last page's own "Tencent" and "Hunyuan" (not four headers).
    expect(doc.tencentMentions).toBe(3)
    expect(doc.body).toContain('Page 1 of 4')
    expect(doc.body).not.toContain('Page 2 of 4')
    for (const body of bodies) expect(doc.body).toContain(body)
  })

  it('does the same for pasted text with form-feed page breaks', async () => {
    const pages = ['腾讯控股 | 公司研究', '混元视频模型开源。', '第 1 页 / 共 3 页'].join('\n')
    const text = [
      pages,
      pages.replace('混元视频模型开源。', '广告收入增长。').replace('第 1', '第 2'),
      pages.replace('混元视频模型开源。', '游戏业务稳定。').replace('第 1', '第 3'),
    ].join('\f')
    const doc = await stored((await ingestDocument(conn.db, { text, title: '腾讯周报' })).document.id)
    expect(doc.furniture_lines_removed).toBe(4)
    expect(doc.tencentMentions).toBe(2)
    expect(doc.body).toContain('游戏业务稳定。')
  })

  it('keeps every line of text without page breaks', async () => {
    const text = [
      'Tencent Holdings equity research',
      'One.',
      'Tencent Holdings equity research',
      'Two.',
      'Tencent Holdings equity research',
      'Three.',
    ].join('\n')
    const doc = await stored((await ingestDocument(conn.db, { text })).document.id)
    expect(doc.furniture_lines_removed).toBe(0)
    expect(doc.tencentMentions).toBe(3)
  })
})
