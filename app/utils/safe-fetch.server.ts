import { type LookupAddress, promises as dnsPromises } from 'node:dns'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'

import { blockedAddressKind, isLocalhostName } from './address-policy.server.ts'
import { readResponse, type SafeFetchResult } from './safe-fetch-body.server.ts'
import { SafeFetchError } from './safe-fetch-error.ts'

export { bodyText, mediaTypeOf, type SafeFetchResult } from './safe-fetch-body.server.ts'
export { describeFetchError, type SafeFetchDetails, SafeFetchError, type SafeFetchReason } from './safe-fetch-error.ts'

// Fetching a URL that a user typed in (a feed, a web page, a PDF) without letting them
// reach what only the server can reach. Every hop is checked: the scheme, then every
// address the host resolves to, and the connection is pinned to the checked addresses
// (a custom `lookup`), so DNS cannot answer differently between the check and the
// connect. Redirects are followed by hand, each one checked again.

export type Resolver = (hostname: string) => Promise<LookupAddress[]>

export interface SafeFetchOptions {
  maxBytes?: number
  timeoutMs?: number
  /** Acceptable media types, e.g. ['application/rss+xml', 'text/*']; omitted accepts any. */
  accept?: readonly string[]
  /** Exact host names allowed to resolve to non-public addresses (an intranet). */
  allowHosts?: readonly string[]
  /** DNS resolver; tests inject one. */
  lookup?: Resolver
  maxRedirects?: number
  signal?: AbortSignal
  /** POST sends `body` (webhooks); a POST is never redirected (the body would be lost or resent). */
  method?: 'GET' | 'POST'
  body?: string
  /** The body's media type, e.g. 'application/json; charset=utf-8'. */
  bodyType?: string
}

export const DEFAULT_MAX_BYTES = 5_000_000
export const DEFAULT_TIMEOUT_MS = 15_000
const USER_AGENT = 'ThemeRadar/0.1 (research feed reader)'

// Read through the module object at call time so tests can replace it with vi.spyOn.
const systemLookup: Resolver = (hostname) => dnsPromises.lookup(hostname, { all: true, verbatim: true })

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
  const maxRedirects = options.maxRedirects ?? 5
  let current = parseUrl(url)
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await abortable(vetHost(current, options), signal)
      const res = await request(current, addresses, options, signal)
      const location = res.headers.location
      if (res.statusCode && [301, 302, 303, 307, 308].includes(res.statusCode) && location) {
        res.resume()
        if (options.method === 'POST') throw new SafeFetchError('badStatus', { url: current.href, status: res.statusCode })
        if (hop >= maxRedirects) throw new SafeFetchError('tooManyRedirects', { url: current.href, limit: maxRedirects })
        current = parseUrl(new URL(location, current).href)
        continue
      }
      return await readResponse(current, res, { accept: options.accept, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES }, signal)
    }
  } catch (error) {
    if (error instanceof SafeFetchError) throw error
    if (timeout.aborted) throw new SafeFetchError('timeout', { url: current.href, limit: timeoutMs }, { cause: error })
    if (options.signal?.aborted) throw error
    throw new SafeFetchError('network', { url: current.href, host: current.hostname }, { cause: error })
  }
}

function parseUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new SafeFetchError('badUrl', { url: text.slice(0, 200) })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeFetchError('scheme', { url: url.href.slice(0, 200) })
  return url
}

/** The host's addresses, all of them public unless the host is on the allow list. */
export async function vetHost(url: URL, options: Pick<SafeFetchOptions, 'allowHosts' | 'lookup'> = {}): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const allowed = (options.allowHosts ?? []).some((h) => h.toLowerCase() === host)
  let addresses: LookupAddress[]
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }]
  } else if (isLocalhostName(host)) {
    addresses = [{ address: '127.0.0.1', family: 4 }]
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host)
    } catch (error) {
      throw new SafeFetchError('dnsFailed', { host }, { cause: error })
    }
    if (!addresses.length) throw new SafeFetchError('dnsFailed', { host })
  }
  if (!allowed) {
    for (const { address } of addresses) {
      const kind = blockedAddressKind(address)
      if (kind) throw new SafeFetchError('blockedAddress', { host, address, kind })
    }
  }
  return addresses
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function request(
  url: URL,
  addresses: LookupAddress[],
  { accept, method = 'GET', body, bodyType }: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http
  // Node asks with { all: true } when it races IPv4 and IPv6 (autoSelectFamily).
  const pinnedLookup = (_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, addresses)
    else callback(null, addresses[0].address, addresses[0].family)
  }
  return new Promise((resolve, reject) => {
    const payload = method === 'POST' ? Buffer.from(body ?? '', 'utf8') : undefined
    const req = client.request(url, {
      method,
      agent: false, // no pooled sockets: each connection goes through the pinned lookup
      signal,
      lookup: pinnedLookup as never,
      headers: {
        'User-Agent': USER_AGENT,
        Accept: accept?.length ? `${accept.join(', ')}, */*;q=0.1` : '*/*',
        'Accept-Encoding': 'gzip, deflate, br',
        ...(payload ? { 'Content-Type': bodyType ?? 'application/json; charset=utf-8', 'Content-Length': String(payload.length) } : {}),
      },
    })
    req.on('response', resolve)
    req.on('error', reject)
    req.end(payload)
  })
}
