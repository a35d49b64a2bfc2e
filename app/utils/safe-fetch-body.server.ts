import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'

import { SafeFetchError } from './safe-fetch-error.ts'

// Reading a response safeFetch got: status and media type checked, the body decoded and
// cut off at the size limit, and turned into text in the charset it claims (or sniffs).

export interface SafeFetchResult {
  finalUrl: string
  status: number
  /** The media type alone, lower-cased ('application/rss+xml'). */
  contentType: string
  charset: string | undefined
  body: Buffer
}

export function mediaTypeOf(header: string | undefined): { type: string; charset: string | undefined } {
  const [type, ...params] = (header ?? '').split(';')
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^\s";][^";]*)"?$/i)?.[1]).find(Boolean)
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() }
}

function accepts(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => (p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : p === type))
}

/** Checks status, media type and size, then reads the (decoded) body up to maxBytes. */
export async function readResponse(
  url: URL,
  res: IncomingMessage,
  options: { accept?: readonly string[]; maxBytes: number },
  signal: AbortSignal,
): Promise<SafeFetchResult> {
  const status = res.statusCode ?? 0
  const { type, charset } = mediaTypeOf(res.headers['content-type'])
  const { maxBytes } = options
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
