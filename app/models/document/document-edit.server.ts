import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal } from '#app/utils/refusal.ts'

import { indexDocumentForSearch } from './document-search.server.ts'
import { normaliseTags } from './document-tags.ts'

// Correcting a document's details after ingest (a PDF without a title, the wrong date, a
// missing theme). The text, and so the mentions, never change here: a different text is a
// different document.

export interface DocumentMetadata {
  title: string
  publisher: string
  /** YYYY-MM-DD or null */
  publishedOn: string | null
  tags: readonly string[]
  themeIds: readonly number[]
}

export class DocumentEditError extends Refusal {
  constructor(field: 'themeIds') {
    super('themeNotFound', { field, messageKey: 'documents.refused.themeNotFound', status: 400 })
    this.name = 'DocumentEditError'
  }
}

/** Saves the details with old and new values audited; false when the document is gone. */
export async function updateDocumentMetadata(db: DB, actor: Actor, id: number, input: DocumentMetadata): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('document')
      .select(['title', 'publisher', 'published_on as publishedOn', 'tags'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old) return false
    const oldThemes = (
      await tx.selectFrom('document_theme').select('theme_id').where('document_id', '=', id).orderBy('theme_id').execute()
    ).map((r) => r.theme_id)
    const themeIds = [...new Set(input.themeIds)].sort((a, b) => a - b)
    if (themeIds.length > 0) {
      const found = await tx.selectFrom('theme').select('id').where('id', 'in', themeIds).execute()
      if (found.length !== themeIds.length) throw new DocumentEditError('themeIds')
    }
    const next = {
      title: input.title.replace(/\s+/g, ' ').trim(),
      publisher: input.publisher.replace(/\s+/g, ' ').trim(),
      publishedOn: input.publishedOn,
      tags: normaliseTags(input.tags),
    }
    await tx
      .updateTable('document')
      .set({ title: next.title, publisher: next.publisher, published_on: next.publishedOn, tags: next.tags })
      .where('id', '=', id)
      .execute()
    if (next.title !== old.title) await indexDocumentForSearch(tx, id)
    await tx.deleteFrom('document_theme').where('document_id', '=', id).execute()
    if (themeIds.length > 0)
      await tx
        .insertInto('document_theme')
        .values(themeIds.map((themeId) => ({ document_id: id, theme_id: themeId })))
        .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.update',
      entityType: 'document',
      entityId: id,
      oldValue: { ...old, themeIds: oldThemes },
      newValue: { ...next, themeIds },
      ip: actor.ip ?? null,
    })
    return true
  })
}
