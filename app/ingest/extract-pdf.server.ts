import { parsePdfDate } from './dates.ts'
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
let pdfjs: Promise<PdfJs> | undefined

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
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

/** Opens a PDF with pdf.js, refusing encrypted and unreadable files with their reason. */
async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (!looksLikePdf(bytes)) throw new IngestError('corruptPdf')
  const { getDocument } = await loadPdfJs()
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    const name = (error as { name?: string } | null)?.name
    if (name === 'PasswordException') throw new IngestError('encryptedPdf')
    throw new IngestError('corruptPdf')
  }
}

/** Runs fn on the open document and closes it; a PDF that opens but breaks while read is damaged. */
async function withPdf<T>(bytes: Uint8Array, fn: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await openPdf(bytes)
  try {
    return await fn(doc)
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError('corruptPdf')
  } finally {
    await doc.destroy()
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

/** The page count and info dictionary only: opening a PDF reads its index, not its pages. */
export function readPdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
  return withPdf(bytes, infoOf)
}

/** The text of pages from..to (1-based, inclusive): a slice of a big PDF for one worker (app/workers). */
export function readPdfPages(bytes: Uint8Array, from: number, to: number): Promise<string[]> {
  return withPdf(bytes, (doc) => pagesText(doc, Math.max(1, from), Math.min(to, doc.numPages)))
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
