// The server renders in either language: both are registered before the first request.
import '#app/i18n/messages.server.ts'

import { PassThrough } from 'node:stream'

import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'

import { NonceProvider } from '#app/http/csp-nonce.tsx'
import { retryAfterHeaders } from '#app/http/database-unavailable.server.ts'

const ABORT_DELAY = 5_000

// Errors are logged here with their stack; users only ever see the error boundary's
// message (Remix strips server error details from responses in production mode).
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}:`, error)
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise((resolve, reject) => {
    let shellRendered = false
    // The Content-Security-Policy nonce (app/http/security-headers.server.ts) goes on every inline script.
    const nonce = loadContext.cspNonce
    const app = (
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>
    )
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true
        const body = new PassThrough()
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        // X-Content-Type-Options, Referrer-Policy, X-Frame-Options: helmet sets them on every response.
        // A page answered 503 (database unavailable) tells browsers and proxies when to retry.
        if (responseStatusCode === 503) for (const [name, value] of Object.entries(retryAfterHeaders())) responseHeaders.set(name, value)
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
        pipe(body)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        responseStatusCode = 500
        if (shellRendered) console.error(error)
      },
    })
    setTimeout(abort, ABORT_DELAY)
  })
}
