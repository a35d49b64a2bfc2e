import { fetchUrlDocument, type FetchUrlOptions } from '#app/ingest/fetch-url.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { MB } from '#app/ingest/limits.ts'
import { type IngestOutcome, outcomeOf, refusalKey } from '#app/ingest/outcome.ts'
import type { MentionMatcher } from '#app/mentions/index.ts'
import type { Actor } from '#app/models/account/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { enqueueBulkUpload } from '#app/models/document/index.server.ts'
import { getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { getAllowedHosts } from '#app/models/ops/index.server.ts'
import { describeFetchError, SafeFetchError, type SafeFetchReason } from '#app/utils/safe-fetch.server.ts'

import { ingestDocument, type IngestDocumentInput } from './ingest-document.server.ts'

// The documents page's ways of adding documents, between the route (forms) and the
// ingest pipeline (ingestDocument): one source -> an outcome the results list shows.

/** Six files or more, or more than this in total, go to a background job. */
export const BULK_MIN_FILES = 6
export const BULK_MIN_BYTES = 20 * MB

export type DocumentMeta = Omit<IngestDocumentInput, 'text' | 'html' | 'file' | 'title' | 'sourceUrl'>

/** Ingests one source; refusals become outcomes, anything unexpected is logged. */
export async function ingestSource(
  db: DB,
  name: string,
  source: Pick<IngestDocumentInput, 'text' | 'html' | 'file' | 'title' | 'sourceUrl'>,
  meta: DocumentMeta,
  matcher?: MentionMatcher,
): Promise<IngestOutcome> {
  try {
    return outcomeOf(name, await ingestDocument(db, { ...meta, ...source }, { matcher }))
  } catch (error) {
    if (error instanceof IngestError) return { name, status: 'refused', reason: refusalKey(error.reason, error.params) }
    console.error('[documents] ingest failed', name, error)
    return { name, status: 'refused', reason: refusalKey('failed') }
  }
}

/** The HTTP status for a refused document: 413 too large, 415 wrong type, else 400. */
export function refusalStatus(reason: string | undefined): number {
  if (
    reason?.startsWith('documents.refused.tooLarge') ||
    reason?.startsWith('documents.refused.uploadFull') ||
    reason?.startsWith('feeds.fetch.tooLarge')
  )
    return 413
  if (reason?.startsWith('documents.refused.unsupportedType') || reason?.startsWith('feeds.fetch.badContentType')) return 415
  // The address was fine but the far side failed (timeout, 500, no such host): still the
  // user's request that cannot be done, so a 4xx, never a 5xx of ours.
  if (reason && FAR_SIDE.some((r) => reason.startsWith(`feeds.fetch.${r}`))) return 422
  return 400
}
const FAR_SIDE: SafeFetchReason[] = ['dnsFailed', 'network', 'timeout', 'badStatus', 'tooManyRedirects']

export type UrlIngest = { ok: true; outcome: IngestOutcome } | { ok: false; reason: string }

/**
 * Fetches a page, text or PDF through safeFetch (public addresses only, size, time and type
 * limits; admin-allowed hosts excepted) and ingests it with the URL as its source.
 */
export async function ingestFromUrl(
  db: DB,
  url: string,
  meta: DocumentMeta,
  options: Omit<FetchUrlOptions, 'allowHosts'> = {},
): Promise<UrlIngest> {
  let fetched: Awaited<ReturnType<typeof fetchUrlDocument>>
  try {
    fetched = await fetchUrlDocument(url, { ...options, allowHosts: await getAllowedHosts(db) })
  } catch (error) {
    if (error instanceof SafeFetchError) return { ok: false, reason: describeFetchError(error) }
    throw error
  }
  const source = fetched.kind === 'pdf' ? { file: fetched.file } : fetched.kind === 'text' ? { text: fetched.text } : { html: fetched.html }
  const outcome = await ingestSource(db, fetched.finalUrl, { ...source, sourceUrl: fetched.finalUrl }, meta)
  if (outcome.status === 'refused') return { ok: false, reason: outcome.reason ?? 'validation.invalid' }
  return { ok: true, outcome }
}

export interface UploadedFileInput {
  name: string
  contentType: string
  bytes: Uint8Array
}

export type UploadIngest = { kind: 'job'; jobId: number } | { kind: 'done'; outcomes: IngestOutcome[] }

/**
 * Files from one upload: many (or large) ones are stored with a background job whose page
 * shows progress; a few are ingested now. Files the upload handler refused come back as
 * refused outcomes either way.
 */
export async function ingestUploadedFiles(
  db: DB,
  actor: Actor,
  files: UploadedFileInput[],
  refused: IngestOutcome[],
  meta: DocumentMeta,
): Promise<UploadIngest> {
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0)
  if (files.length + refused.length >= BULK_MIN_FILES || totalBytes > BULK_MIN_BYTES) {
    const jobId = await enqueueBulkUpload(db, actor, {
      files,
      refused: refused.map((r) => ({ name: r.name, reason: r.reason ?? 'validation.invalid' })),
      meta: {
        publisher: meta.publisher ?? '',
        publishedOn: meta.publishedOn ?? null,
        tags: [...(meta.tags ?? [])],
        themeIds: [...(meta.themeIds ?? [])],
      },
    })
    return { kind: 'job', jobId }
  }
  const { matcher } = await getMentionMatcher(db)
  const outcomes: IngestOutcome[] = []
  for (const file of files) outcomes.push(await ingestSource(db, file.name, { file }, meta, matcher))
  outcomes.push(...refused)
  return { kind: 'done', outcomes }
}
