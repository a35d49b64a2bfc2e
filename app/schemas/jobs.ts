import { z } from 'zod'

/** A job page's one action. */
export const CancelSchema = z.object({ intent: z.literal('cancel', { error: 'validation.invalid' }) })
