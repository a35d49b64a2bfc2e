import {
  describeConfidence,
  describeRule,
  MentionReviewForms,
  type ReviewConfidence,
  type ReviewRule,
} from '#app/components/mentions/mention-review.tsx'
import { useI18n } from '#app/i18n/index.ts'

// The document page's review panel: the mention a reader picked in the text, why it
// counted, and (for analysts) confirm / not this company. Announced politely, so a screen
// reader hears it when a mention is picked with the keyboard.

export interface PickedMention {
  id: number
  aliasText: string
  companyName: string
  rule: ReviewRule
  ruleDetail: string | null
  confidence: ReviewConfidence
  confirmed: boolean
}

interface Props {
  mention?: PickedMention
  canReview: boolean
  redirectTo: string
  onClose: () => void
}

export function MentionReviewPanel({ mention, canReview, redirectTo, onClose }: Props) {
  const { t } = useI18n()
  return (
    <div className="mention-review-panel" aria-live="polite">
      {mention ? (
        <section aria-labelledby="picked-heading" className="stack">
          <h2 id="picked-heading">{t('review.selected')}</h2>
          <p>
            <strong>{mention.aliasText}</strong> → {mention.companyName}
          </p>
          <p className="small">
            {t('review.rule')}: {mention.confirmed ? t('review.confirmedBy') : describeRule(t, mention.rule, mention.ruleDetail)}
            <br />
            {t('review.confidence')}:{' '}
            <span className={`badge confidence-${mention.confidence}`}>{describeConfidence(t, mention.confidence)}</span>
          </p>
          {canReview ? (
            <MentionReviewForms t={t} mentionId={mention.id} redirectTo={redirectTo} confirmed={mention.confirmed} idPrefix="doc" />
          ) : null}
          <button type="button" className="small" onClick={onClose}>
            {t('review.close')}
          </button>
        </section>
      ) : (
        <p className="field-hint">{t('review.pickHint')}</p>
      )}
    </div>
  )
}
