import type { Kysely } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { clearMentionMatcherCache, getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Database } from '#db/types.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { type AccuracyReport, type FoundMention, scoreCorpus, type TextOutcome } from './figures.ts'
import { ACCURACY_CORPUS } from './index.ts'
import type { AccuracyText } from './types.ts'

// Runs the corpus through the product as a new install would: the demo registry (companies,
// aliases, tickers, negative context, theme topic words; not the demo documents), then each
// text pasted through the real ingest service, then the mentions it stored.

export type { AccuracyError, AccuracyReport, Figures } from './figures.ts'

/** Characters of text either side of a found mention in error reports. */
const CONTEXT = 24

/** Loads the demo registry into a migrated, empty database. */
export async function loadDemoRegistry(db: Kysely<Database>): Promise<void> {
  await seedDemoData(db)
  // The matcher is cached per process by an alias fingerprint; start from this database's.
  clearMentionMatcherCache()
}

export async function measureAccuracy(db: DB, corpus: readonly AccuracyText[] = ACCURACY_CORPUS): Promise<AccuracyReport> {
  const companies = await db.selectFrom('company').select(['id', 'name_en']).execute()
  const nameOf = new Map(companies.map((c) => [c.id, c.name_en]))
  const known = new Set(nameOf.values())
  const unknown = corpus.flatMap((t) =>
    Object.keys(t.expect)
      .filter((key) => !known.has(key))
      .map((key) => `${t.id}: ${key}`),
  )
  if (unknown.length > 0) throw new Error(`accuracy corpus labels companies the demo registry lacks: ${unknown.join(', ')}`)

  // One matcher for the whole corpus, as a bulk upload shares one across its files.
  const { matcher } = await getMentionMatcher(db)
  const documentIds: number[] = []
  for (const text of corpus) {
    const result = await ingestDocument(db, { text: text.text, tags: ['accuracy'] }, { matcher })
    if (result.document.duplicate) throw new Error(`accuracy corpus: ${text.id} duplicates an earlier text`)
    documentIds.push(result.document.id)
  }

  // Read back what was stored, in two queries rather than two per text.
  const bodies = await db.selectFrom('document').select(['id', 'body']).where('id', 'in', documentIds).execute()
  const bodyOf = new Map(bodies.map((d) => [d.id, d.body]))
  const rows = await db
    .selectFrom('mention')
    .select(['document_id', 'company_id', 'alias_text', 'rule', 'rule_detail', 'start_offset', 'end_offset'])
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('start_offset')
    .execute()
  const foundIn = new Map<number, FoundMention[]>(documentIds.map((id) => [id, []]))
  for (const row of rows) {
    const body = bodyOf.get(row.document_id) ?? ''
    foundIn.get(row.document_id)!.push({
      company: nameOf.get(row.company_id) ?? `company ${row.company_id}`,
      aliasText: row.alias_text,
      rule: row.rule_detail ? `${row.rule}: ${row.rule_detail}` : row.rule,
      context: body.slice(Math.max(0, row.start_offset - CONTEXT), row.end_offset + CONTEXT).replace(/\s+/g, ' '),
    })
  }
  const outcomes: TextOutcome[] = corpus.map((text, i) => ({ text, found: foundIn.get(documentIds[i])! }))
  return scoreCorpus(outcomes)
}
