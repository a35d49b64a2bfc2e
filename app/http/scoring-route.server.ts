import { type AppLoadContext, json } from '@remix-run/node'

import { getScoringTheme } from '#app/models/scoring/index.server.ts'
import { SLUG_PATTERN } from '#app/schemas/scoring.ts'
import { ScoringError } from '#app/scoring/errors.ts'

import type { FormFailure } from './forms.server.ts'

// Shared by the scoring routes: the theme named in the URL (or a 404), and a refusal from
// a model turned into a 4xx response with the message next to its field.

export async function requireScoringTheme(context: AppLoadContext, slug: string | undefined) {
  const found = slug && SLUG_PATTERN.test(slug) ? await getScoringTheme(context.db, slug) : null
  if (!found) throw json({ slug }, { status: 404 })
  return found
}

export function refusalResponse<Extra extends Record<string, unknown>>(error: unknown, values: Record<string, string> = {}, extra?: Extra) {
  if (!(error instanceof ScoringError)) throw error
  const body: FormFailure & Partial<Extra> = {
    ok: false,
    errors: { [error.field]: error.messageKey },
    values,
    ...(extra ?? {}),
  } as FormFailure & Partial<Extra>
  return json(body, { status: error.status })
}

/** What was typed, to show the form again as it was sent (no JavaScript). */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value.slice(0, 2000)
  return values
}
