import { z } from 'zod'

import { parseIsoWeek } from '#app/utils/iso-week.ts'

import { IdSchema } from './common.ts'

// The "New names" page: its week in the address and its decisions.

/** ?week=2026-W49 (any case); none means the current week; anything else is an error on the field. */
export function parseNewNamesWeek(params: URLSearchParams, currentWeek: string): { week: string; error: string | null } {
  const raw = (params.get('week') ?? '').trim().toUpperCase()
  if (!raw) return { week: currentWeek, error: null }
  if (raw.length > 8 || !parseIsoWeek(raw)) return { week: currentWeek, error: `newnames.error.week?week=${currentWeek}` }
  return { week: raw, error: null }
}

export const NewNameDecisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('dismiss'), id: IdSchema }),
    z.object({ intent: z.literal('restore'), id: IdSchema }),
    z.object({ intent: z.literal('addProduct'), id: IdSchema }),
  ],
  { error: 'validation.invalid' },
)
export type NewNameDecision = z.output<typeof NewNameDecisionSchema>

/** The new-company form's ?newName=<id> (and its hidden field): the name it was opened from. */
export const NewNameIdSchema = IdSchema
