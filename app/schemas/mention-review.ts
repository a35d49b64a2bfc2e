import { z } from 'zod'

// The review queue's address (company, theme, page) and the review actions posted from
// the queue and the document page.

const Id = z.coerce.number({ error: 'validation.required' }).int().min(1).max(2_147_483_647)

export const MentionReviewActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('confirm'), mentionId: Id, redirectTo: z.string().max(2000).optional() }),
  z.object({
    intent: z.literal('reject'),
    mentionId: Id,
    // "This alias in this phrase" unless the analyst says "in this document".
    scope: z.enum(['phrase', 'document'], { error: 'validation.choice' }).default('phrase'),
    redirectTo: z.string().max(2000).optional(),
  }),
  z.object({ intent: z.literal('undo'), ruleId: Id, redirectTo: z.string().max(2000).optional() }),
])
export type MentionReviewAction = z.output<typeof MentionReviewActionSchema>

export interface ReviewQueueParams {
  companyId?: number
  themeId?: number
  page: number
}

/** Unknown or malformed values are dropped (the whole queue is shown), never an error page. */
export function parseReviewQueueParams(params: URLSearchParams): ReviewQueueParams {
  const id = (key: string) => {
    const parsed = Id.safeParse(params.get(key) ?? '')
    return parsed.success ? parsed.data : undefined
  }
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .safeParse(params.get('page') ?? '1')
  return { companyId: id('company'), themeId: id('theme'), page: page.success ? page.data : 1 }
}
