import { isValidIsoDate } from '#app/ingest/dates.ts'
import { detectLanguage } from '#app/ingest/detect-language.ts'
import { titleFromFileName, type UploadedFile } from '#app/ingest/extract-file.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { contentHash } from '#app/ingest/normalise-hash.ts'
import type { MentionMatcher } from '#app/mentions/index.ts'
import { type DB, isEmbeddedDatabase } from '#app/models/db.server.ts'
import {
  type IngestResult,
  isStaleMentionAlias,
  normaliseTags,
  type PreparedDocument,
  type StoredDocument,
  storeDocument,
  type StoreDocumentOptions,
} from '#app/models/document/index.server.ts'
import {
  clearMentionMatcherCache,
  getMentionMatcher,
  matcherSource,
  mentionRowsOf,
  raiseAlertsForDocument,
} from '#app/models/mentions/index.server.ts'
import { collectDocumentNewNames } from '#app/models/new-names/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import {
  cleanPastedTextOffThread,
  extractFileOffThread,
  extractHtmlOffThread,
  findMentionsOffThread,
  searchTextOffThread,
} from '#app/workers/ingest-tasks.server.ts'

// The ingest pipeline: text, HTML or a file -> one document with its mentions.
// prepareDocument extracts, cleans, detects the language and hashes (slow for PDFs, so it
// runs before any transaction opens); ingestDocument then finds the mentions and hands
// both to the document model, which stores them in one transaction. Extraction, cleaning
// and matching run in worker threads (app/workers, decision 034), so the thread that
// serves pages only waits for them. The same content
// (by normalised hash) is stored once: a second ingest reports "already ingested" and adds
// the tags and themes it brought that the stored copy lacks (see document-merge.server.ts).

export type { IngestResult, PreparedDocument }

/** About 2,500 pages of text; more is almost certainly not one document. */
export const MAX_TEXT_CHARS = 5_000_000
const MAX_TITLE = 500
const MAX_PUBLISHER = 200

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

export interface IngestOptions extends StoreDocumentOptions {
  /**
   * A matcher from getMentionMatcher to share across a batch of files, saving the alias
   * fingerprint query per file (tens of ms with 10,000 aliases).
   */
  matcher?: MentionMatcher
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 200)
}

const clamp = (value: string, max: number) => value.replace(/\s+/g, ' ').trim().slice(0, max)

export async function prepareDocument(input: IngestDocumentInput): Promise<PreparedDocument> {
  let text: string
  let furnitureLinesRemoved = 0
  let found: { title: string | null; publisher: string | null; publishedOn: string | null } = {
    title: null,
    publisher: null,
    publishedOn: null,
  }
  if (input.file) {
    const extracted = await extractFileOffThread(input.file)
    text = extracted.text
    furnitureLinesRemoved = extracted.furnitureLinesRemoved ?? 0
    found = { ...extracted, title: extracted.title ?? titleFromFileName(input.file.name) }
  } else if (input.html !== undefined) {
    const extracted = await extractHtmlOffThread(input.html)
    text = extracted.text
    found = extracted
  } else {
    // Pasted pages arrive with form feeds between them when copied from a print layout.
    const pasted = await cleanPastedTextOffThread(input.text ?? '')
    text = pasted.text
    furnitureLinesRemoved = pasted.furnitureLinesRemoved
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
    furnitureLinesRemoved,
    tags: normaliseTags(input.tags),
    themeIds: [...new Set(input.themeIds ?? [])],
  }
}

/** Where one file's ingest spent its time, in ms (the CLI's `ingest --json` prints them). */
export interface IngestTimings {
  /** Extraction, cleaning, language and hash. */
  extractMs: number
  /** Finding the mentions (and building the matcher when none was shared). */
  matchMs: number
  /** The transaction, new names and alerts. */
  storeMs: number
  totalMs: number
}

const since = (start: number) => Math.max(0, performance.now() - start)

export async function ingestDocument(
  db: DB,
  input: IngestDocumentInput,
  options: IngestOptions = {},
): Promise<IngestResult & { timings: IngestTimings }> {
  const started = performance.now()
  // The registry's matcher is looked up (a fingerprint query, a build when it changed) while
  // the workers extract, rather than after them.
  const prefetched = options.matcher ? undefined : getMentionMatcher(db).then(({ matcher }) => matcher)
  prefetched?.catch(() => undefined) // an extraction that fails never awaits it
  const document = await prepareDocument(input)
  const timings: IngestTimings = { extractMs: since(started), matchMs: 0, storeMs: 0, totalMs: 0 }
  const { matcher, ...storeOptions } = options
  // The search index's text is worked out by another worker while this one matches and
  // this thread opens the transaction; storing waits for it only when it writes the row.
  const search = searchTextOffThread(document.title, document.body)
  search.catch(() => undefined) // a duplicate never awaits it
  const store = async (shared: MentionMatcher | undefined) => {
    const matching = performance.now()
    const current = shared ?? (await getMentionMatcher(db)).matcher
    const mentions = mentionRowsOf(await findMentionsOffThread(current, matcherSource(current), document.body))
    timings.matchMs += since(matching)
    const stored = { document, mentions, search, feedId: input.feedId, createdBy: input.createdBy, ip: input.ip }
    return storeDocument(db, stored, storeOptions)
  }
  let stored: StoredDocument
  try {
    stored = await store(matcher ?? (await prefetched))
  } catch (error) {
    // An alias deleted between building the matcher and writing: rebuild once and retry.
    if (!isStaleMentionAlias(error) || db.isTransaction) throw error
    clearMentionMatcherCache()
    stored = await store(undefined)
  }
  const { storedMentions, ...result } = stored
  if (!result.document.duplicate) await collectDocumentNewNames(db, result.document.id, { body: document.body, mentions: storedMentions })
  // Alerts were checked inside the transaction; once more after commit, because a document
  // another instance committed meanwhile was invisible there (raising is idempotent). The
  // embedded database runs one transaction at a time, so there was none.
  if (!db.isTransaction && !result.document.duplicate && result.mentions > 0 && !(await isEmbeddedDatabase(db)))
    await inTransaction(db, (tx) => raiseAlertsForDocument(tx, result.document.id))
  timings.totalMs = since(started)
  timings.storeMs = Math.max(0, timings.totalMs - timings.extractMs - timings.matchMs)
  return { ...result, timings }
}
