import type { BlockedKind } from './address-policy.server.ts'

// Why safeFetch refused or failed, and how that is shown: a message key with parameters.

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
