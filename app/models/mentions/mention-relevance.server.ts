import { sql } from 'kysely'

import { judgeRelevance, OPENING_READ } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// mention.relevance, kept right for a whole document at once: whether the document is
// about a company depends on all of its mentions there (and the title), so every write
// of mentions (ingest, rescan, rematch, a rejection) sets it again for the document.

/** Sets mention.relevance for every company mentioned in the document; only rows that change are written. */
export async function refreshDocumentRelevance(db: DB, documentId: number): Promise<void> {
  const doc = await db
    .selectFrom('document')
    .select(['title', sql<string>`left(body, ${OPENING_READ})`.as('opening'), sql<number>`length(body)`.as('bodyLength')])
    .where('id', '=', documentId)
    .executeTakeFirst()
  if (!doc) return
  const mentions = await db
    .selectFrom('mention')
    .select(['company_id as companyId', 'start_offset as start', 'alias_text as aliasText'])
    .where('document_id', '=', documentId)
    .execute()
  if (mentions.length === 0) return
  const judged = judgeRelevance({ title: doc.title, opening: doc.opening, bodyLength: Number(doc.bodyLength), mentions })
  const about = [...judged].filter(([, r]) => r === 'about').map(([id]) => id)
  const relevance = about.length
    ? sql<'about' | 'passing'>`case when company_id in (${sql.join(about)}) then 'about' else 'passing' end`
    : sql<'about' | 'passing'>`'passing'`
  await db.updateTable('mention').set({ relevance }).where('document_id', '=', documentId).where('relevance', '<>', relevance).execute()
}
