import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { foldAliasKey } from '#app/mentions/index.ts'
import { findMentionRows, getMentionMatcher, insertMentions } from '#app/models/mentions/index.server.ts'
import { rematchCompany } from '#app/services/jobs/rematch-company-job.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createAlias, createCompany, createDocument } from './factories.ts'
import type { CompanyOverrides } from './factories/companies.ts'

// Re-matching one company's history after its aliases change must leave exactly the
// mentions a rescan from scratch would: every row, for every company, with its alias,
// offsets, rule and relevance. Small batches, so the rematch takes several.

let conn: Connection
let ids: Record<'runway' | 'pika' | 'stability' | 'luma', number>

const TEXTS = [
  'Video generation rivals include Sora, Stability and Runway, and Pika ships a new model.',
  'Stability was the word of the quarter: the central bank wants price stability.',
  'Runway shows at fashion week were long; nothing about software here.',
  'Luma Labs and Pika Labs both released text-to-video models this week.',
  'Pika is also a mobile game character; the Pika Labs app is unrelated to it.',
  'We met Stability AI in Shenzhen. Stability said its next model ships in spring.',
  'A report on apple orchards: Luma is the name of a fruit stand on the corner.',
  'Luma shipped Dream Machine 2; rivals Runway and Pika Labs answered within days.',
]

beforeAll(async () => {
  conn = await createTestDatabase()
  const make = (nameEn: string, nameZh: string, aliases: NonNullable<CompanyOverrides['aliases']> = []) =>
    createCompany(conn.db, { nameEn, nameZh, region: 'overseas', aliases }).then((c) => c.id)
  ids = {
    runway: await make('Runway AI', 'Runway公司', [{ text: 'Runway', kind: 'short_name', ambiguous: true }]),
    pika: await make('Pika Labs', '皮卡实验室', [{ text: 'Pika', kind: 'short_name' }]),
    stability: await make('Stability AI', '稳定智能'),
    luma: await make('Luma Labs', '路马实验室', [{ text: 'Luma', kind: 'short_name' }]),
  }
  for (const text of TEXTS) await createDocument(conn.db, { text })
})
afterAll(async () => {
  await conn?.close()
})

type Row = Record<string, unknown>
const snapshot = async (db = conn.db): Promise<Row[]> =>
  (
    await sql<Row>`select document_id, company_id, alias_id, alias_text, start_offset, end_offset, snippet, rule, rule_detail,
      confidence, relevance from mention order by document_id, start_offset, company_id`.execute(db)
  ).rows

/** Every document's mentions found again from nothing (in a transaction rolled back afterwards). */
async function rescanFromScratch(): Promise<Row[]> {
  let rows: Row[] = []
  const rollback = new Error('rollback')
  await conn.db
    .transaction()
    .execute(async (tx) => {
      const { matcher } = await getMentionMatcher(tx)
      await tx.deleteFrom('mention').execute()
      for (const doc of await tx.selectFrom('document').select(['id', 'body']).orderBy('id').execute())
        await insertMentions(tx, doc.id, findMentionRows(matcher, doc.body))
      rows = await snapshot(tx)
      throw rollback
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error
    })
  return rows
}

async function expectRematchEqualsRescan(companyId: number) {
  const before = await snapshot()
  const result = await rematchCompany(conn.db, companyId, { batchSize: 3 })
  const after = await snapshot()
  expect(result.done).toBe(TEXTS.length)
  // The edit changed something, so the comparison below is not of two untouched tables.
  expect(after).not.toEqual(before)
  expect(result.changed).toBeGreaterThan(0)
  expect(after).toEqual(await rescanFromScratch())
  // Once up to date, a second rematch finds nothing to do.
  expect((await rematchCompany(conn.db, companyId, { batchSize: 3 })).changed).toBe(0)
}

describe("re-matching one company's history", () => {
  it('starts from what ingest stored, which is what a rescan finds', async () => {
    expect(await snapshot()).toEqual(await rescanFromScratch())
  })

  it('equals a full rescan after an alias is added (its mentions can be list context for others)', async () => {
    await createAlias(conn.db, { companyId: ids.stability, text: 'Stability', kind: 'short_name' })
    await expectRematchEqualsRescan(ids.stability)
  })

  it('equals a full rescan after an alias is marked ambiguous', async () => {
    await conn.db
      .updateTable('company_alias')
      .set({ is_ambiguous: true })
      .where('company_id', '=', ids.stability)
      .where('text', '=', 'Stability')
      .execute()
    await expectRematchEqualsRescan(ids.stability)
  })

  it('equals a full rescan after a negative-context word is added', async () => {
    await conn.db
      .updateTable('company_alias')
      .set({ negative_context: ['fruit'] })
      .where('company_id', '=', ids.luma)
      .where('text', '=', 'Luma')
      .execute()
    await expectRematchEqualsRescan(ids.luma)
  })

  it('equals a full rescan after an analyst rejects an alias in one document (a review rule)', async () => {
    const doc = await conn.db
      .selectFrom('mention')
      .select('document_id')
      .where('company_id', '=', ids.pika)
      .orderBy('document_id')
      .executeTakeFirstOrThrow()
    await conn.db
      .insertInto('mention_review_rule')
      .values({ company_id: ids.pika, alias_key: foldAliasKey('Pika'), scope: 'document', document_id: doc.document_id })
      .execute()
    await expectRematchEqualsRescan(ids.pika)
  })

  it('equals a full rescan after an alias is removed', async () => {
    await conn.db.deleteFrom('company_alias').where('company_id', '=', ids.pika).where('text', '=', 'Pika').execute()
    await expectRematchEqualsRescan(ids.pika)
  })
})
