import { gzipSync } from 'node:zlib'

import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { readDataVersion } from '#app/models/ops/index.server.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'

import { getOptionalUser } from './auth.server.ts'

// A cache of whole rendered pages for the heavy read-only views (the meeting page), in
// front of Remix. The meeting page is read by the whole team at once on Monday, and most
// of its cost is Node rendering charts and HTML, not the database; re-rendering the same
// unchanged page for each of twenty people is what the cache saves.
//
// Correctness rests on the key: the URL, the reader's cookies (session, language, colour
// scheme), their Accept-Language, the team's current ISO week, and the data version
// (app/models/ops/data-version.server.ts), which moves with every write. Every request still
// checks the session in the database, so a signed-out or disabled account is never served
// from the cache. Only 200 HTML responses without Set-Cookie are kept. Per process, so
// several app instances each keep their own and all read the same version.

type Render = (request: Request, context: AppLoadContext) => Promise<Response>

export interface PageCacheOptions {
  /** Which GET paths may be cached. */
  paths: RegExp
  render: Render
  getLoadContext: (req: ExpressRequest) => AppLoadContext
  maxEntries?: number
}

interface Entry {
  /** The Content-Security-Policy nonce the page was rendered with (see reuseNonce). */
  nonce?: string
  status: number
  headers: [string, string][]
  body: Buffer
  gzipped: Buffer
}

export interface PageCache {
  middleware: (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void
  stats: { hits: number; misses: number; bypassed: number }
  clear(): void
}

export function createPageCache({ paths, render, getLoadContext, maxEntries = 200 }: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>()
  const inFlight = new Map<string, { nonce?: string; outcome: Promise<Entry | Response> }>()
  const stats = { hits: 0, misses: 0, bypassed: 0 }

  async function serve(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    if (req.method !== 'GET' || !paths.test(req.path) || '_data' in req.query) return next()
    const context = getLoadContext(req)
    const request = toFetchRequest(req)
    const [user, data] = await Promise.all([getOptionalUser(request, context), readDataVersion(context.db)])
    if (!user) {
      stats.bypassed += 1
      return next() // Remix sends the sign-in redirect
    }
    const week = isoWeekOf(new Date(), data.timeZone ?? 'Asia/Shanghai')
    const key = JSON.stringify([req.originalUrl, req.headers.cookie ?? '', req.headers['accept-language'] ?? '', week, data.version])
    const cached = entries.get(key)
    if (cached) {
      stats.hits += 1
      entries.delete(key) // most recently used goes last
      entries.set(key, cached)
      return send(req, res, cached, 'hit')
    }
    stats.misses += 1
    let pending = inFlight.get(key)
    if (!pending) {
      pending = { nonce: context.cspNonce, outcome: renderEntry(request, context).finally(() => inFlight.delete(key)) }
      inFlight.set(key, pending)
    }
    const outcome = await pending.outcome
    if (outcome instanceof Response) {
      reuseNonce(res, pending.nonce)
      return sendResponse(res, outcome)
    }
    entries.set(key, outcome)
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    return send(req, res, outcome, 'miss')
  }

  async function renderEntry(request: Request, context: AppLoadContext): Promise<Entry | Response> {
    const response = await render(request, context)
    const type = response.headers.get('content-type') ?? ''
    if (response.status !== 200 || response.headers.has('set-cookie') || !type.startsWith('text/html')) return response
    const body = Buffer.from(await response.arrayBuffer())
    const headers = [...response.headers.entries()].filter(([name]) => !['content-length', 'content-encoding'].includes(name))
    return { nonce: context.cspNonce, status: response.status, headers, body, gzipped: gzipSync(body) }
  }

  return {
    // If the cache itself fails (the database is unreachable for the version check), the
    // request goes on to Remix, whose error page explains it; never Express's stack trace.
    middleware: (req, res, next) =>
      void serve(req, res, next).catch((error: unknown) => {
        console.error('[themeradar] page cache:', error instanceof Error ? error.message : error)
        if (!res.headersSent) next()
        else res.end()
      }),
    stats,
    clear: () => entries.clear(),
  }
}

/**
 * A stored page carries the nonce it was rendered with in its inline scripts, so its
 * Content-Security-Policy must name that nonce, not this response's fresh one. The page is
 * only ever served again to the same reader (the key holds their cookies).
 */
function reuseNonce(res: ExpressResponse, nonce: string | undefined) {
  const current = res.locals.cspNonce as string | undefined
  const policy = res.getHeader('Content-Security-Policy')
  if (!nonce || !current || typeof policy !== 'string') return
  res.setHeader('Content-Security-Policy', policy.replaceAll(`'nonce-${current}'`, `'nonce-${nonce}'`))
}

function send(req: ExpressRequest, res: ExpressResponse, entry: Entry, state: 'hit' | 'miss') {
  reuseNonce(res, entry.nonce)
  res.status(entry.status)
  for (const [name, value] of entry.headers) res.setHeader(name, value)
  res.setHeader('X-Page-Cache', state)
  res.setHeader('Vary', 'Accept-Encoding, Cookie')
  res.setHeader('Cache-Control', 'private, no-cache')
  if (req.acceptsEncodings('gzip') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip')
    res.end(entry.gzipped)
  } else {
    res.end(entry.body)
  }
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('Set-Cookie', cookies)
  res.end(Buffer.from(await response.arrayBuffer()))
}

function toFetchRequest(req: ExpressRequest): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (typeof value === 'string') headers.set(name, value)
  }
  return new Request(url, { method: 'GET', headers })
}
