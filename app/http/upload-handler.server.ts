import type { UploadHandler } from '@remix-run/node'

import type { IngestRefusal } from '#app/ingest/ingest-error.ts'
import { MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_FILES, MAX_KEPT_BYTES, MAX_REQUEST_BYTES, MB } from '#app/ingest/limits.ts'

// Streams a multipart upload without ever holding more than the limits in memory. A file
// over the per-file limit is read to its end but not kept (so the browser gets an answer
// rather than a reset connection) and reported as refused; the rest of the upload is
// still ingested. A request over the total limit is cut off with an error.

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
  return { handler, refused }
}
