import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rescanAllDocuments } from '#app/models/document/index.server.ts'
import {
  clearMentionMatcherCache,
  confirmMention,
  countReviews,
  deleteReviewRule,
  insertMentions,
  listReviewQueue,
  rejectMention,
} from '#app/models/mentions/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createCompany, createDocument, createUser } from './factories.ts'

// An analyst corrects the engine: "not this company" in a phrase or in a document, and
// "yes, this company". What a user notices: the mention disappears from the document, from
// every other document with the same wording, from the weekly counts, and stays gone after
// a rescan and in new documents; undoing brings it back; a confirmation survives a rescan.

let conn: Connection
let apple: { id: number }
let analyst: { id: number }

const NUTRITION = 'an apple a day keeps the doctor away'

beforeAll(async () => {
  conn = await createTestDatabase()
  clearMentionMatcherCache()
  apple = await createCompany(conn.db, {
    nameEn: 'Apple Inc',
    nameZh: '苹果公司',
    region: 'overseas',
    aliases: [{ text: 'Apple', kind: 'product' }],
  })
  analyst = await createUser(conn.db, { role: 'analyst' })
})
afterAll(async () => {
  await conn?.close()
})

async function mentionsOf(documentId: number) {
  return conn.db
    .selectFrom('mention')
    .select(['id', 'alias_text as aliasText', 'start_offset as start', 'rule', 'confidence', 'relevance', 'confirmed_by as confirmedBy'])
    .where('document_id', '=', documentId)
    .where('company_id', '=', apple.id)
    .orderBy('start_offset')
    .execute()
}

/** The company's mentions as the dashboard counts them (the weekly rollup) and as stored. */
async function counted() {
  const rollup = await sql<{
    n: number
  }>`select coalesce(sum(mentions), 0)::int as n from mention_week where company_id = ${apple.id}`.execute(conn.db)
  const stored = await sql<{ n: number }>`select count(*)::int as n from mention where company_id = ${apple.id}`.execute(conn.db)
  return { rollup: rollup.rows[0].n, stored: stored.rows[0].n }
}

describe('storing mentions', () => {
  it('stores the rule, the confidence and the relevance of every mention', async () => {
    const about = await createDocument(conn.db, { title: 'Apple results', text: 'Apple raised its outlook for the year.' })
    const rows = await mentionsOf(about.document.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ rule: 'product', confidence: 'high', relevance: 'about' })
    const filler = 'Spending on cloud capacity kept rising across the sector in the quarter. '.repeat(12)
    const passing = await createDocument(conn.db, { title: 'Cloud capacity', text: `${filler}\n\nApple was not part of the survey.` })
    expect((await mentionsOf(passing.document.id))[0].relevance).toBe('passing')
  })
})

