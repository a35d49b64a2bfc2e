import { type AppLoadContext, writeReadableStreamToWritable } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { bodyLimitFor, declaredLength, isReadableContentType, limitedBody, refuseTooLarge, stopReading } from './body-limit.server.ts'
import { sendEarlyRefusal } from './early-refusal.server.ts'
import { requestHost } from './origin.server.ts'

// Express -> Remix, in place of @remix-run/express's handler: the same translation, except
// that the request body Remix sees is limited while it streams (body-limit.server.ts) and a
// multipart Content-Type without a usable boundary is refused with 400 before any route
// tries to parse it.

export type HandleRequest = (request: Request, context: AppLoadContext) => Promise<Response>

export interface RequestHandlerOptions {
  /** Remix's handler (createRequestHandler from @remix-run/node), or a stand-in in tests. */
  handle: HandleRequest
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext>
}

const NO_BODY = new Set(['GET', 'HEAD'])

function fetchHeaders(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

export function requestUrl(req: ExpressRequest): URL {
  return new URL(`${req.protocol}://${requestHost(req) ?? 'localhost'}${req.originalUrl}`)
}

export function createRequestHandler({ handle, getLoadContext }: RequestHandlerOptions) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    let cutOff = false
    try {
      const context = await getLoadContext(req, res)
      const url = requestUrl(req)
      const headers = fetchHeaders(req)
      // Like Remix's adapter: loaders and actions see an aborted signal once the client is gone
      // (or the body was cut off), and entry.server.tsx logs no error for an aborted request.
      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      let body: ReadableStream<Uint8Array> | undefined
      if (!NO_BODY.has(req.method)) {
        if (!isReadableContentType(req.get('Content-Type'))) {
          stopReading(req, res)
          return await sendEarlyRefusal(req, res, { status: 400, titleKey: 'error.badRequestTitle', messageKey: 'error.malformedForm' })
        }
        const limit = await bodyLimitFor(req, new Request(url, { headers }), context)
        if ((declaredLength(req) ?? 0) > limit) return await refuseTooLarge(req, res)
        body = limitedBody(req, res, limit, () => {
          cutOff = true
          controller.abort()
        })
      }
      const request = new Request(url, {
        method: req.method,
        headers,
        body,
        signal: controller.signal,
        ...(body ? { duplex: 'half' } : {}),
      })
      const response = await handle(request, context)
      // The body went over its limit and a 413 answers it: whatever the route made of it is dropped.
      if (cutOff || res.headersSent) return void (await response.body?.cancel())
      await sendResponse(res, response)
    } catch (error) {
      if (res.headersSent) return void res.end()
      if (cutOff) return
      next(error)
    }
  }
}
