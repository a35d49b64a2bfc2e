import { looksLikePdf, pdfInfo, type PdfSlice, sliceRange } from './extract-pdf.server.ts'
import { InThreadPdfPort } from './extract-pdf-port.server.ts'
import { IngestError } from './ingest-error.ts'

// The second PDF reader: pdf.js, for a file PDFium stalls on (decision 051). PDFium is about
// twice as fast on ordinary reports, but a long run of spaces costs it time quadratic in its
// length; pdf.js reads such a page in milliseconds. Loaded on first use (about a second).

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

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/** Runs fn on the PDF opened with pdf.js, refusing encrypted and unreadable files with their reason. */
async function withPdfJs<T>(bytes: Uint8Array, fn: (doc: PdfDocument) => Promise<T>): Promise<T> {
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
  let doc: PdfDocument
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    worker.destroy()
    if ((error as { name?: string } | null)?.name === 'PasswordException') throw new IngestError('encryptedPdf')
    throw new IngestError('corruptPdf')
  }
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

/** readPdfSlice (extract-pdf.server.ts), read by pdf.js. */
export function readPdfSliceWithPdfJs(bytes: Uint8Array, slice: number, slices: number, minPages: number): Promise<PdfSlice> {
  return withPdfJs(bytes, async (doc) => {
    const range = sliceRange(doc.numPages, slice, slices, minPages)
    const pages = range ? await pagesText(doc, range.from, range.to) : []
    if (slice !== 0) return { info: null, pages }
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
    return { info: pdfInfo(doc.numPages, (key) => (typeof info[key] === 'string' ? info[key] : null)), pages }
  })
}
