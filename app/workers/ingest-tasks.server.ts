import { type Extracted, extractFile, fileKindOf, type UploadedFile } from '#app/ingest/extract-file.server.ts'
import { joinPdfPages, type PdfExtract } from '#app/ingest/extract-pdf.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { MB } from '#app/ingest/limits.ts'
import { searchTextOf } from '#app/ingest/search-text.ts'
import type { Mention, MentionMatcher } from '#app/mentions/index.ts'

import { type TimeLimit, workerPool } from './pool.server.ts'
import { type MatcherSnapshot, TASKS } from './tasks.ts'

// The ingest pipeline's CPU work through the worker pool: extraction and cleaning of a
// file, of HTML and of pasted text, and finding the mentions. Small inputs stay in the
// calling thread, where they take a few ms, less than the trip to a worker.

/** Text and files under this size are handled in-thread (PDFs never: PDFium reads a page without yielding, and a hostile one can take seconds). */
const IN_THREAD_CHARS = 32 * 1024
/** A PDF this big is read by every worker at once, each taking a run of its pages. */
const SPLIT_PDF_BYTES = 256 * 1024
/** ... as long as each gets this many pages. */
const MIN_PAGES_PER_WORKER = 8

/** PDFium stalled on one page (see pdfTimeLimit): the file is read again by pdf.js. */
export class PdfiumStalled extends Error {
  constructor() {
    super('PDFium stalled on a page')
    this.name = 'PdfiumStalled'
  }
}

/**
 * A page PDFium has not finished after this long is one it may take minutes over: an
 * ordinary page takes it 1-5 ms, a 1 MB page of text about 0.4 s. A page slow for other
 * reasons (a busy machine) is read by pdf.js, more slowly but as well.
 */
export const PDFIUM_PAGE_STALL_MS = 500

/**
 * How long reading a PDF may take in a worker: 30 s and 2 s a MB in all, ten times what a
 * 2,000-page report takes here, and with PDFium PDFIUM_PAGE_STALL_MS a page. A long run of
 * spaces costs PDFium time quadratic in its length (decision 051): such a file is read by
 * pdf.js instead, which has no such case; one that is slow anyway is refused.
 */
export function pdfTimeLimit(bytes: number, reader: PdfReader = 'pdfium'): TimeLimit {
  const seconds = Math.round(30 + (2 * bytes) / MB)
  return {
    ms: seconds * 1000,
    stallMs: reader === 'pdfium' ? PDFIUM_PAGE_STALL_MS : undefined,
    error: (kind) => (kind === 'stall' ? new PdfiumStalled() : new IngestError('slowPdf', { seconds })),
  }
}

export type PdfReader = 'pdfium' | 'pdfjs'

export async function extractFileOffThread(file: UploadedFile): Promise<Extracted> {
  const pool = workerPool()
  if (!pool.threaded) return extractFile(file)
  const isPdf = file.bytes.length > 0 && fileKindOf(file) === 'pdf'
  if (!isPdf && file.bytes.length < IN_THREAD_CHARS) return extractFile(file)
  if (!isPdf) return pool.run('extractFile', file)
  try {
    if (file.bytes.length < SPLIT_PDF_BYTES || pool.size < 2) return await pool.run('extractFile', file, pdfTimeLimit(file.bytes.length))
    return await pool.run('finishPdf', await readPdfInSlices(file.bytes, pool.size))
  } catch (error) {
    if (!(error instanceof PdfiumStalled)) throw error
    return pool.run('finishPdf', await readPdfInSlices(file.bytes, pool.size, 'pdfjs'))
  }
}

/** A PDF's text and info, its pages read in up to `slices` runs at once, joined as extractPdf joins them. */
export async function readPdfInSlices(bytes: Uint8Array, slices: number, reader: PdfReader = 'pdfium'): Promise<PdfExtract> {
  const limit = pdfTimeLimit(bytes.length, reader)
  const task = reader === 'pdfium' ? 'pdfSlice' : 'pdfSliceWithPdfJs'
  const parts = await Promise.all(
    Array.from({ length: slices }, (_, slice) => workerPool().run(task, { bytes, slice, slices, minPages: MIN_PAGES_PER_WORKER }, limit)),
  )
  return { ...parts[0].info!, text: joinPdfPages(parts.flatMap((part) => part.pages)) }
}

export async function extractHtmlOffThread(html: string) {
  return html.length < IN_THREAD_CHARS ? TASKS.extractHtml(html) : workerPool().run('extractHtml', html)
}

/** A document's search index text (~0.1 s for a 100-page report), worked out while the thread that serves pages stores the rest. */
export async function searchTextOffThread(title: string, body: string) {
  const pool = workerPool()
  return body.length < IN_THREAD_CHARS || !pool.threaded ? searchTextOf(title, body) : pool.run('searchText', { title, body })
}

export async function cleanPastedTextOffThread(text: string) {
  return text.length < IN_THREAD_CHARS ? TASKS.cleanPastedText(text) : workerPool().run('cleanPastedText', text)
}

/**
 * The mentions in body, found by a worker when the matcher's registry is known (snapshot),
 * else here. A worker keeps the newest matcher it built: the registry is sent again only
 * when it says it has not got it.
 */
export async function findMentionsOffThread(
  matcher: MentionMatcher,
  snapshot: MatcherSnapshot | undefined,
  body: string,
): Promise<Mention[]> {
  const pool = workerPool()
  if (!snapshot || !pool.threaded || body.length < IN_THREAD_CHARS) return matcher.findMentions(body)
  const first = await pool.run('findMentions', { body, fingerprint: snapshot.fingerprint })
  if ('mentions' in first) return first.mentions
  const second = await pool.run('findMentions', { body, fingerprint: snapshot.fingerprint, snapshot })
  if ('mentions' in second) return second.mentions
  return matcher.findMentions(body)
}
