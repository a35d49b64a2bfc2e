import type { Actor } from '#app/models/account/index.server.ts'
import { listCompanyNames } from '#app/models/company/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import {
  confirmMention,
  countReviews,
  deleteReviewRule,
  listReviewQueue,
  listReviewRules,
  rejectMention,
} from '#app/models/mentions/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { MentionReviewAction, ReviewQueueParams } from '#app/schemas/mention-review.ts'
import { requestCompanyRematch } from '#app/services/jobs/rematch-company-job.server.ts'

// The review queue page and the review actions (from the queue and the document page).

export async function loadReviewQueue(db: DB, params: ReviewQueueParams) {
  const [queue, counts, rules, themes, companies] = await Promise.all([
    listReviewQueue(db, params),
    countReviews(db, { companyId: params.companyId }),
    listReviewRules(db, { companyId: params.companyId }),
    listThemes(db),
    listCompanyNames(db),
  ])
  return {
    ...queue,
    counts,
    rules,
    themes: themes.filter((t) => t.status !== 'archived').map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
    companies,
  }
}

export type ReviewOutcome = { done: 'confirmed' } | { done: 'rejected'; removed: number } | { done: 'undone' }

export async function reviewMention(db: DB, actor: Actor, action: MentionReviewAction): Promise<ReviewOutcome> {
  if (action.intent === 'confirm') {
    await confirmMention(db, actor, action.mentionId)
    return { done: 'confirmed' }
  }
  if (action.intent === 'reject') {
    const { removed } = await rejectMention(db, actor, { mentionId: action.mentionId, scope: action.scope })
    return { done: 'rejected', removed }
  }
  // The rule's mentions are not stored anywhere: the company's rematch finds them again.
  await inTransaction(db, async (tx) => {
    const { companyId } = await deleteReviewRule(tx, actor, action.ruleId)
    await requestCompanyRematch(tx, { companyId, userId: actor.id, reason: 'review rule removed', ip: actor.ip })
  })
  return { done: 'undone' }
}