describe('not this company', () => {
  it('in this phrase: removes it here and in other documents with the same words, from the counts, for good', async () => {
    const first = await createDocument(conn.db, { text: `The column said: ${NUTRITION}. Separately, Apple shipped a phone.` })
    const second = await createDocument(conn.db, { text: `Health tips: ${NUTRITION}, as everyone knows.` })
    const before = await counted()
    expect(before.rollup).toBe(before.stored)
    const [nutrition, phone] = await mentionsOf(first.document.id)
    expect(nutrition.aliasText).toBe('Apple')

    const result = await rejectMention(conn.db, { id: analyst.id, ip: '127.0.0.1' }, { mentionId: Number(nutrition.id), scope: 'phrase' })
    expect(result).toMatchObject({ removed: 2, documents: 2 })
    expect((await mentionsOf(first.document.id)).map((m) => m.id)).toEqual([phone.id])
    expect(await mentionsOf(second.document.id)).toEqual([])
    expect(await counted()).toEqual({ rollup: before.stored - 2, stored: before.stored - 2 })

    // A new document with the same words, and a rescan of everything, bring none back.
    const third = await createDocument(conn.db, { text: `Grandma always said ${NUTRITION}.` })
    expect(third.mentions).toBe(0)
    await rescanAllDocuments(conn.db)
    expect(await mentionsOf(second.document.id)).toEqual([])
    expect(await mentionsOf(first.document.id)).toHaveLength(1)

    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['user_id', 'new_value'])
      .where('action', '=', 'mention.reject')
      .executeTakeFirstOrThrow()
    expect(audit.user_id).toBe(analyst.id)
    expect(JSON.stringify(audit.new_value)).toContain('apple a day')

    // Undo: the rule goes, and the next rescan finds the mentions again.
    await deleteReviewRule(conn.db, { id: analyst.id }, result.ruleId)
    await rescanAllDocuments(conn.db)
    expect(await mentionsOf(second.document.id)).toHaveLength(1)
    expect(await mentionsOf(first.document.id)).toHaveLength(2)
    expect((await counted()).rollup).toBe((await counted()).stored)
    const actions = await conn.db.selectFrom('audit_log').select('action').where('action', 'like', 'mention.%').execute()
    expect(actions.map((a) => a.action)).toEqual(['mention.reject', 'mention.review_undo'])
  })

  it('in this document: removes every mention through that alias there, and only there', async () => {
    const words = 'Apple orchards had a good harvest; Apple prices at markets fell.'
    const orchard = await createDocument(conn.db, { text: words })
    const elsewhere = await createDocument(conn.db, { text: `Another report: ${words} Growers were pleased.` })
    const [first] = await mentionsOf(orchard.document.id)
    await rejectMention(conn.db, { id: analyst.id }, { mentionId: Number(first.id), scope: 'document' })
    expect(await mentionsOf(orchard.document.id)).toEqual([])
    expect(await mentionsOf(elsewhere.document.id)).toHaveLength(2)
    await rescanAllDocuments(conn.db)
    expect(await mentionsOf(orchard.document.id)).toEqual([])
    expect(await countReviews(conn.db, { companyId: apple.id })).toMatchObject({ rejected: 1 })
  })

  it('refuses a mention that does not exist with a 404', async () => {
    await expect(rejectMention(conn.db, { id: analyst.id }, { mentionId: 987654, scope: 'phrase' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('confirmed and the review queue', () => {
  it('lists low before medium, leaves out confirmed ones, and a confirmation survives a rescan', async () => {
    const doc = await createDocument(conn.db, { text: 'Apple one. Apple two. Apple three. Nothing else here at all.' })
    const ids = (await mentionsOf(doc.document.id)).map((m) => Number(m.id))
    // Stand in for the engine's tiers: the same rows stored again with the confidence it would give.
    const rows = await conn.db.deleteFrom('mention').where('id', 'in', ids).returningAll().execute()
    await insertMentions(
      conn.db,
      doc.document.id,
      rows.map((r, i) => ({
        companyId: r.company_id,
        aliasId: r.alias_id,
        aliasText: r.alias_text,
        start: r.start_offset,
        end: r.end_offset,
        snippet: r.snippet,
        snippetStart: r.snippet_offset ?? 0,
        rule: 'context_word' as const,
        ruleDetail: 'company',
        confidence: i === 2 ? ('low' as const) : ('medium' as const),
      })),
    )
    const queue = await listReviewQueue(conn.db, { companyId: apple.id })
    expect(queue.mentions.map((m) => m.confidence)).toEqual(['low', 'medium', 'medium'])
    expect(queue.mentions[0].start).toBe(rows[2].start_offset)

    await confirmMention(conn.db, { id: analyst.id }, queue.mentions[0].id)
    const after = await listReviewQueue(conn.db, { companyId: apple.id })
    expect(after.mentions.map((m) => m.confidence)).toEqual(['medium', 'medium'])
    await rescanAllDocuments(conn.db)
    const confirmed = (await mentionsOf(doc.document.id)).find((m) => m.start === rows[2].start_offset)
    expect(confirmed).toMatchObject({ confirmedBy: analyst.id, confidence: 'high' })
    expect((await countReviews(conn.db)).confirmed).toBe(1)
  })
})
