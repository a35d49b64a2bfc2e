import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clearMentionMatcherCache } from '#app/models/mentions/index.server.ts'
import { refreshDocumentRelevance } from '#app/models/mentions/mention-relevance.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createCompany, createDocument } from './factories.ts'

// A new document's mentions are stored with their relevance worked out from the text in
// hand (issue 14: no read-back and update of 3,200 rows). What a reader notices is the
// "about" / "in passing" split on /mentions: it must be what the stored text gives, as a
// rescan or a rejection recomputes it, also when the text has characters outside the BMP
// (PostgreSQL counts those as one character, JavaScript as two).

let conn: Connection

beforeAll(async () => {
  conn = await createTestDatabase()
  clearMentionMatcherCache()
  await createCompany(conn.db, {
    nameEn: 'Apple Inc',
    nameZh: '苹果公司',
    region: 'overseas',
    aliases: [{ text: 'Apple', kind: 'product' }],
  })
  await createCompany(conn.db, {
    nameEn: 'Banana Corp',
    nameZh: '香蕉公司',
    region: 'overseas',
    aliases: [{ text: 'Banana Corp', kind: 'name' }],
  })
})
afterAll(async () => {
  await conn?.close()
})

async function relevanceByCompany(documentId: number) {
  const rows = await conn.db
    .selectFrom('mention')
    .innerJoin('company', 'company.id', 'mention.company_id')
    .select(['company.name_en as company', 'mention.relevance'])
    .where('document_id', '=', documentId)
    .orderBy('mention.id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.company, r.relevance]))
}

describe('relevance stored with a new document’s mentions', () => {
  it('is what recomputing it from the stored document gives, with rare CJK characters counted as PostgreSQL counts them', async () => {
    // 1,200 characters of CJK Extension B (two UTF-16 units each) before the mentions: by
    // characters, Apple's 3 mentions in ~1,430 are dense (>= 2 per 1,000); by UTF-16 units
    // (~2,630) they would not be.
    const rare = '𠀀'.repeat(1200)
    const texts = [
      `${rare}\n\n${'Banana Corp said so. '.repeat(10)}Apple. Apple. Apple.`,
      'Apple raised its outlook. Banana Corp did not.',
      `${'Spending on cloud capacity kept rising across the sector. '.repeat(15)}\n\nApple and Banana Corp were not in the survey.`,
    ]
    const expected = [
      { 'Apple Inc': 'about', 'Banana Corp': 'about' },
      { 'Apple Inc': 'about', 'Banana Corp': 'about' },
      { 'Apple Inc': 'passing', 'Banana Corp': 'passing' },
    ]
    for (const [i, text] of texts.entries()) {
      const { document } = await createDocument(conn.db, { title: `Sector note ${i}`, text })
      const stored = await relevanceByCompany(document.id)
      expect({ text: i, ...stored }).toEqual({ text: i, ...expected[i] })
      await refreshDocumentRelevance(conn.db, document.id)
      expect(await relevanceByCompany(document.id)).toEqual(stored)
    }
  })
})
