import { parsePdfDate } from './dates.ts'
import { IngestError } from './ingest-error.ts'
import { pageTexts, type PdfiumDocument, withPdfium } from './pdfium.server.ts'

// PDF -> text with PDFium (pdfium.server.ts, decision 051).

export interface PdfExtract {
  /** The pages' text, a form feed (\f) between pages (page-furniture.ts reads them apart). */
  text: string
  pages: number
  title: string | null
  publisher: string | null
  publishedOn: string | null
}

/** "%PDF-" within the first KB: how readers recognise a PDF whatever its file name. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

// Titles that authoring tools write on their own ("Microsoft Word - draft3.docx") say
// nothing about the report; the file name is a better title then.
const TOOL_TITLE = /^(microsoft (word|powerpoint|excel) - |untitled|无标题)|\.(docx?|pptx?|xlsx?|pdf|wps)$/i

const clean = (value: string | null | undefined) => (value?.trim() ? value.replace(/\s+/g, ' ').trim() : null)

/** Opens a PDF, refusing encrypted and unreadable files with their reason. */
function withPdf<T>(bytes: Uint8Array, fn: (doc: PdfiumDocument) => Promise<T>): Promise<T> {
  if (!looksLikePdf(bytes)) return Promise.reject(new IngestError('corruptPdf'))
  return withPdfium(bytes, fn)
}

export type PdfInfo = Omit<PdfExtract, 'text'>

/** What a PDF says about itself, from its info dictionary's entries, whichever reader read them. */
export function pdfInfo(pages: number, entry: (key: 'Title' | 'Author' | 'CreationDate') => string | null | undefined): PdfInfo {
  const title = clean(entry('Title'))
  return {
    pages,
    title: title && !TOOL_TITLE.test(title) ? title : null,
    publisher: clean(entry('Author')),
    publishedOn: parsePdfDate(clean(entry('CreationDate'))),
  }
}

const infoOf = (doc: PdfiumDocument) => pdfInfo(doc.pageCount, (key) => doc.info(key))

/**
 * The pages (1-based, inclusive) of slice `slice` (0-based) when a document of `pageCount`
 * pages is cut into `slices` runs of at least `minPages` pages; null past the last run.
 */
export function sliceRange(pageCount: number, slice: number, slices: number, minPages: number): { from: number; to: number } | null {
  const runs = Math.max(1, Math.min(slices, Math.floor(pageCount / minPages)))
  const per = Math.ceil(pageCount / runs)
  const from = slice * per + 1
  return slice < runs ? { from, to: Math.min(pageCount, from + per - 1) } : null
}

/** One of `slices` runs of a PDF's pages, for one worker (app/workers); the first also brings the info dictionary. */
export interface PdfSlice {
  info: PdfInfo | null
  pages: string[]
}

/**
 * The pages of slice `slice` (0-based) when the document is cut into `slices` runs of at
 * least `minPages` pages: each worker opens the file and works out its own run, so no one
 * has to count the pages first. A slice past the last run reads nothing.
 */
export function readPdfSlice(bytes: Uint8Array, slice: number, slices: number, minPages: number): Promise<PdfSlice> {
  return withPdf(bytes, async (doc) => {
    const range = sliceRange(doc.pageCount, slice, slices, minPages)
    const pages = range ? await pageTexts(doc, range.from, range.to) : []
    return { info: slice === 0 ? infoOf(doc) : null, pages }
  })
}

/** Pages joined as extractPdf joins them, refusing a PDF without any text. */
export function joinPdfPages(pages: readonly string[]): string {
  const text = pages.join('\f')
  if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError('noTextPdf')
  return text
}

export function extractPdf(bytes: Uint8Array): Promise<PdfExtract> {
  return withPdf(bytes, async (doc) => {
    const text = joinPdfPages(await pageTexts(doc, 1, doc.pageCount))
    return { text, ...infoOf(doc) }
  })
}
