import { z } from 'zod'

import { IdSchema } from './common.ts'

/** Deleting a webhook: the administrator says what happens to its delivery log; nothing is assumed. */
export const WebhookDeleteSchema = z.object({
  intent: z.literal('delete'),
  id: IdSchema,
  log: z.enum(['keep', 'remove'], { error: 'webhookdel.chooseLog' }),
})
