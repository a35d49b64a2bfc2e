import { parsePdfDate } from './dates.ts'
import { InThreadPdfPort } from './extract-pdf-port.server.ts'
import { IngestError } from './ingest-error.ts'

// PDF -> text with pdf.js. Loaded on first use: the library takes about a second to
// import and most requests never need it.

export interface PdfExtract {
  /** The pages' text, a form feed (\f) between pages (page-furniture.ts reads them apart). */
  text: string
  pages: number
  title: string | null
  publisher: string | null
  publishedOn: string | null
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfParser = typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs').WorkerMessageHandler
let pdfjs: Promise<{ lib: PdfJs; parser: PdfParser }> | undefined

/**
 * The legacy build (the one pdf.js supports on Node) brings core-js, which replaces
 * Array.prototype.push and JSON.parse for the whole thread with JavaScript versions that
 * differ only at lengths past 2^32 and in JSON.parse's source argument: push got 5x
 * slower, for pdf.js's own parser and for everything else in the thread. The natives go
 * back once both halves have loaded; what core-js adds (Promise.withResolvers, ...) stays.
 */
async function importKeepingNatives(): Promise<{ lib: PdfJs; parser: PdfParser }> {
  const push = Array.prototype.push
  const parse = JSON.parse
  try {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')])
    return { lib, parser: worker.WorkerMessageHandler }
  } finally {
    Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false })
    JSON.parse = parse
  }
}

function loadPdfJs(): Promise<{ lib: PdfJs; parser: PdfParser }> {
  pdfjs ??= importKeepingNatives().catch((error: unknown) => {
    pdfjs = undefined
    throw error
  })
  return pdfjs
}

/** "%PDF-" within the first KB: how readers recognise a PDF whatever its file name. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

// Titles that authoring tools write on their own ("Microsoft Word - draft3.docx") say
// nothing about the report; the file name is a better title then.
const TOOL_TITLE = /^(microsoft (word|powerpoint|excel) - |untitled|无标题)|\.(docx?|pptx?|xlsx?|pdf|wps)$/i

function infoString(info: Record<string, unknown>, key: string): string | null {
  const value = info[key]
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : null
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfWorker = InstanceType<PdfJs['PDFWorker']>

/** Opens a PDF with pdf.js, refusing encrypted and unreadable files with their reason. */
async function openPdf(bytes: Uint8Array): Promise<{ doc: PdfDocument; worker: PdfWorker }> {
  if (!looksLikePdf(bytes)) throw new IngestError('corruptPdf')
  const { lib, parser } = await loadPdfJs()
  // pdf.js's parser on this thread, talking over a port that copies messages cheaply.
  const port = new InThreadPdfPort()
  parser.initializeFromPort(port)
  const worker = new lib.PDFWorker({ port: port as never, verbosity: 0 })
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    worker,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  try {
    return { doc: await task.promise, worker }
  } catch (error) {
    await task.destroy().catch(() => undefined)
    worker.destroy()
    const name = (error as { name?: string } | null)?.name
    if (name === 'PasswordException') throw new IngestError('encryptedPdf')
    throw new IngestError('corruptPdf')
  }
}

/** Runs fn on the open document and closes it; a PDF that opens but breaks while read is damaged. */
async function withPdf<T>(bytes: Uint8Array, fn: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const { doc, worker } = await openPdf(bytes)
  try {
    return await fn(doc)
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError('corruptPdf')
  } finally {
    await doc.destroy()
    worker.destroy()
  }
}

async function pagesText(doc: PdfDocument, from: number, to: number): Promise<string[]> {
  const pages: string[] = []
  for (let n = from; n <= to; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    let text = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str
      if (item.hasEOL) text += '\n'
    }
    pages.push(text)
    page.cleanup()
  }
  return pages
}

export type PdfInfo = Omit<PdfExtract, 'text'>

async function infoOf(doc: PdfDocument): Promise<PdfInfo> {
  const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
  const title = infoString(info, 'Title')
  return {
    pages: doc.numPages,
    title: title && !TOOL_TITLE.test(title) ? title : null,
    publisher: infoString(info, 'Author'),
    publishedOn: parsePdfDate(infoString(info, 'CreationDate')),
  }
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
    const runs = Math.max(1, Math.min(slices, Math.floor(doc.numPages / minPages)))
    const per = Math.ceil(doc.numPages / runs)
    const from = slice * per + 1
    const pages = slice < runs ? await pagesText(doc, from, Math.min(doc.numPages, from + per - 1)) : []
    return { info: slice === 0 ? await infoOf(doc) : null, pages }
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
    const text = joinPdfPages(await pagesText(doc, 1, doc.numPages))
    return { text, ...(await infoOf(doc)) }
  })
}
