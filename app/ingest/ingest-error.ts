import { Refusal } from '#app/utils/refusal.ts'

// Why a document was refused. The reason is shown to people in their language
// (documents.refused.<reason>) and, in English, on the command line's stderr.
export type IngestRefusal =
  | 'empty'
  | 'binary'
  | 'encryptedPdf'
  | 'corruptPdf'
  | 'noTextPdf'
  | 'slowPdf'
  | 'unsupportedType'
  | 'tooLarge'
  | 'tooLong'
  | 'tooMany'
  | 'uploadFull'
  | 'themeNotFound'
  | 'invalidDate'

const ENGLISH: Record<IngestRefusal, string> = {
  empty: 'the document has no text',
  binary: 'the file is not text (it looks binary, or is in an encoding other than UTF-8, UTF-16 or GB18030)',
  encryptedPdf: 'the PDF is encrypted or password-protected; save an unprotected copy and try again',
  corruptPdf: 'the file is not a readable PDF (damaged or not a PDF at all)',
  noTextPdf: 'the PDF has no text layer (a scan?); only PDFs with selectable text can be read',
  slowPdf: 'reading the PDF took over {seconds} s; it is probably damaged or built to stall readers',
  unsupportedType: 'this file type is not supported (use PDF, TXT, Markdown or HTML)',
  tooLarge: 'the file is larger than {max} MB',
  tooLong: 'the text is longer than {max} characters',
  tooMany: 'too many files in one upload (at most {max})',
  uploadFull: 'the upload is over {max} MB in total; add the remaining files in another upload',
  themeNotFound: 'one of the chosen themes does not exist',
  invalidDate: 'the published date is not a valid YYYY-MM-DD date',
}

/** A refusal of one document: the message key is documents.refused.<reason>, the message English. */
export class IngestError extends Refusal {
  declare readonly reason: IngestRefusal

  constructor(
    reason: IngestRefusal,
    readonly params: Record<string, string | number> = {},
  ) {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
    const status = reason === 'tooLarge' || reason === 'uploadFull' ? 413 : 400
    super(reason, { messageKey: `documents.refused.${reason}${query ? `?${query}` : ''}`, status })
    this.message = ENGLISH[reason].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    this.name = 'IngestError'
  }
}

export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError
}
