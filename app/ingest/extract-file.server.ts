import { extractHtml } from './extract-html.server.ts'
import { extractPdf, looksLikePdf, type PdfExtract } from './extract-pdf.server.ts'
import { cleanDocumentText, decodeTextBytes, markdownToText } from './extract-text.server.ts'
import { IngestError } from './ingest-error.ts'
import { removePageFurniture } from './page-furniture.ts'

// One uploaded file -> its text and whatever metadata it carries, by kind. The kind comes
// from the extension, except that a PDF is known by its first bytes whatever it is called.

export type FileKind = 'pdf' | 'html' | 'markdown' | 'text'

export interface UploadedFile {
  name: string
  bytes: Uint8Array
  contentType?: string | null
}

export interface Extracted {
  kind: FileKind
  text: string
  title: string | null
  publisher: string | null
  publishedOn: string | null
  /** Repeated page lines (headers, disclaimers, page numbers) taken out; see page-furniture.ts. */
  furnitureLinesRemoved?: number
}

/** Cleaned text, less the repeated lines of a text with pages. */
function withoutFurniture(text: string): { text: string; furnitureLinesRemoved: number } {
  const { text: kept, linesRemoved } = removePageFurniture(text)
  return { text: cleanDocumentText(kept), furnitureLinesRemoved: linesRemoved }
}

const BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  csv: 'text',
  tsv: 'text',
}

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION).map((ext) => `.${ext}`)

function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,10})$/i.exec(name)
  return match ? match[1].toLowerCase() : null
}

export function fileKindOf(file: UploadedFile): FileKind {
  if (looksLikePdf(file.bytes)) return 'pdf'
  const ext = extensionOf(file.name)
  if (ext) {
    const kind = BY_EXTENSION[ext]
    if (!kind) throw new IngestError('unsupportedType')
    return kind
  }
  if (/html/i.test(file.contentType ?? '')) return 'html'
  return 'text'
}

/** A file name without its extension, as a last-resort title. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[a-z0-9]{1,10}$/i, '')
    .replace(/_+/g, ' ')
    .trim()
}

/**
 * The text of a Markdown file's first "# " line, without closing #s, or null. A scan rather
 * than /^#[ \t]+(.+?)[ \t#]*$/m, which backtracks quadratically on a heading with a long
 * run of spaces; it keeps that pattern's answers (the first such line decides, and at
 * least one character after the spaces survives the closing-# strip).
 */
export function firstHeading(source: string): string | null {
  for (const line of source.split(/[\n\r\u2028\u2029]/)) {
    if (line.length < 3 || line[0] !== '#' || (line[1] !== ' ' && line[1] !== '\t')) continue
    let start = 2
    while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++
    if (start === line.length) return null // "#" and spaces only
    let end = line.length
    while (end > start + 1 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '#')) end--
    return line.slice(start, end).trim() || null
  }
  return null
}

/** A PDF's text as an upload's extract: the repeated page lines out, the text cleaned. */
export function extractedFromPdf(pdf: PdfExtract): Extracted {
  return { kind: 'pdf', ...withoutFurniture(pdf.text), title: pdf.title, publisher: pdf.publisher, publishedOn: pdf.publishedOn }
}

export async function extractFile(file: UploadedFile): Promise<Extracted> {
  if (file.bytes.length === 0) throw new IngestError('empty')
  const kind = fileKindOf(file)
  switch (kind) {
    case 'pdf':
      return extractedFromPdf(await extractPdf(file.bytes))
    case 'html': {
      const html = extractHtml(decodeTextBytes(file.bytes))
      return { kind, ...html, text: cleanDocumentText(html.text) }
    }
    case 'markdown': {
      const source = decodeTextBytes(file.bytes)
      return { kind, text: cleanDocumentText(markdownToText(source)), title: firstHeading(source), publisher: null, publishedOn: null }
    }
    case 'text':
      // A text file's pages are form feeds, as printers and some exporters write them.
      return { kind, ...withoutFurniture(decodeTextBytes(file.bytes)), title: null, publisher: null, publishedOn: null }
  }
}
