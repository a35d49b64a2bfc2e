import { Link } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { type Locale, localName, type Translate, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { IngestOutcome, MergedDetails } from '#app/ingest/outcome.ts'

export type { IngestOutcome }

const STATUS_CLASS = { ingested: 'is-ingested', duplicate: 'is-duplicate', refused: 'is-refused' } as const

export function IngestResults({ outcomes }: { outcomes: IngestOutcome[] }) {
  const { t, locale } = useI18n()
  if (outcomes.length === 0) return null
  return (
    <section aria-labelledby="ingest-results-heading" className="ingest-results" role="status">
      <h3 id="ingest-results-heading">{t('documents.results')}</h3>
      <ul>
        {outcomes.map((outcome, index) => (
          <li key={`${outcome.name}-${index}`} className={STATUS_CLASS[outcome.status]}>
            <span className="ingest-status">{labelOf(t, 'documents.status', outcome.status)}</span>
            <span className="ingest-name">{outcome.name}</span>
            {outcome.document ? (
              <Link to={`/documents/${outcome.document.id}`} className="ingest-link">
                {outcome.document.title}
              </Link>
            ) : null}
            <span className="ingest-detail">
              {outcome.status === 'refused'
                ? fieldError(t, outcome.reason)
                : outcome.status === 'duplicate'
                  ? duplicateDetail(t, locale, outcome.merged)
                  : outcome.mentions
                    ? `${t('documents.resultMentions', { mentions: outcome.mentions, companies: outcome.companies?.length ?? 0 })}: ${(
                        outcome.companies ?? []
                      )
                        .slice(0, 6)
                        .map((c) => `${localName(locale, { nameEn: c.name, nameZh: c.nameZh })} ×${c.count}`)
                        .join(', ')}`
                    : t('documents.resultNoMentions')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A duplicate says what this ingest added to the stored copy, if anything. */
export function duplicateDetail(t: Translate, locale: Locale, merged: MergedDetails | undefined): string {
  const separator = t('documents.resultMergedSeparator')
  const tags = merged?.tags.join(separator) ?? ''
  const themes = (merged?.themes ?? []).map((theme) => localName(locale, { nameEn: theme.name, nameZh: theme.nameZh })).join(separator)
  if (tags && themes) return t('documents.resultMergedBoth', { tags, themes })
  if (tags) return t('documents.resultMergedTags', { tags })
  if (themes) return t('documents.resultMergedThemes', { themes })
  return t('documents.resultDuplicate')
}
