import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { foldAliasKey } from '#app/mentions/index.ts'
import { rescanDocuments } from '#app/models/document/index.server.ts'
import type { Connection } from '#db/connection.ts'
import * as snippetOffsetMigration from '#db/migrations/2026-12-04T18-00-00_mention_snippet_offset.ts'

import { createTestDatabase } from '../../../tests/db.ts'
import { clearMentionMatcherCache, findMentionRows, getMentionMatcher, insertMentions, listLatestSnippets } from './index.server.ts'

// mention.snippet_offset: where the snippet starts in the document's text, written with
// every mention (ingest, bulk jobs and rescans all store through insertMentions) and
// filled in for existing rows by its migration. The company page marks the mention at
// start - snippet_offset inside the snippet instead of searching the text again.

let conn: Connection
let companyId: number

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
// Long enough that snippets start well inside the text; Chinese, English in two cases,
// and characters outside the BMP (two UTF-16 units each) before some of the mentions.
const BODIES = [
  `${filler(40)} Zhipu said on Monday ${filler(30)} 今天智谱发布了新模型，${filler(20)} ZHIPU again. ${filler(10)}`,
  `${filler(30)} 😀 emoji first, then Zhipu ${filler(30)} 𠀀 and 智谱 ${filler(30)}`,
]

async function addDocument(body: string, hash: string) {
  return conn.db
    .insertInto('document')
    .values({ title: 'Offsets', language: 'mixed', content_hash: hash.repeat(64), body })
    .returning('id')
    .executeTakeFirstOrThrow()
}

type StoredMention = { id: number; start: number; end: number; snippet: string; snippetOffset: number | null; body: string }

async function storedMentions(documentId: number): Promise<StoredMention[]> {
  const rows = await conn.db
    .selectFrom('mention')
    .innerJoin('document', 'document.id', 'mention.document_id')
    .select([
      'mention.id',
      'mention.start_offset as start',
      'mention.end_offset as end',
      'mention.snippet',
      'mention.snippet_offset as snippetOffset',
      'document.body',
    ])
    .where('mention.document_id', '=', documentId)
    .orderBy('mention.start_offset')
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

/** The stored offset puts the snippet where it was cut, and the match inside it is the alias. */
function expectPlaced(m: StoredMention) {
  expect(m.snippetOffset).not.toBeNull()
  const at = m.snippetOffset as number
  expect(m.body.slice(at, at + m.snippet.length)).toBe(m.snippet)
  const hit = m.snippet.slice(m.start - at, m.end - at)
  expect(hit).toBe(m.body.slice(m.start, m.end))
  expect(['zhipu', '智谱']).toContain(foldAliasKey(hit))
}

beforeAll(async () => {
  conn = await createTestDatabase()
  const company = await conn.db
    .insertInto('company')
    .values({ name_en: 'Zhipu AI', name_zh: '智谱', region: 'domestic', is_listed: false, vendor_type: 'model_company' })
    .returning('id')
    .executeTakeFirstOrThrow()
  companyId = company.id
  await conn.db
    .insertInto('company_alias')
    .values([
      { company_id: companyId, text: 'Zhipu', normalised_text: 'zhipu', language: 'any', kind: 'short_name' },
      { company_id: companyId, text: '智谱', normalised_text: '智谱', language: 'any', kind: 'short_name' },
    ])
    .execute()
  clearMentionMatcherCache()
})

afterAll(async () => {
  await conn.close()
})

describe('mention.snippet_offset', () => {
  it('is written with each mention and points at the alias in the document text', async () => {
    const { matcher } = await getMentionMatcher(conn.db)
    for (const [i, body] of BODIES.entries()) {
      const doc = await addDocument(body, String(i))
      await insertMentions(conn.db, doc.id, findMentionRows(matcher, body))
      const mentions = await storedMentions(doc.id)
      expect(mentions.length).toBeGreaterThanOrEqual(2)
      for (const m of mentions) expectPlaced(m)
      expect(mentions.some((m) => (m.snippetOffset ?? 0) > 0)).toBe(true)
    }
  })

  it('lets the company page mark the mention inside its snippet', async () => {
    const snippets = await listLatestSnippets(conn.db, companyId)
    expect(snippets).toHaveLength(BODIES.length)
    for (const s of snippets) {
      expect(s.hitAt).not.toBeNull()
      const hit = s.snippet.slice(s.hitAt as number, (s.hitAt as number) + s.hitLength)
      expect(foldAliasKey(hit)).toBe(foldAliasKey(s.aliasText))
    }
  })

  it('is filled in by a rescan on rows stored without it, keeping the rows', async () => {
    const body = `${filler(50)} Zhipu ${filler(50)} 智谱 ${filler(5)}`
    const doc = await addDocument(body, '2')
    const { matcher } = await getMentionMatcher(conn.db)
    // Rows as they were stored before the offset was kept.
    await conn.db
      .insertInto('mention')
      .values(
        findMentionRows(matcher, body).map((m) => ({
          document_id: doc.id,
          company_id: m.companyId,
          alias_id: m.aliasId,
          alias_text: m.aliasText,
          start_offset: m.start,
          end_offset: m.end,
          snippet: m.snippet,
        })),
      )
      .execute()
    const before = await storedMentions(doc.id)
    expect(before.map((m) => m.snippetOffset)).toEqual([null, null])
    const batch = await rescanDocuments(conn.db, { afterId: doc.id - 1, limit: 1 })
    expect(batch).toMatchObject({ added: 0, removed: 0, updated: 2 })
    const after = await storedMentions(doc.id)
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id))
    for (const m of after) expectPlaced(m)
    // Nothing left to change the second time.
    expect(await rescanDocuments(conn.db, { afterId: doc.id - 1, limit: 1 })).toMatchObject({ updated: 0 })
  })

  it('is never after the mention (a check constraint)', async () => {
    const row = await conn.db.selectFrom('mention').select(['id', 'start_offset']).limit(1).executeTakeFirstOrThrow()
    await expect(
      conn.db
        .updateTable('mention')
        .set({ snippet_offset: row.start_offset + 1 })
        .where('id', '=', row.id)
        .execute(),
    ).rejects.toMatchObject({ code: '23514' })
  })
})

