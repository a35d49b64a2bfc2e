import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { sendEarlyRefusal } from './early-refusal.server.ts'

// Cross-site request refusal, for every route in one place (app/server.ts mounts it before
// Remix): a request that can change something (anything but GET and HEAD) is served only
// when the browser says it comes from a page of this app. The session cookie's SameSite=Lax
// stops other sites, but not a same-site page (another port, a sibling subdomain), and not
// login CSRF; Remix itself checks no origin for data requests (?_data=).
//
// "This app" is PUBLIC_URL when it is set; otherwise the address the request was sent to,
// with X-Forwarded-Proto/-Host believed only from a proxy that TRUST_PROXY trusts.

const SAFE_METHODS = new Set(['GET', 'HEAD'])

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined
}

/** The origin (scheme://host[:port], default port dropped) of a URL, or null if it has none. */
export function originOf(url: string | undefined | null): string | null {
  if (!url || url === 'null') return null
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** Host and port the request was sent to, honouring `trust proxy` like req.hostname does. */
export function requestHost(req: ExpressRequest): string | undefined {
  const trust = req.app.get('trust proxy fn') as ((address: string | undefined, hop: number) => boolean) | undefined
  const forwarded = trust?.(req.socket.remoteAddress, 0) ? firstValue(req.get('X-Forwarded-Host')) : undefined
  return forwarded ?? req.get('Host')
}

/** The app's own origin: PUBLIC_URL's when set, else the request's own scheme and host. */
export function appOrigin(req: ExpressRequest, publicUrl?: string): string | null {
  if (publicUrl) return originOf(publicUrl)
  const host = requestHost(req)
  return host ? originOf(`${req.protocol}://${host}`) : null
}

/** Where the browser says the request comes from: Origin, or Referer's origin when Origin is absent. */
export function sourceOrigin(req: ExpressRequest): string | null {
  const origin = req.get('Origin')
  if (origin !== undefined) return originOf(origin)
  return originOf(req.get('Referer'))
}

export function isSameOriginRequest(req: ExpressRequest, publicUrl?: string): boolean {
  if (SAFE_METHODS.has(req.method)) return true
  const expected = appOrigin(req, publicUrl)
  return expected !== null && sourceOrigin(req) === expected
}

// An operator whose PUBLIC_URL does not match the address people use would see every form
// refused: say so in the log, at most once a minute.
let lastLogged = 0

export function refuseCrossSiteRequests(options: { publicUrl?: string }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (isSameOriginRequest(req, options.publicUrl)) return next()
    if (Date.now() - lastLogged > 60_000) {
      lastLogged = Date.now()
      const from = req.get('Origin') ?? `Referer ${req.get('Referer') ?? 'none'}`
      console.warn(`[security] refused ${req.method} ${req.path} from ${from}; this app is ${appOrigin(req, options.publicUrl)}`)
    }
    sendEarlyRefusal(req, res, { status: 403, titleKey: 'error.crossSiteTitle', messageKey: 'error.crossSite' }).catch(next)
  }
}
