import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import helmet from 'helmet'

// Security headers for every response, with helmet. The Content-Security-Policy lets a page
// run only our own scripts: Remix's inline hand-off scripts carry a per-response nonce
// (entry.server.tsx and root.tsx pass it on), so markup injected into a page cannot run
// script. Styles may be inline (React style attributes, the charts); images may be data:
// URLs (the meeting charts are SVG images) or blob: URLs (PNG export). HSTS is sent only
// over https (behind a proxy, X-Forwarded-Proto from a proxy TRUST_PROXY trusts): on a
// plain-http install it would mean nothing, or lock people out of a site that has no https.

const nonceOf = (res: ServerResponse) => (res as ExpressResponse).locals.cspNonce as string

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
}

export function securityHeaders(): RequestHandler[] {
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 86_400, includeSubDomains: true })
  return [
    (_req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      res.locals.cspNonce = randomBytes(16).toString('base64')
      next()
    },
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      // Browsers send Origin: null on a same-origin POST under no-referrer, which the
      // cross-site check (origin.server.ts) would refuse: same-origin keeps it, and keeps
      // our URLs from the sites people follow links to.
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: false,
      xFrameOptions: { action: 'sameorigin' },
    }),
    (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => (req.secure ? hsts(req, res, next) : next()),
  ]
}

/** The nonce of this response's Content-Security-Policy (for the load context). */
export function cspNonce(res: ExpressResponse | undefined): string | undefined {
  return res?.locals.cspNonce as string | undefined
}