describe('the migration that adds mention.snippet_offset', () => {
  it('fills existing rows exactly, marking what the page marked before wherever it could place a mention', async () => {
    const documentIds = (await conn.db.selectFrom('document').select('id').execute()).map((d) => d.id)
    // Put the table back as it was before the migration; the rows keep their snippets.
    await snippetOffsetMigration.down(conn.db)
    // The page's placement until now: the first occurrence of the snippet near the
    // mention (strpos counts characters), trusted only where the snippet then showed the alias.
    const old = await sql<{ id: number; start: number; end: number; snippet: string; aliasText: string; snippetAt: number }>`
      select m.id, m.start_offset as start, m.end_offset as "end", m.snippet, m.alias_text as "aliasText",
        strpos(substr(d.body, greatest(m.start_offset - 1000, 0) + 1, 3000), m.snippet) - 1 + greatest(m.start_offset - 1000, 0) as "snippetAt"
      from mention m join document d on d.id = m.document_id order by m.id`.execute(conn.db)
    const oldHitAt = new Map(
      old.rows.map((r) => {
        const hitAt = r.start - r.snippetAt
        const placed = r.snippetAt >= 0 && r.snippet.slice(hitAt, hitAt + r.end - r.start).toLowerCase() === r.aliasText.toLowerCase()
        return [Number(r.id), placed ? hitAt : null]
      }),
    )
    await conn.db.transaction().execute((tx) => snippetOffsetMigration.up(tx))

    const all = (await Promise.all(documentIds.map(storedMentions))).flat()
    expect(all.length).toBe(oldHitAt.size)
    for (const m of all) expectPlaced(m)
    // Mentions after a character outside the BMP: strpos could not place them, the migration can.
    expect(all.some((m) => /[\u{10000}-\u{10FFFF}]/u.test(m.body.slice(0, m.start)))).toBe(true)
    const snippets = await listLatestSnippets(conn.db, companyId, 100)
    expect(snippets.length).toBe(documentIds.length)
    expect(snippets.filter((s) => oldHitAt.get(s.id) !== null).length).toBeGreaterThan(1)
    for (const s of snippets) {
      const before = oldHitAt.get(s.id)
      if (before !== null) expect(s.hitAt).toBe(before)
    }
  })

  it('leaves a row NULL when its snippet is no longer in the text', async () => {
    const [doc] = await conn.db.selectFrom('document').select('id').orderBy('id').limit(1).execute()
    await snippetOffsetMigration.down(conn.db)
    const row = await conn.db.selectFrom('mention').select('id').where('document_id', '=', doc.id).limit(1).executeTakeFirstOrThrow()
    await conn.db.updateTable('mention').set({ snippet: 'text that is not in the document' }).where('id', '=', row.id).execute()
    await conn.db.transaction().execute((tx) => snippetOffsetMigration.up(tx))
    const stored = await storedMentions(doc.id)
    expect(stored.find((m) => m.id === Number(row.id))?.snippetOffset).toBeNull()
    expect(stored.filter((m) => m.id !== Number(row.id)).every((m) => m.snippetOffset !== null)).toBe(true)
  })
})
