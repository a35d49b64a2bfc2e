import { isValidIsoDate } from '#app/ingest/dates.ts'
import { detectLanguage } from '#app/ingest/detect-language.ts'
import { extractFile, titleFromFileName, type UploadedFile } from '#app/ingest/extract-file.server.ts'
import { extractHtml } from '#app/ingest/extract-html.server.ts'
import { cleanDocumentText } from '#app/ingest/extract-text.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { contentHash } from '#app/ingest/normalise-hash.ts'
import type { MentionMatcher } from '#app/mentions/index.ts'
import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, FOREIGN_KEY_VIOLATION, sqlState } from '#app/models/db.server.ts'
import {
  type CompanyMentionSummary,
  findMentionRows,
  insertMentions,
  summariseDocumentMentions,
} from '#app/models/mentions/document-mentions.server.ts'
import { raiseAlertsForDocument } from '#app/models/mentions/mention-alert.server.ts'
import { clearMentionMatcherCache, getMentionMatcher } from '#app/models/mentions/mention-matcher.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { DocumentLanguage } from '#db/types.ts'

export { type DocumentFilters, getDocumentWithMentions, listDocuments } from './document-queries.server.ts'
export { rescanAllDocuments, rescanDocuments } from './document-rescan.server.ts'
export type { CompanyMentionSummary }

// Ingestion: text, HTML or a file -> one document with its mentions, in one transaction.
// Extraction (slow for PDFs) happens before the transaction opens; the same content
// (by normalised hash) is stored once, and a second ingest reports "already ingested".

/** About 2,500 pages of text; more is almost certainly not one document. */
export const MAX_TEXT_CHARS = 5_000_000
const MAX_TITLE = 500
const MAX_PUBLISHER = 200
const MAX_TAGS = 20
const MAX_TAG = 50

export interface IngestDocumentInput {
  /** Exactly one of text, html and file. */
  text?: string
  html?: string
  file?: UploadedFile
  /** Given metadata wins over what the file says about itself. */
  title?: string | null
  publisher?: string | null
  /** YYYY-MM-DD */
  publishedOn?: string | null
  sourceUrl?: string | null
  tags?: readonly string[]
  themeIds?: readonly number[]
  feedId?: number | null
  createdBy?: number | null
  ip?: string | null
}

export interface IngestResult {
  document: { id: number; title: string; publishedAt: string | null; duplicate: boolean }
  companies: CompanyMentionSummary[]
  mentions: number
}

export interface IngestOptions {
  /** Rows per mention INSERT; tests use a small one to fail between batches. */
  mentionBatchSize?: number
  /**
   * A matcher from getMentionMatcher to share across a batch of files, saving the alias
   * fingerprint query per file (tens of ms with 10,000 aliases).
   */
  matcher?: MentionMatcher
  /**
   * Runs in the document's own transaction once it is stored (or found a duplicate), so
   * a caller's bookkeeping (a bulk job's per-file outcome) commits or rolls back with it.
   */
  onStored?: (tx: DB, result: IngestResult) => Promise<void>
}

interface PreparedDocument {
  title: string
  publisher: string
  publishedOn: string | null
  language: DocumentLanguage
  sourceUrl: string | null
  fileName: string | null
  hash: string
  body: string
  tags: string[]
  themeIds: number[]
}

/** Tags as typed: trimmed, without duplicates (case-insensitively), bounded. */
export function normaliseTags(tags: readonly string[] = []): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG)
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out.slice(0, MAX_TAGS)
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 200)
}

const clamp = (value: string, max: number) => value.replace(/\s+/g, ' ').trim().slice(0, max)

