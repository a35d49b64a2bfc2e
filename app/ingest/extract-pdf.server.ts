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

export async function extractPdf(bytes: Uint8Array): Promise<PdfExtract> {
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
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    const name = (error as { name?: string } | null)?.name
    if (name === 'PasswordException') throw new IngestError('encryptedPdf')
    throw new IngestError('corruptPdf')
  }
  try {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
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
    const text = pages.join('\f')
    if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError('noTextPdf')
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
    const title = infoString(info, 'Title')
    return {
      text,
      pages: doc.numPages,
      title: title && !TOOL_TITLE.test(title) ? title : null,
      publisher: infoString(info, 'Author'),
      publishedOn: parsePdfDate(infoString(info, 'CreationDate')),
    }
  } catch (error) {
    if (error instanceof IngestError) throw error
    // A PDF that opens but breaks while its pages are read is damaged.
    throw new IngestError('corruptPdf')
  } finally {
    await doc.destroy()
  }
}
