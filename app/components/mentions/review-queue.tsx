import { Form, Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'

import { SnippetText } from './company-mentions.tsx'
import { describeConfidence, describeRule, MentionReviewForms, type ReviewConfidence, type ReviewRule } from './mention-review.tsx'

// The review queue's two tables: uncertain mentions (snippet with the match marked, as
// text), and the "not this company" rules with undo.

export interface ReviewQueueRow {
  id: number
  documentId: number
  documentTitle: string
  companyId: number
  nameEn: string
  nameZh: string
  aliasText: string
  snippet: string
  snippetStart: number | null
  start: number
  end: number
  rule: ReviewRule
  ruleDetail: string | null
  confidence: ReviewConfidence
}

export function ReviewQueueTable({ rows, canReview, redirectTo }: { rows: ReviewQueueRow[]; canReview: boolean; redirectTo: string }) {
  const { t, locale } = useI18n()
  return (
    <table className="data-table review-table">
      <thead>
        <tr>
          <th scope="col">{t('review.company')}</th>
          <th scope="col">{t('review.snippet')}</th>
          <th scope="col">{t('review.rule')}</th>
          {canReview ? <th scope="col">{t('review.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id} data-mention={m.id}>
            <td>
              <Link to={`/companies/${m.companyId}`}>{localName(locale, m)}</Link>
            </td>
            <td>
              <SnippetText
                snippet={m.snippet}
                alias={m.aliasText}
                hitAt={m.snippetStart === null ? null : m.start - m.snippetStart}
                hitLength={m.end - m.start}
              />
              <Link to={`/documents/${m.documentId}#mention-${m.start}`} className="small">
                {m.documentTitle}
              </Link>
            </td>
            <td>
              <span>{describeRule(t, m.rule, m.ruleDetail)}</span>
              <br />
              <span className={`badge confidence-${m.confidence}`}>{describeConfidence(t, m.confidence)}</span>
            </td>
            {canReview ? (
              <td>
                <MentionReviewForms t={t} mentionId={m.id} redirectTo={redirectTo} idPrefix="queue" />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export interface ReviewRuleRow {
  id: number
  nameEn: string
  nameZh: string
  aliasKey: string
  scope: 'phrase' | 'document'
  phrase: string | null
  documentId: number | null
  documentTitle: string | null
  createdByName: string | null
}

export function ReviewRulesTable({ rules, canReview, redirectTo }: { rules: ReviewRuleRow[]; canReview: boolean; redirectTo: string }) {
  const { t, locale } = useI18n()
  return (
    <table className="data-table review-rules">
      <thead>
        <tr>
          <th scope="col">{t('review.company')}</th>
          <th scope="col">{t('review.ruleAlias')}</th>
          <th scope="col">{t('review.ruleWhere')}</th>
          <th scope="col">{t('review.ruleBy')}</th>
          {canReview ? <th scope="col">{t('review.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id}>
            <td>{localName(locale, rule)}</td>
            <td>
              <code>{rule.aliasKey}</code>
            </td>
            <td>
              {rule.scope === 'phrase' ? (
                t('review.ruleInPhrase', { phrase: rule.phrase ?? '' })
              ) : (
                <Link to={`/documents/${rule.documentId}`}>{t('review.ruleInDocument', { title: rule.documentTitle ?? '' })}</Link>
              )}
            </td>
            <td>{rule.createdByName ?? '—'}</td>
            {canReview ? (
              <td>
                <Form method="post" action="/mentions/review">
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="ruleId" value={rule.id} />
                  <input type="hidden" name="redirectTo" value={redirectTo} />
                  <button type="submit" className="small">
                    {t('review.undo')}
                  </button>
                </Form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
