import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import type { UploadHandler, UploadHandlerPart } from '@remix-run/node'
import busboy from 'busboy'

import type { IngestRefusal } from '#app/ingest/ingest-error.ts'
import { MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_FILES, MAX_KEPT_BYTES, MAX_REQUEST_BYTES, MB } from '#app/ingest/limits.ts'

// Streams a multipart upload without ever holding more than the limits in memory. A file
// over the per-file limit is read to its end but not kept (so the browser gets an answer
// rather than a reset connection) and reported as refused; the rest of the upload is
// still ingested. A request over the total limit is cut off with an error.
//
// The parts are read with busboy rather than Remix's unstable_parseMultipartFormData: that
// parser splits the Content-Disposition header on every ';' and '=', quoted or not, so one
// file named "Q3; final.pdf" or "a=b.pdf" failed the whole upload, and it ignores the
// RFC 5987 filename* form. busboy reads quoted strings, escapes and filename*.

export { MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_FILES, MAX_KEPT_BYTES, MAX_REQUEST_BYTES, MB } from '#app/ingest/limits.ts'

export interface RefusedUpload {
  fileName: string
  reason: IngestRefusal
  params?: Record<string, string | number>
}

export interface UploadLimits {
  maxFileBytes: number
  maxFiles: number
  maxKeptBytes: number
  maxRequestBytes: number
  maxFieldBytes: number
}

export class UploadTooLargeError extends Error {
  constructor(readonly field: string) {
    super(`upload too large (${field})`)
    this.name = 'UploadTooLargeError'
  }
}

export interface DocumentUpload {
  handler: UploadHandler
  /** Reads a multipart request through handler: its fields and kept files, in order. */
  parse: (request: Request) => Promise<FormData>
  /** Files that were not kept, with the reason, in upload order. */
  refused: RefusedUpload[]
}

export function createDocumentUploadHandler(overrides: Partial<UploadLimits> = {}): DocumentUpload {
  const limits: UploadLimits = {
    maxFileBytes: MAX_FILE_BYTES,
    maxFiles: MAX_FILES,
    maxKeptBytes: MAX_KEPT_BYTES,
    maxRequestBytes: MAX_REQUEST_BYTES,
    maxFieldBytes: MAX_FIELD_BYTES,
    ...overrides,
  }
  const refused: RefusedUpload[] = []
  let files = 0
  let kept = 0
  let read = 0

  const count = (size: number, field: string) => {
    read += size
    if (read > limits.maxRequestBytes) throw new UploadTooLargeError(field)
  }

  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (filename === undefined) {
      // An ordinary field: pasted text and metadata.
      const chunks: Uint8Array[] = []
      let size = 0
      for await (const chunk of data) {
        count(chunk.length, name)
        size += chunk.length
        if (size > limits.maxFieldBytes) throw new UploadTooLargeError(name)
        chunks.push(chunk)
      }
      return new TextDecoder().decode(Buffer.concat(chunks))
    }
    let chunks: Uint8Array[] = []
    let size = 0
    let refusal: RefusedUpload['reason'] | null = null
    for await (const chunk of data) {
      count(chunk.length, name)
      size += chunk.length
      if (refusal) continue
      if (size > limits.maxFileBytes || kept + size > limits.maxKeptBytes) {
        refusal = size > limits.maxFileBytes ? 'tooLarge' : 'uploadFull'
        chunks = []
        continue
      }
      chunks.push(chunk)
    }
    // A file input with nothing chosen still sends an empty part without a name.
    if (!filename && size === 0) return undefined
    const fileName = filename || 'upload'
    if (refusal) {
      const max = Math.floor((refusal === 'tooLarge' ? limits.maxFileBytes : limits.maxKeptBytes) / MB)
      refused.push({ fileName, reason: refusal, params: { max } })
      return undefined
    }
    files += 1
    if (files > limits.maxFiles) {
      refused.push({ fileName, reason: 'tooMany', params: { max: limits.maxFiles } })
      return undefined
    }
    kept += size
    return new File(chunks as BlobPart[], fileName, { type: contentType })
  }
  return { handler, parse: (request) => parseMultipart(request, handler, limits), refused }
}

/**
 * Browsers send file names as raw UTF-8 and write a double quote in one as %22 (HTML's
 * form-data encoding); a name can hardly contain a literal "%22", so it is read back as '"'.
 */
function fileNameOf(sent: string | undefined): string {
  return (sent ?? '').replace(/%22/g, '"')
}

/**
 * Hands each part to the handler in order, one at a time: the next file waits (and the
 * request with it) until the handler has read the one before, so memory holds at most
 * what the handler keeps. A handler's error stops reading and is what this rejects with.
 */
async function parseMultipart(request: Request, handler: UploadHandler, limits: UploadLimits): Promise<FormData> {
  if (!request.body) throw new TypeError('a multipart request without a body')
  const parser = busboy({
    headers: { 'content-type': request.headers.get('Content-Type') ?? '' },
    defParamCharset: 'utf8',
    limits: { fieldSize: limits.maxFieldBytes + 1 },
  })
  const form = new FormData()
  let failure: { error: unknown } | null = null
  let queue = Promise.resolve()
  const handle = (part: UploadHandlerPart, file?: Readable) => {
    queue = queue.then(async () => {
      if (failure) return void file?.resume()
      try {
        const value = await handler(part)
        if (value !== undefined && value !== null) form.append(part.name, value)
        file?.resume() // whatever the handler left unread
      } catch (error) {
        failure ??= { error }
        parser.destroy(error instanceof Error ? error : new Error(String(error)))
      }
    })
  }
  parser.on('file', (name, stream, info) => {
    // A body cut off before the handler reaches this file fails the stream while no one
    // reads it yet: without a listener that would be an uncaught 'error' that ends the
    // process. The failure still reaches the caller through the pipeline.
    stream.on('error', () => {})
    handle({ name, filename: fileNameOf(info.filename), contentType: info.mimeType, data: stream }, stream)
  })
  // busboy holds a field whole, cut one byte past the limit: the handler then refuses it.
  parser.on('field', (name, value, info) => handle({ name, contentType: info.mimeType, data: Readable.from([Buffer.from(value)]) }))
  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser)
  } catch (error) {
    failure ??= { error }
  }
  await queue
  if (failure) throw failure.error
  return form
}
