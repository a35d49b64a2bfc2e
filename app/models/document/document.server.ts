import { IngestError } from '#app/ingest/ingest-error.ts'
import type { SearchText } from '#app/ingest/search-text.ts'
import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, FOREIGN_KEY_VIOLATION, sqlState } from '#app/models/db.server.ts'
import {
  type CompanyMentionSummary,
  insertMentions,
  type MentionRow,
  summariseDocumentMentions,
} from '#app/models/mentions/document-mentions.server.ts'
import { raiseAlertsForDocument } from '#app/models/mentions/mention-alert.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { DocumentLanguage } from '#db/types.ts'

import { type MergedDetails, mergeIntoStoredDocument } from './document-merge.server.ts'
import { indexDocumentForSearch } from './document-search.server.ts'

export { type DocumentFilters, getDocumentWithMentions, listDocuments } from './document-queries.server.ts'
export { rescanAllDocuments, rescanDocuments } from './document-rescan.server.ts'
export type { CompanyMentionSummary }

// Storing a document the ingest pipeline (app/services/ingest) has already extracted and
// matched: the document, its themes, its mentions and the audit row in one transaction.
// The same content (by normalised hash) is stored once; storing it again returns the
// first copy, marked as a duplicate, with the tags and themes it lacked merged into it.

/** A document's text and details, extracted, cleaned and bounded, ready to store. */
export interface PreparedDocument {
  title: string
  publisher: string
  publishedOn: string | null
  language: DocumentLanguage
  sourceUrl: string | null
  fileName: string | null
  hash: string
  body: string
  /** Repeated page lines (headers, disclaimers) taken out of body before matching. */
  furnitureLinesRemoved?: number
  tags: string[]
  themeIds: number[]
}

export interface NewDocument {
  document: PreparedDocument
  /** Found in document.body by the mention matcher. */
  mentions: readonly MentionRow[]
  /** searchTextOf(title, body), when the caller has it worked out elsewhere (a worker thread) while this stores. */
  search?: SearchText | Promise<SearchText>
  feedId?: number | null
  createdBy?: number | null
  ip?: string | null
}

export interface IngestResult {
  document: { id: number; title: string; publishedAt: string | null; duplicate: boolean }
  companies: CompanyMentionSummary[]
  mentions: number
  /** A duplicate only: the tags and themes this ingest added to the stored copy. */
  merged?: MergedDetails
}

export interface StoreDocumentOptions {
  /** Rows per mention INSERT; tests use a small one to fail between batches. */
  mentionBatchSize?: number
  /**
   * Runs in the document's own transaction once it is stored (or found a duplicate), so
   * a caller's bookkeeping (a bulk job's per-file outcome) commits or rolls back with it.
   */
  onStored?: (tx: DB, result: IngestResult) => Promise<void>
}

/**
 * A mention row whose alias was deleted after the matcher was built breaks its foreign
 * key; the caller rebuilds the matcher and stores again.
 */
export function isStaleMentionAlias(error: unknown): boolean {
  return sqlState(error) === FOREIGN_KEY_VIOLATION && /^mention_/.test(constraintName(error) ?? '')
}

/** What storeDocument wrote: the result, and the mention rows stored (none for a duplicate), for the caller's next steps. */
export type StoredDocument = IngestResult & { storedMentions: readonly MentionRow[] }

