import { sql } from 'kysely'

import { judgeRelevance, type MentionRelevance, OPENING_READ, type RelevanceMention } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// mention.relevance, kept right for a whole document at once: whether the document is
// about a company depends on all of its mentions there (and the title), so every write
// of mentions (ingest, rescan, rematch, a rejection) sets it again for the document.

/**
 * Relevance as refreshDocumentRelevance would set it, from a document's text in hand
 * rather than as stored: `opening` and `bodyLength` count code points, as PostgreSQL's
 * left() and length() do, so both agree on a text with characters outside the BMP.
 */
export function relevanceOf(
  document: { title: string; body: string },
  mentions: readonly RelevanceMention[],
): Map<number, MentionRelevance> {
  let bodyLength = 0
  let openingUnits = -1
  for (let i = 0; i < document.body.length; i++) {
    if (bodyLength === OPENING_READ) openingUnits = i
    const code = document.body.charCodeAt(i)
    // A surrogate pair is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < document.body.length) {
      const next = document.body.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    bodyLength++
  }
  const opening = openingUnits < 0 ? document.body : document.body.slice(0, openingUnits)
  return judgeRelevance({ title: document.title, opening, bodyLength, mentions })
}

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
