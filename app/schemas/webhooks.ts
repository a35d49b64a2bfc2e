import { z } from 'zod'

import { IdSchema } from './common.ts'

/** Deleting a webhook: the administrator says what happens to its delivery log; nothing is assumed. */
export const WebhookDeleteSchema = z.object({
  intent: z.literal('delete'),
  id: IdSchema,
  log: z.enum(['keep', 'remove'], { error: 'webhookdel.chooseLog' }),
})

/** The back-fill cutoff: a document published more than this many days before it was added raises no alert. */
export const BackfillDaysSchema = z.object({
  intent: z.literal('backfill'),
  days: z.coerce
    .number({ error: 'alertrules.days' })
    .int({ error: 'alertrules.days' })
    .min(1, { error: 'alertrules.days' })
    .max(3650, { error: 'alertrules.days' }),
})

/** Snoozing a company's alerts: 7 or 28 days, or 0 to resume; `back` is the dashboard address to return to. */
export const SnoozeSchema = z.object({
  companyId: IdSchema,
  days: z.coerce.number().pipe(z.union([z.literal(0), z.literal(7), z.literal(28)])),
  back: z.string().max(2000).optional(),
})
