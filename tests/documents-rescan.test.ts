import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getDocumentWithMentions, rescanAllDocuments, rescanDocuments } from '#app/models/document/index.server.ts'
import { aliasFingerprint, getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createAlias, createDocument } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'

// Mentions found again: the cached matcher follows alias changes, and a rescan of the
// stored documents keeps the mentions still found, adds new ones and drops the rest.

let conn: Connection
let companies: Awaited<ReturnType<typeof createCompanies<'Tencent' | 'SenseTime' | 'Kunlun Tech' | 'Meitu'>>>

beforeAll(async () => {
  conn = await createTestDatabase()
  companies = await createCompanies(conn.db, ['Tencent', 'SenseTime', 'Kunlun Tech', 'Meitu'])
  // Documents stored before the one each test adds, so a rescan takes several batches.
  for (const text of ['SenseTime shows a video model.', 'Meitu ships design tools.', 'Nothing about anyone.'])
    await createDocument(conn.db, { text })
})
afterAll(async () => {
  await conn?.close()
})

const documentCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('the cached matcher and rescans', () => {
  it('rebuilds the matcher only when aliases change', async () => {
    const a = await getMentionMatcher(conn.db)
    expect(await getMentionMatcher(conn.db)).toBe(a)
    const alias = await createAlias(conn.db, { companyId: companies.SenseTime.id, text: 'SenseMirage', language: 'en', kind: 'product' })
    const b = await getMentionMatcher(conn.db)
    expect(b.fingerprint).not.toBe(a.fingerprint)
    await conn.db.updateTable('company_alias').set({ is_ambiguous: true }).where('id', '=', alias.id).execute()
    expect((await getMentionMatcher(conn.db)).fingerprint).not.toBe(b.fingerprint)
    await conn.db.updateTable('company_alias').set({ is_ambiguous: false }).where('id', '=', alias.id).execute()
    expect((await getMentionMatcher(conn.db)).fingerprint).toBe(b.fingerprint)
  })

  it('rescans in resumable batches, keeping mentions that are still found', async () => {
    const doc = await ingestDocument(conn.db, { text: 'Tencent showed its models. Skybox is a new app.', title: 'Rescan me' })
    const keptId = (await conn.db.selectFrom('mention').select('id').where('document_id', '=', doc.document.id).executeTakeFirstOrThrow())
      .id
    await createAlias(conn.db, { companyId: companies['Kunlun Tech'].id, text: 'Skybox', language: 'en', kind: 'product' })

    const first = await rescanDocuments(conn.db, { afterId: 0, limit: 2 })
    expect(first).toMatchObject({ processed: 2, done: false })
    let last = first
    while (!last.done) last = await rescanDocuments(conn.db, { afterId: last.lastId!, limit: 2 })
    expect(last.lastId).toBe(doc.document.id)
    const after = await getDocumentWithMentions(conn.db, doc.document.id)
    expect(after!.companies.map((c) => c.name).sort()).toEqual(['Kunlun Tech', 'Tencent'])
    expect(after!.mentions.find((m) => m.aliasText === 'Tencent')!.id).toBe(Number(keptId))

    await conn.db.deleteFrom('company_alias').where('normalised_text', '=', 'skybox').execute()
    const progress: number[] = []
    const totals = await rescanAllDocuments(conn.db, (p) => void progress.push(p.done), { batchSize: 3 })
    expect(totals.removed).toBe(1)
    expect(progress.at(-1)).toBe(await documentCount())
    expect((await getDocumentWithMentions(conn.db, doc.document.id))!.companies.map((c) => c.name)).toEqual(['Tencent'])
  })

  it('fingerprints 10,000 aliases in one cheap query (time printed)', async () => {
    const company = companies.Meitu
    await sql`insert into company_alias (company_id, text, normalised_text, language, kind)
      select ${company.id}, 'bench alias ' || g, 'bench alias ' || g, 'en', 'product' from generate_series(1, 10000) g`.execute(conn.db)
    await aliasFingerprint(conn.db)
    const runs = 5
    const started = performance.now()
    for (let i = 0; i < runs; i++) await aliasFingerprint(conn.db)
    const ms = (performance.now() - started) / runs
    console.info(`[bench] alias fingerprint over ${10_000 + 100}+ aliases: ${ms.toFixed(1)} ms (${conn.kind})`)
    expect(ms).toBeLessThan(1000) // a guard against a full rebuild per check, not a benchmark
    await conn.db.deleteFrom('company_alias').where('normalised_text', 'like', 'bench alias %').execute()
  })
})
