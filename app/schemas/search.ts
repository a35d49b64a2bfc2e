import { z } from 'zod'

// Longer input is cut rather than refused: a pasted paragraph still searches its start.
export const SearchParamsSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((q) => (q ?? '').trim().slice(0, 100)),
  format: z.literal('json').optional().catch(undefined),
})
