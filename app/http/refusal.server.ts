import { json } from '@remix-run/node'

import { Refusal } from '#app/utils/refusal.ts'

import type { FormFailure } from './forms.server.ts'

export { echoValues } from './forms.server.ts'

// The one way a refusal becomes a response: the message key next to its field, the form's
// values echoed so nothing typed is lost, and the refusal's own status.

/** `field` overrides where the message goes, for a page whose form lacks the refusal's own field. */
export function refusalResponse<Extra extends Record<string, unknown>>(
  error: unknown,
  values: Record<string, string> = {},
  extra?: Extra,
  field?: string,
) {
  if (!(error instanceof Refusal)) throw error
  const body = { ok: false, errors: { [field ?? error.field]: error.messageKey }, values, ...(extra ?? {}) } as FormFailure & Partial<Extra>
  return json(body, { status: error.status })
}

/** Runs an action's work; a Refusal comes back as the route's response, anything else is rethrown. */
export async function refuseWith<T, Extra extends Record<string, unknown>>(
  work: () => Promise<T>,
  values: Record<string, string> = {},
  extra?: Extra,
): Promise<T | ReturnType<typeof refusalResponse<Extra>>> {
  try {
    return await work()
  } catch (error) {
    return refusalResponse(error, values, extra)
  }
}

/** What a 404 carries: the message to show, so the one error boundary needs no per-route copy. */
export interface NotFoundData {
  notFound: true
  messageKey: string
  params: Record<string, string>
}

/** The value, or a 404 whose page says what was not found ('watchlists.notFound' with {id}). */
export function requireFound<T>(
  value: T | null | undefined | false,
  messageKey = 'error.notFound',
  params: Record<string, string> = {},
): T {
  if (value === null || value === undefined || value === false) throw notFound(messageKey, params)
  return value
}

export function notFound(messageKey = 'error.notFound', params: Record<string, string> = {}) {
  return json({ notFound: true, messageKey, params } satisfies NotFoundData, { status: 404 })
}

/** A URL parameter that must be a positive whole number (an id), else a 404. */
export function requireIdParam(value: string | undefined, messageKey = 'error.notFound'): number {
  const id = value && /^\d{1,10}$/.test(value) ? Number(value) : NaN
  // ids are PostgreSQL integers: anything past 2^31 - 1 cannot exist (and would be a 500 in SQL)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound(messageKey, { id: value ?? '' })
  return id
}

/** A URL parameter that must match a pattern (a slug, an ISO week), else a 404. */
export function requireParam(value: string | undefined, pattern: RegExp, messageKey = 'error.notFound', name = 'value'): string {
  if (!value || !pattern.test(value)) throw notFound(messageKey, { [name]: value ?? '' })
  return value
}
