import type { Kysely } from 'kysely'

import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Database } from '#db/types.ts'

import { nextSeq } from './sequence.ts'

export interface DocumentOverrides {
  text?: string
  title?: string
  publisher?: string
  /** YYYY-MM-DD; without one the document counts in the week it is stored. */
  publishedOn?: string | null
  sourceUrl?: string | null
  tags?: string[]
  themeIds?: number[]
  createdBy?: number | null
}

/**
 * A document through the real ingest path, so its mentions of the companies in the
 * database are found and stored as an upload's would be. The default text is unique per
 * call (the same content would be "already ingested").
 */
export async function createDocument(db: Kysely<Database>, overrides: DocumentOverrides = {}) {
  const n = nextSeq()
  return ingestDocument(db, {
    text: overrides.text ?? `Research note ${n}: nothing in particular happened this week.`,
    title: overrides.title ?? `Document ${n}`,
    publisher: overrides.publisher ?? null,
    publishedOn: overrides.publishedOn ?? null,
    sourceUrl: overrides.sourceUrl ?? null,
    tags: overrides.tags ?? [],
    themeIds: overrides.themeIds ?? [],
    createdBy: overrides.createdBy ?? null,
  })
}
