import { bodyText, type Resolver, safeFetch, SafeFetchError } from '#app/utils/safe-fetch.server.ts'

// A web page, a plain-text file or a PDF, fetched from a URL someone pasted, through
// safeFetch (public addresses only, size and time limits). The result is ready for
// ingestDocument: { html } or { text } directly, or { file } for a PDF.

export const URL_DOCUMENT_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'application/pdf'] as const
export const URL_MAX_BYTES = 25_000_000
export const URL_TIMEOUT_MS = 30_000

export interface FetchUrlOptions {
  /** Host names the admin allowed (getAllowedHosts). */
  allowHosts?: readonly string[]
  lookup?: Resolver
  maxBytes?: number
  timeoutMs?: number
  signal?: AbortSignal
}

interface Fetched {
  contentType: string
  finalUrl: string
}

export type UrlDocument =
  | (Fetched & { kind: 'html'; html: string })
  | (Fetched & { kind: 'text'; text: string })
  | (Fetched & { kind: 'pdf'; file: { name: string; bytes: Uint8Array; contentType: string } })

/** Throws SafeFetchError (describeFetchError gives the message) when refused or failed. */
export async function fetchUrlDocument(url: string, options: FetchUrlOptions = {}): Promise<UrlDocument> {
  const result = await safeFetch(url, {
    accept: URL_DOCUMENT_TYPES,
    allowHosts: options.allowHosts,
    lookup: options.lookup,
    maxBytes: options.maxBytes ?? URL_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? URL_TIMEOUT_MS,
    signal: options.signal,
  })
  const base = { contentType: result.contentType, finalUrl: result.finalUrl }
  if (result.contentType === 'application/pdf') {
    // Servers mislabel; what is not a PDF inside is refused here rather than by the PDF reader.
    if (result.body.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new SafeFetchError('badContentType', { url: result.finalUrl, contentType: 'application/pdf (not a PDF)' })
    return {
      ...base,
      kind: 'pdf',
      file: { name: pdfName(result.finalUrl), bytes: new Uint8Array(result.body), contentType: 'application/pdf' },
    }
  }
  const text = bodyText(result)
  if (result.contentType === 'text/plain' || result.contentType === 'text/markdown') return { ...base, kind: 'text', text }
  return { ...base, kind: 'html', html: text }
}

/** The file name from the URL's last path segment, ending in .pdf. */
function pdfName(url: string): string {
  const raw = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? ''
  let last: string
  try {
    last = decodeURIComponent(raw) || 'document'
  } catch {
    last = raw || 'document' // malformed %-escapes
  }
  const safe = last.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 200)
  return /\.pdf$/i.test(safe) ? safe : `${safe}.pdf`
}
