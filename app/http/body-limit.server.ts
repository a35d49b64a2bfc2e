import type { AppLoadContext } from '@remix-run/node'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { MAX_REQUEST_BYTES } from '#app/ingest/limits.ts'
import { MAX_UNIVERSE_BYTES } from '#app/ingest/universe/read-universe.server.ts'
import { getSessionUser } from '#app/models/account/index.server.ts'
import { MAX_SPREADSHEET_BYTES } from '#app/utils/spreadsheet.server.ts'

import { readSessionToken } from './auth.server.ts'
import { sendEarlyRefusal } from './early-refusal.server.ts'
import { MAX_FORM_BYTES } from './forms.server.ts'

// Request bodies are counted while they stream in, before any route (or sign-in check)
// runs, so no route can read more than its limit: a body without Content-Length is cut at
// the limit, not read whole and measured afterwards. Signed-out requests (the sign-in,
// set-up and invitation forms) get a small limit; signed-in people get the form limit,
// and the upload routes theirs.

export const SIGNED_OUT_MAX_BODY_BYTES = 64 * 1024

/** Routes that take files from signed-in people, with what one request may bring. */
export const UPLOAD_ROUTES: { path: RegExp; maxBytes: number }[] = [
  { path: /^\/documents\/?$/, maxBytes: MAX_REQUEST_BYTES },
  // The spreadsheet plus the import form's few fields.
  { path: /^\/watchlists\/[^/]+\/import\/?$/, maxBytes: MAX_SPREADSHEET_BYTES + 64 * 1024 },
  { path: /^\/companies\/import\/?$/, maxBytes: MAX_UNIVERSE_BYTES + 64 * 1024 },
]

/** After refusing a body, how long the client gets to read the answer before the connection is cut. */
const LINGER_MS = 2_000

export function declaredLength(req: ExpressRequest): number | null {
  if (req.get('Transfer-Encoding')) return null
  const value = req.get('Content-Length')
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : null
}

async function isSignedIn(request: Request, context: AppLoadContext): Promise<boolean> {
  const token = await readSessionToken(request, context)
  return token !== null && (await getSessionUser(context.db, token)) !== undefined
}

/** How many body bytes this request may send. `probe` carries the request's headers (the session cookie). */
export async function bodyLimitFor(req: ExpressRequest, probe: Request, context: AppLoadContext): Promise<number> {
  const declared = declaredLength(req)
  // Small enough for anyone: no need to look the session up.
  if (declared !== null && declared <= SIGNED_OUT_MAX_BODY_BYTES) return SIGNED_OUT_MAX_BODY_BYTES
  if (!(await isSignedIn(probe, context))) return SIGNED_OUT_MAX_BODY_BYTES
  return UPLOAD_ROUTES.find((route) => route.path.test(req.path))?.maxBytes ?? MAX_FORM_BYTES
}

// RFC 2046: 1-70 characters from a small set, not ending in a space; quotes allowed around it.
const BOUNDARY = /^[\w'()+,\-./:=? ]{0,69}[\w'()+,\-./:=?]$/

/** False for a multipart Content-Type whose boundary is missing or broken (nothing else is judged here). */
export function isReadableContentType(contentType: string | undefined): boolean {
  if (!contentType) return true
  const [type, ...params] = contentType.split(';')
  if (type.trim().toLowerCase() !== 'multipart/form-data') return true
  const boundaries = params
    .map((param) => param.trim())
    .filter((param) => param.toLowerCase().startsWith('boundary='))
    .map((param) => param.slice('boundary='.length))
    .map((value) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value))
  return boundaries.length === 1 && BOUNDARY.test(boundaries[0])
}

/**
 * Stops reading the request and closes its connection once the client had a moment to read
 * the answer: the rest of an oversized body is never read, not even to throw it away.
 */
export function stopReading(req: ExpressRequest, res: ExpressResponse): void {
  // All of it has arrived already (a small body): drop the rest and keep the connection.
  if (req.complete) return void req.resume()
  req.pause()
  const cut = () => setTimeout(() => req.socket.destroy(), LINGER_MS).unref()
  if (res.writableFinished) cut()
  else res.once('finish', cut).once('close', cut)
}

export async function refuseTooLarge(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  stopReading(req, res)
  await sendEarlyRefusal(req, res, { status: 413, titleKey: 'error.tooLargeTitle', messageKey: 'error.tooLarge' })
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * The request body as a web stream that never yields more than `limit` bytes. Past the limit
 * the stream fails, the client gets 413 at once and reading stops. A body the route leaves
 * unread is drained (within the limit) after the answer, so the connection can be reused.
 */
export function limitedBody(req: ExpressRequest, res: ExpressResponse, limit: number, onOverflow?: () => void): ReadableStream<Uint8Array> {
  let read = 0
  let state: 'open' | 'discarding' | 'closed' = 'open'
  let controller: ReadableStreamDefaultController<Uint8Array>
  const overflow = () => {
    const wasOpen = state === 'open'
    state = 'closed'
    onOverflow?.()
    if (wasOpen) controller.error(new BodyTooLargeError(limit))
    void refuseTooLarge(req, res).catch(() => req.socket.destroy())
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
        req.on('data', (chunk: Buffer) => {
          read += chunk.length
          if (state === 'closed') return
          if (read > limit) return overflow()
          if (state === 'discarding') return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.on('end', () => {
          if (state === 'open') controller.close()
          state = 'closed'
        })
        req.on('error', (error) => {
          if (state === 'open') controller.error(error)
          state = 'closed'
        })
      },
      pull() {
        if (state === 'open') req.resume()
      },
      cancel() {
        if (state === 'open') state = 'discarding'
        req.resume()
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
  res.once('finish', () => {
    if (state !== 'open') return
    state = 'discarding'
    req.resume()
  })
  return stream
}
