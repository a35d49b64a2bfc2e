import { extractHtml } from './extract-html.server.ts'
import { extractPdf, looksLikePdf } from './extract-pdf.server.ts'
import { cleanDocumentText, decodeTextBytes, extractPlainText, markdownToText } from './extract-text.server.ts'
import { IngestError } from './ingest-error.ts'

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

export async function extractFile(file: UploadedFile): Promise<Extracted> {
  if (file.bytes.length === 0) throw new IngestError('empty')
  const kind = fileKindOf(file)
  switch (kind) {
    case 'pdf': {
      const pdf = await extractPdf(file.bytes)
      return { kind, text: cleanDocumentText(pdf.text), title: pdf.title, publisher: pdf.publisher, publishedOn: pdf.publishedOn }
    }
    case 'html': {
      const html = extractHtml(decodeTextBytes(file.bytes))
      return { kind, ...html, text: cleanDocumentText(html.text) }
    }
    case 'markdown': {
      const source = decodeTextBytes(file.bytes)
      const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(source)?.[1]?.trim() || null
      return { kind, text: cleanDocumentText(markdownToText(source)), title: heading, publisher: null, publishedOn: null }
    }
    case 'text':
      return { kind, text: extractPlainText(file.bytes), title: null, publisher: null, publishedOn: null }
  }
}
