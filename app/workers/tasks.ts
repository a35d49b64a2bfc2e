import { extractedFromPdf, extractFile, type UploadedFile } from '#app/ingest/extract-file.server.ts'
import { extractHtml } from '#app/ingest/extract-html.server.ts'
import { type PdfExtract, readPdfSlice } from '#app/ingest/extract-pdf.server.ts'
import { readPdfSliceWithPdfJs } from '#app/ingest/extract-pdf-pdfjs.server.ts'
import { cleanDocumentText } from '#app/ingest/extract-text.server.ts'
import { removePageFurniture } from '#app/ingest/page-furniture.ts'
import { onPdfiumPageRead, pdfiumInstanceDropped } from '#app/ingest/pdfium.server.ts'
import { searchTextOf } from '#app/ingest/search-text.ts'
import {
  buildMentionMatcher,
  type Mention,
  type MentionAlias,
  type MentionMatcher,
  type MentionMatcherOptions,
} from '#app/mentions/index.ts'

// What a worker thread can be asked to do (pool.server.ts): pure functions of plain,
// cloneable data. The same table runs in-thread when workers are unavailable, so a task
// must give the same answer wherever it runs.

/** The registry a matcher is built from, as mention-matcher.server.ts loads it: the aliases and the matcher's options. */
export type MatcherSnapshot = { fingerprint: string; aliases: MentionAlias[] } & MentionMatcherOptions

/** Either the snapshot, or only its fingerprint when this thread may have built it already. */
export type FindMentionsInput = { body: string; fingerprint: string; snapshot?: MatcherSnapshot }
export type FindMentionsOutput = { mentions: Mention[] } | { needsSnapshot: true }

// One matcher per thread, for the newest registry it was sent: rebuilding takes ~50 ms for
// thousands of aliases, and the registry changes rarely.
let matcher: { fingerprint: string; matcher: MentionMatcher } | undefined

function findMentions({ body, fingerprint, snapshot }: FindMentionsInput): FindMentionsOutput {
  if (matcher?.fingerprint !== fingerprint) {
    if (snapshot?.fingerprint !== fingerprint) return { needsSnapshot: true }
    const { fingerprint: _, aliases, ...options } = snapshot
    matcher = { fingerprint, matcher: buildMentionMatcher(aliases, options) }
  }
  return { mentions: matcher.matcher.findMentions(body) }
}

/** Pasted text: the repeated page lines out (form feeds between pages), then cleaned. */
function cleanPastedText(text: string): { text: string; furnitureLinesRemoved: number } {
  const pasted = removePageFurniture(text)
  return { text: cleanDocumentText(pasted.text), furnitureLinesRemoved: pasted.linesRemoved }
}

/** One of `slices` runs of a PDF's pages (readPdfSlice). */
type PdfSliceInput = { bytes: Uint8Array; slice: number; slices: number; minPages: number }

export const TASKS = {
  extractFile: (file: UploadedFile) => extractFile(file),
  pdfSlice: ({ bytes, slice, slices, minPages }: PdfSliceInput) => readPdfSlice(bytes, slice, slices, minPages),
  /** The same slice read by pdf.js, for a file PDFium stalled on. */
  pdfSliceWithPdfJs: ({ bytes, slice, slices, minPages }: PdfSliceInput) => readPdfSliceWithPdfJs(bytes, slice, slices, minPages),
  finishPdf: (pdf: PdfExtract) => extractedFromPdf(pdf),
  extractHtml: (html: string) => {
    const extracted = extractHtml(html)
    return { ...extracted, text: cleanDocumentText(extracted.text) }
  },
  cleanPastedText,
  findMentions,
  searchText: ({ title, body }: { title: string; body: string }) => searchTextOf(title, body),
  /** For the pool's own tests: the thread a task ran on. */
  threadId: async () => (await import('node:worker_threads')).threadId,
}

/**
 * A worker leaves after its task when PDFium had to drop an instance (a hostile file grew it
 * to gigabytes): WebAssembly memory is only given back when the thread ends.
 */
export function workerShouldRetire(): boolean {
  return pdfiumInstanceDropped()
}

/** Where a worker reports each PDF page PDFium has read (the pool watches for a stalled page). */
export function reportPdfPagesTo(listener: (() => void) | undefined): void {
  onPdfiumPageRead(listener)
}

export type TaskName = keyof typeof TASKS
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0]
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>
