import { json, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

import type { Locale } from '#app/i18n/index.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { isDatabaseUnavailable } from '#app/models/db.server.ts'

import { resolveLocale } from './auth.server.ts'

// While the database cannot be reached (a restart, dropped connections), every page and
// action answers 503 "try again in a moment" instead of a 500, in one place: the server
// wraps each route's loader and action (answerDatabaseOutages), so no route handles it.
// The error boundary shows the message; data requests get it as JSON.

/** Seconds a client should wait before trying again (Retry-After); a restart takes a few. */
export const RETRY_AFTER_SECONDS = 5

/** The body of a 503: already translated, since the reader's messages may not be loaded (the root failed too). */
export interface DatabaseUnavailableData {
  databaseUnavailable: true
  locale: Locale
  title: string
  message: string
}

export function retryAfterHeaders(): Record<string, string> {
  return { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' }
}

async function unavailableData(request: Request): Promise<DatabaseUnavailableData> {
  // The user's saved language needs the database: the language cookie or the browser's decides.
  const locale = await resolveLocale(request, null).catch(() => 'en' as const)
  const t = makeTranslate(locale)
  return { databaseUnavailable: true, locale, title: t('error.unavailableTitle'), message: t('error.databaseUnavailable') }
}

export async function databaseUnavailableResponse(request: Request): Promise<Response> {
  return json(await unavailableData(request), { status: 503, headers: retryAfterHeaders() })
}

// One line per outage rather than one per request: during an outage every request fails.
const LOG_EVERY_MS = 10_000
let lastLogged = 0
let unlogged = 0
function logOutage(error: unknown) {
  const now = Date.now()
  if (now - lastLogged < LOG_EVERY_MS) {
    unlogged += 1
    return
  }
  const more = unlogged ? ` (${unlogged} more 503s since the last report)` : ''
  console.warn(`[db] database unavailable, answering 503: ${error instanceof Error ? error.message : String(error)}${more}`)
  lastLogged = now
  unlogged = 0
}

type RouteFunction<Args extends { request: Request }> = (args: Args) => unknown

function guard<Args extends { request: Request }>(run: RouteFunction<Args>): (args: Args) => Promise<unknown> {
  return async (args) => {
    try {
      return await run(args)
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      logOutage(error)
      throw await databaseUnavailableResponse(args.request)
    }
  }
}

/** The build with every loader and action turning "database unavailable" into a thrown 503. */
export function answerDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: guard(loader) } : {}),
        ...(action ? { action: guard(action) } : {}),
      },
    }
  }
  return { ...build, routes }
}

/** Express error middleware for the same errors outside Remix (middleware before it). */
export function databaseUnavailableMiddleware(error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  if (!isDatabaseUnavailable(error) || res.headersSent) return next(error)
  logOutage(error)
  const request = new Request(new URL(req.originalUrl, 'http://localhost'), {
    headers: { cookie: req.get('cookie') ?? '', 'accept-language': req.get('accept-language') ?? '' },
  })
  void unavailableData(request).then((data) => res.status(503).set(retryAfterHeaders()).json(data), next)
}
