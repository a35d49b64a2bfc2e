import { Form } from '@remix-run/react'

import type { Translate } from '#app/i18n/index.ts'

// Why a mention counted, in words, and the two review buttons. Shared by the document
// page (for the selected mention) and the review queue (one row each).

export type ReviewRule = 'name' | 'product' | 'ticker' | 'context_word' | 'listed_with' | 'topic_word' | 'confirmed'
export type ReviewConfidence = 'high' | 'medium' | 'low'

/** "context word "startup"", "listed with Google", "its ticker"... */
export function describeRule(t: Translate, rule: ReviewRule, detail: string | null): string {
  switch (rule) {
    case 'context_word':
      return detail ? t('review.rule.context_word', { detail }) : t('review.rule.context_wordAny')
    case 'listed_with':
      return detail ? t('review.rule.listed_with', { detail }) : t('review.rule.listed_withAny')
    case 'topic_word':
      return detail ? t('review.rule.topic_word', { detail }) : t('review.rule.topic_wordAny')
    default:
      return t(`review.rule.${rule}`)
  }
}

export function describeConfidence(t: Translate, confidence: ReviewConfidence): string {
  return t(`review.confidence.${confidence}`)
}

interface ReviewFormsProps {
  t: Translate
  mentionId: number
  /** Where to come back to after the review (this page). */
  redirectTo: string
  /** Confirmed already: only "not this company" is offered. */
  confirmed?: boolean
  /** Distinguishes the scope choice's id when several forms share a page. */
  idPrefix: string
}

/** Confirm, and "not this company" with its scope (this phrase by default). Plain forms: they work without JavaScript. */
export function MentionReviewForms({ t, mentionId, redirectTo, confirmed, idPrefix }: ReviewFormsProps) {
  const scopeId = `${idPrefix}-scope-${mentionId}`
  return (
    <div className="review-forms">
      {confirmed ? null : (
        <Form method="post" action="/mentions/review" className="inline-form">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="mentionId" value={mentionId} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="small">
            {t('review.confirm')}
          </button>
        </Form>
      )}
      <Form method="post" action="/mentions/review" className="inline-form">
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="mentionId" value={mentionId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <label htmlFor={scopeId} className="visually-hidden">
          {t('review.scope')}
        </label>
        <select id={scopeId} name="scope" defaultValue="phrase" className="small">
          <option value="phrase">{t('review.scope.phrase')}</option>
          <option value="document">{t('review.scope.document')}</option>
        </select>
        <button type="submit" className="small danger-button">
          {t('review.reject')}
        </button>
      </Form>
    </div>
  )
}