export async function storeDocument(db: DB, input: NewDocument, options: StoreDocumentOptions = {}): Promise<StoredDocument> {
  const { document: doc, mentions } = input
  return inTransaction(db, async (tx) => {
    const duplicate = async (): Promise<StoredDocument> => {
      const existing = await tx
        .selectFrom('document')
        .select([
          'id',
          'title',
          'published_on as publishedOn',
          (eb) =>
            eb
              .selectFrom('mention')
              .whereRef('mention.document_id', '=', 'document.id')
              .select(eb.fn.countAll<number>().as('n'))
              .as('mentions'),
        ])
        .where('content_hash', '=', doc.hash)
        .executeTakeFirstOrThrow()
      const merged = await mergeIntoStoredDocument(tx, existing.id, {
        tags: doc.tags,
        themeIds: doc.themeIds,
        actorId: input.createdBy ?? null,
        ip: input.ip ?? null,
      })
      return {
        document: { id: existing.id, title: existing.title, publishedAt: existing.publishedOn, duplicate: true },
        companies: await summariseDocumentMentions(tx, existing.id),
        mentions: Number(existing.mentions),
        merged,
        storedMentions: [],
      }
    }
    const insert = async (): Promise<StoredDocument> => {
      const known = await tx.selectFrom('document').select('id').where('content_hash', '=', doc.hash).executeTakeFirst()
      if (known) return duplicate()
      // Another ingest of the same content may commit first: then this one is the duplicate.
      const inserted = await tx
        .insertInto('document')
        .values({
          title: doc.title,
          publisher: doc.publisher,
          published_on: doc.publishedOn,
          language: doc.language,
          source_url: doc.sourceUrl,
          file_name: doc.fileName,
          content_hash: doc.hash,
          body: doc.body,
          furniture_lines_removed: doc.furnitureLinesRemoved ?? 0,
          tags: doc.tags,
          feed_id: input.feedId ?? null,
          created_by: input.createdBy ?? null,
        })
        .onConflict((oc) => oc.column('content_hash').doNothing())
        .returning(['id', 'title', 'published_on as publishedOn'])
        .executeTakeFirst()
      if (!inserted) return duplicate()
      if (doc.themeIds.length > 0) {
        const themes = await tx.selectFrom('theme').select('id').where('id', 'in', doc.themeIds).execute()
        if (themes.length !== doc.themeIds.length) throw new IngestError('themeNotFound')
        await tx
          .insertInto('document_theme')
          .values(doc.themeIds.map((themeId) => ({ document_id: inserted.id, theme_id: themeId })))
          .execute()
      }
      // Mentions an analyst rejected (mention_review_rule) are left out.
      const stored = await insertMentions(tx, inserted.id, mentions, options.mentionBatchSize, {
        newDocument: { title: inserted.title, body: doc.body },
      })
      // In the same transaction: a rolled-back ingest raises nothing and posts nothing.
      if (stored.length) await raiseAlertsForDocument(tx, inserted.id)
      await recordAudit(tx, {
        actorId: input.createdBy ?? null,
        action: 'document.ingest',
        entityType: 'document',
        entityId: inserted.id,
        newValue: { title: doc.title, hash: doc.hash, mentions: stored.length },
        ip: input.ip ?? null,
      })
      const companies = await summariseDocumentMentions(tx, inserted.id)
      // Last: its text is often still being worked out by a worker (input.search) until now.
      await indexDocumentForSearch(tx, inserted.id, { title: doc.title, body: doc.body, search: input.search })
      return {
        document: { id: inserted.id, title: inserted.title, publishedAt: inserted.publishedOn, duplicate: false },
        companies,
        mentions: stored.length,
        storedMentions: stored,
      }
    }
    const result = await insert()
    await options.onStored?.(tx, result)
    return result
  })
}

/** Deletes a document with its mentions (and evidence that pointed at them); false if missing. */
export async function deleteDocument(db: DB, actor: Actor, id: number): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const doc = await tx
      .selectFrom('document')
      .select([
        'id',
        'title',
        'content_hash as hash',
        (eb) =>
          eb
            .selectFrom('mention')
            .whereRef('mention.document_id', '=', 'document.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('mentions'),
      ])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!doc) return false
    await tx.deleteFrom('document').where('id', '=', id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.delete',
      entityType: 'document',
      entityId: id,
      oldValue: { title: doc.title, hash: doc.hash, mentions: Number(doc.mentions) },
      ip: actor.ip ?? null,
    })
    return true
  })
}
