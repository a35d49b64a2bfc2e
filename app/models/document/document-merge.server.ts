import { IngestError } from '#app/ingest/ingest-error.ts'
import type { MergedDetails } from '#app/ingest/outcome.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'

import { normaliseTags } from './document-tags.ts'

// The same content ingested again is not stored twice, but what the second ingest said
// about it is kept: tags and themes the stored copy lacks are added to it (audited as
// document.merge), and the outcome lists them. The text, title, publisher and date stay
// as first stored; a correction of those is an edit on the document's page.

export type { MergedDetails }

export interface MergeInput {
  tags: readonly string[]
  themeIds: readonly number[]
  actorId: number | null
  ip: string | null
}

/** Adds what is new to the stored document `id`; returns what was added (empty when nothing). Call inside a transaction. */
export async function mergeIntoStoredDocument(tx: DB, id: number, input: MergeInput): Promise<MergedDetails> {
  const merged: MergedDetails = { tags: [], themes: [] }
  if (input.tags.length === 0 && input.themeIds.length === 0) return merged
  // Locked: two re-ingests adding tags at once would otherwise each write their own list.
  const doc = await tx.selectFrom('document').select('tags').where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  const linked = (await tx.selectFrom('document_theme').select('theme_id').where('document_id', '=', id).orderBy('theme_id').execute()).map(
    (r) => r.theme_id,
  )

  const wanted = [...new Set(input.themeIds)]
  if (wanted.length > 0) {
    const themes = await tx
      .selectFrom('theme')
      .select(['id', 'name_en as name', 'name_zh as nameZh'])
      .where('id', 'in', wanted)
      .orderBy('id')
      .execute()
    // As for a new document: a theme that is gone is refused, not silently left out.
    if (themes.length !== wanted.length) throw new IngestError('themeNotFound')
    merged.themes = themes.filter((t) => !linked.includes(t.id))
    if (merged.themes.length > 0)
      await tx
        .insertInto('document_theme')
        .values(merged.themes.map((t) => ({ document_id: id, theme_id: t.id })))
        .onConflict((oc) => oc.doNothing())
        .execute()
  }

  // The stored tags come first, so their spelling wins and the tag limit cuts new ones.
  const tags = normaliseTags([...doc.tags, ...input.tags])
  const had = new Set(doc.tags.map((t) => t.toLowerCase()))
  merged.tags = tags.filter((t) => !had.has(t.toLowerCase()))
  if (merged.tags.length > 0) await tx.updateTable('document').set({ tags }).where('id', '=', id).execute()

  if (merged.tags.length > 0 || merged.themes.length > 0)
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'document.merge',
      entityType: 'document',
      entityId: id,
      oldValue: { tags: doc.tags, themeIds: linked },
      newValue: { tags, themeIds: [...linked, ...merged.themes.map((t) => t.id)].sort((a, b) => a - b) },
      ip: input.ip,
    })
  return merged
}
