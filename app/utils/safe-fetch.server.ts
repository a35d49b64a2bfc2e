import { type LookupAddress, promises as dnsPromises } from 'node:dns'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'

import { blockedAddressKind, type BlockedKind, isLocalhostName } from './address-policy.server.ts'

// Fetching a URL that a user typed in (a feed, a web page, a PDF) without letting them
// reach what only the server can reach. Every hop is checked: the scheme, then every
// address the host resolves to, and the connection is pinned to the checked addresses
// (a custom `lookup`), so DNS cannot answer differently between the check and the
// connect. Redirects are followed by hand, each one checked again.

export type SafeFetchReason =
  | 'badUrl'
  | 'scheme'
  | 'blockedAddress'
  | 'dnsFailed'
  | 'network'
  | 'tooLarge'
  | 'timeout'
  | 'badStatus'
  | 'badContentType'
  | 'tooManyRedirects'

export interface SafeFetchDetails {
  url?: string
  host?: string
  address?: string
  kind?: BlockedKind
  status?: number
  contentType?: string
  limit?: number
}

export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchReason,
    readonly details: SafeFetchDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`${reason}${details.host ? ` (${details.host})` : ''}`, options)
    this.name = 'SafeFetchError'
  }
}

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

export interface SafeFetchResult {
  finalUrl: string
  status: number
  /** The media type alone, lower-cased ('application/rss+xml'). */
  contentType: string
  charset: string | undefined
  body: Buffer
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
      return await readResponse(current, res, options, signal)
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

export function mediaTypeOf(header: string | undefined): { type: string; charset: string | undefined } {
  const [type, ...params] = (header ?? '').split(';')
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";]+)"?$/i)?.[1]).find(Boolean)
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() }
}

function accepts(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => (p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : p === type))
}

async function readResponse(url: URL, res: IncomingMessage, options: SafeFetchOptions, signal: AbortSignal): Promise<SafeFetchResult> {
  const status = res.statusCode ?? 0
  const { type, charset } = mediaTypeOf(res.headers['content-type'])
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const fail = (error: SafeFetchError) => {
    res.destroy()
    return error
  }
  if (status < 200 || status > 299) throw fail(new SafeFetchError('badStatus', { url: url.href, status }))
  if (options.accept?.length && !accepts(options.accept, type)) {
    throw fail(new SafeFetchError('badContentType', { url: url.href, contentType: type || '(none)' }))
  }
  if (Number(res.headers['content-length'] ?? 0) > maxBytes) throw fail(new SafeFetchError('tooLarge', { url: url.href, limit: maxBytes }))
  const body = await readLimited(decoded(res), maxBytes, signal, url)
  return { finalUrl: url.href, status, contentType: type, charset, body }
}

/** The body after Content-Encoding, so the size limit counts what we keep (no zip bombs). */
function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase()
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null
  if (!decoder) return res
  res.on('error', (error) => decoder.destroy(error))
  return res.pipe(decoder)
}

function readLimited(stream: Readable, maxBytes: number, signal: AbortSignal, url: URL): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onAbort = () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
    signal.addEventListener('abort', onAbort, { once: true })
    const done = (error?: unknown) => {
      signal.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve(Buffer.concat(chunks))
    }
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        stream.destroy()
        done(new SafeFetchError('tooLarge', { url: url.href, limit: maxBytes }))
        return
      }
      chunks.push(chunk)
    })
    stream.on('end', () => done())
    stream.on('error', (error) => done(error))
  })
}

/**
 * The body as text: the charset from Content-Type, else from an XML declaration or
 * <meta charset> near the start (Chinese sites still serve GBK), else UTF-8.
 */
export function bodyText(result: Pick<SafeFetchResult, 'body' | 'charset'>): string {
  const head = result.body.subarray(0, 1024).toString('latin1')
  const sniffed = head.match(/<\?xml[^>]*encoding=["']([\w-]+)["']/i)?.[1] ?? head.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1]
  const label = result.charset ?? sniffed ?? 'utf-8'
  try {
    return new TextDecoder(label).decode(result.body)
  } catch {
    return new TextDecoder('utf-8').decode(result.body)
  }
}

/**
 * A refusal as a message key with parameters ("feeds.fetch.blockedAddress?host=..."),
 * the same shape as field errors, so pages show it in the reader's language and a
 * stored feed error can be shown in either language later.
 */
export function describeFetchError(error: SafeFetchError): string {
  const params = new URLSearchParams()
  const d = error.details
  // "127.0.0.1 points to 127.0.0.1" says nothing; an address typed as such gets its own message.
  if (error.reason === 'blockedAddress' && d.host === d.address)
    return `feeds.fetch.blockedIp?${new URLSearchParams({ address: d.address ?? '' })}`
  if (d.host) params.set('host', d.host)
  if (d.address) params.set('address', d.address)
  if (d.status) params.set('status', String(d.status))
  if (d.contentType) params.set('contentType', d.contentType)
  if (d.limit !== undefined)
    params.set(
      'limit',
      error.reason === 'tooLarge'
        ? `${Math.round(d.limit / 100_000) / 10} MB`
        : error.reason === 'timeout'
          ? `${Math.round(d.limit / 100) / 10} s`
          : String(d.limit),
    )
  const query = params.toString()
  return `feeds.fetch.${error.reason}${query ? `?${query}` : ''}`
}
