import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { constraintName, isEmbeddedDatabase, sqlState } from '#app/models/db.server.ts'
import { isStaleMentionAlias } from '#app/models/document/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from '../../../tests/db.ts'
import { createAlias, createCompany, createDocument } from '../../../tests/factories.ts'
import { insertMentions, type MentionRow } from './index.server.ts'
import { skipRowChecksIfEmbedded } from './mention-references.server.ts'

// Mentions name a document, a company and maybe an alias. On PGlite the rows skip
// PostgreSQL's check per row and the same checks run once (decision 050); on a server
// every row is checked. Either way a missing reference refuses the whole write with the
// foreign-key error callers know, and the weekly counts see every stored row. This file
// runs on both (TEST_DATABASE_URL picks the server).

let conn: Connection
let companyId: number
let aliasId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  const company = await createCompany(conn.db, { nameEn: 'Referent Labs', nameZh: '参照实验室' })
  companyId = company.id
  aliasId = (await createAlias(conn.db, { companyId, text: 'RefBot' })).id
})
afterAll(() => conn.close())

const row = (start: number, overrides: Partial<MentionRow> = {}): MentionRow => ({
  companyId,
  aliasId,
  aliasText: 'RefBot',
  start,
  end: start + 6,
  snippet: 'RefBot ships',
  snippetStart: start,
  ...overrides,
})

async function newDocument() {
  return (await createDocument(conn.db, { text: `Notes ${Math.random()}: nothing named here.` })).document.id
}

const mentionsOf = async (documentId: number) =>
  Number(
    (
      await conn.db
        .selectFrom('mention')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('document_id', '=', documentId)
        .executeTakeFirstOrThrow()
    ).n,
  )

const weeklyCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('mention_week')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('mentions'), eb.lit(0)).as('n'))
        .where('company_id', '=', companyId)
        .executeTakeFirstOrThrow()
    ).n,
  )

/** The error insertMentions threw, or a failure if it stored. */
async function refusal(documentId: number, rows: MentionRow[]): Promise<unknown> {
  try {
    await conn.db.transaction().execute((tx) => insertMentions(tx, documentId, rows))
  } catch (error) {
    return error
  }
  throw new Error('insertMentions stored rows with a missing reference')
}

describe('writing mentions checks what they name', () => {
  it('stores 2,000 rows and counts every one in the weekly rollup', async () => {
    const documentId = await newDocument()
    const before = await weeklyCount()
    const rows = Array.from({ length: 2000 }, (_, i) => row(i * 10))
    const stored = await conn.db.transaction().execute((tx) => insertMentions(tx, documentId, rows))
    expect(stored).toHaveLength(2000)
    expect(await mentionsOf(documentId)).toBe(2000)
    expect((await weeklyCount()) - before).toBe(2000)
  })

  it('refuses rows whose alias was deleted, as the stale-alias retry expects, and stores none of them', async () => {
    const documentId = await newDocument()
    const gone = await createAlias(conn.db, { companyId, text: 'GoneBot' })
    await conn.db.deleteFrom('company_alias').where('id', '=', gone.id).execute()
    const error = await refusal(documentId, [row(0), row(10, { aliasId: gone.id }), row(20)])
    expect(sqlState(error)).toBe('23503')
    expect(constraintName(error)).toBe('mention_alias_id_fkey')
    expect(isStaleMentionAlias(error)).toBe(true)
    expect(await mentionsOf(documentId)).toBe(0)
  })

  it('refuses rows of a company that does not exist', async () => {
    const documentId = await newDocument()
    const error = await refusal(documentId, [row(0), row(10, { companyId: 2_000_000_000, aliasId: null })])
    expect(sqlState(error)).toBe('23503')
    expect(constraintName(error)).toBe('mention_company_id_fkey')
    expect(await mentionsOf(documentId)).toBe(0)
  })

  it('refuses rows of a document that does not exist', async () => {
    const error = await refusal(2_000_000_000, [row(0)])
    expect(sqlState(error)).toBe('23503')
    expect(constraintName(error)).toBe('mention_document_id_fkey')
  })

  it('leaves every later statement of the transaction checked row by row', async () => {
    const documentId = await newDocument()
    const error = await conn.db
      .transaction()
      .execute(async (tx) => {
        await insertMentions(tx, documentId, [row(0)])
        const { rows } = await sql<{ role: string }>`select current_setting('session_replication_role') as role`.execute(tx)
        expect(rows[0]!.role).toBe('origin')
        // Straight SQL, past insertMentions: only PostgreSQL's own check can refuse it.
        await sql`insert into mention (document_id, company_id, alias_text, start_offset, end_offset, snippet)
          values (${documentId}, 2000000000, 'x', 50, 51, 'x')`.execute(tx)
      })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(constraintName(error)).toBe('mention_company_id_fkey')
    expect(await mentionsOf(documentId)).toBe(0)
  })

  it('knows which engine it writes to: PGlite skips the row checks, a server does not', async () => {
    expect(await isEmbeddedDatabase(conn.db)).toBe(conn.kind === 'pglite')
    const documentId = await newDocument()
    const role = await conn.db.transaction().execute(async (tx) => {
      await sql`insert into mention (document_id, company_id, alias_text, start_offset, end_offset, snippet)
        values (${documentId}, ${companyId}, 'x', 0, 1, 'x')`.execute(tx)
      return (await skipRowChecksIfEmbedded(tx)) ? 'replica' : 'origin'
    })
    expect(role).toBe(conn.kind === 'pglite' ? 'replica' : 'origin')
  })

  it('has every trigger that fires on a new mention firing in replica mode too', async () => {
    // tgenabled 'A' (always): a trigger added later without it would miss PGlite's rows.
    const { rows } = await sql<{ name: string; enabled: string }>`
      select tgname as name, tgenabled as enabled from pg_trigger
      where tgrelid = 'mention'::regclass and not tgisinternal and (tgtype & 4) <> 0`.execute(conn.db)
    expect(rows.map((r) => r.name)).toContain('mention_week_insert')
    for (const trigger of rows) expect(trigger, trigger.name).toMatchObject({ enabled: 'A' })
  })
})