export async function prepareDocument(input: IngestDocumentInput): Promise<PreparedDocument> {
  let text: string
  let found: { title: string | null; publisher: string | null; publishedOn: string | null } = {
    title: null,
    publisher: null,
    publishedOn: null,
  }
  if (input.file) {
    const extracted = await extractFile(input.file)
    text = extracted.text
    found = { ...extracted, title: extracted.title ?? titleFromFileName(input.file.name) }
  } else if (input.html !== undefined) {
    const extracted = extractHtml(input.html)
    text = cleanDocumentText(extracted.text)
    found = extracted
  } else {
    text = cleanDocumentText(input.text ?? '')
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError('empty')
  if (text.length > MAX_TEXT_CHARS) throw new IngestError('tooLong', { max: MAX_TEXT_CHARS })
  const publishedOn = input.publishedOn?.trim() || null
  if (publishedOn && !isValidIsoDate(publishedOn)) throw new IngestError('invalidDate')
  return {
    title: clamp(input.title?.trim() || found.title || firstLine(text), MAX_TITLE) || firstLine(text),
    publisher: clamp(input.publisher?.trim() || found.publisher || '', MAX_PUBLISHER),
    publishedOn: publishedOn ?? found.publishedOn,
    language: detectLanguage(text).language,
    sourceUrl: input.sourceUrl?.trim().slice(0, 2000) || null,
    fileName: input.file ? input.file.name.slice(0, 500) : null,
    hash: contentHash(text),
    body: text,
    tags: normaliseTags(input.tags),
    themeIds: [...new Set(input.themeIds ?? [])],
  }
}

export async function ingestDocument(db: DB, input: IngestDocumentInput, options: IngestOptions = {}): Promise<IngestResult> {
  const prepared = await prepareDocument(input)
  const { onStored } = options
  const store = (opts: IngestOptions) =>
    onStored
      ? inTransaction(db, async (tx) => {
          const result = await storeDocument(tx, prepared, input, opts)
          await onStored(tx, result)
          return result
        })
      : storeDocument(db, prepared, input, opts)
  let result: IngestResult
  try {
    result = await store(options)
  } catch (error) {
    // An alias deleted between building the matcher and writing: rebuild once and retry.
    const staleAlias = sqlState(error) === FOREIGN_KEY_VIOLATION && /^mention_/.test(constraintName(error) ?? '')
    if (!staleAlias || db.isTransaction) throw error
    clearMentionMatcherCache()
    result = await store({ ...options, matcher: undefined })
  }
  // Alerts were checked inside the transaction; once more after commit, because a document
  // another instance committed meanwhile was invisible there (raising is idempotent).
  if (!db.isTransaction && !result.document.duplicate && result.mentions > 0)
    await db.transaction().execute((tx) => raiseAlertsForDocument(tx, result.document.id))
  return result
}

async function storeDocument(db: DB, doc: PreparedDocument, input: IngestDocumentInput, options: IngestOptions): Promise<IngestResult> {
  const matcher = options.matcher ?? (await getMentionMatcher(db)).matcher
  const mentions = findMentionRows(matcher, doc.body)
  return inTransaction(db, async (tx) => {
    const duplicate = async () => {
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
      return {
        document: { id: existing.id, title: existing.title, publishedAt: existing.publishedOn, duplicate: true },
        companies: await summariseDocumentMentions(tx, existing.id),
        mentions: Number(existing.mentions),
      }
    }
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
    await insertMentions(tx, inserted.id, mentions, options.mentionBatchSize)
    // In the same transaction: a rolled-back ingest raises nothing and posts nothing.
    if (mentions.length) await raiseAlertsForDocument(tx, inserted.id)
    await recordAudit(tx, {
      actorId: input.createdBy ?? null,
      action: 'document.ingest',
      entityType: 'document',
      entityId: inserted.id,
      newValue: { title: doc.title, hash: doc.hash, mentions: mentions.length },
      ip: input.ip ?? null,
    })
    return {
      document: { id: inserted.id, title: inserted.title, publishedAt: inserted.publishedOn, duplicate: false },
      companies: await summariseDocumentMentions(tx, inserted.id),
      mentions: mentions.length,
    }
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
