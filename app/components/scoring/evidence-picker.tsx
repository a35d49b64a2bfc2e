import { useFetcher } from '@remix-run/react'

import { formatDate, useI18n } from '#app/i18n/index.ts'
import type { EvidenceRef } from '#app/scoring/moves.ts'

// The search box over documents (and mentions) for a score's evidence. With JavaScript it
// asks /themes/:slug/evidence and offers "Add" buttons; without, it is a GET form that
// reloads the scoring page with the results as tick boxes in the score form.

export interface EvidenceResults {
  documents: { id: number; title: string; publisher: string; publishedOn: string | null; inTheme: boolean }[]
  mentions: { id: number; alias: string; snippet: string; title: string; publishedOn: string | null }[]
}

interface Props {
  slug: string
  week: string
  cellKey: string
  q: string
  chosen: EvidenceRef[]
  onAdd: (item: EvidenceRef) => void
}

export function EvidencePicker({ slug, week, cellKey, q, chosen, onAdd }: Props) {
  const { t, locale } = useI18n()
  const fetcher = useFetcher<EvidenceResults>()
  const results = fetcher.data
  const isChosen = (documentId: number | null, mentionId: number | null) =>
    chosen.some((c) => c.documentId === documentId && c.mentionId === mentionId)
  return (
    <div className="evidence-picker">
      <form
        method="get"
        action={`/themes/${slug}/scores`}
        role="search"
        className="row-form"
        onSubmit={(event) => {
          event.preventDefault()
          const query = String(new FormData(event.currentTarget).get('q') ?? '').trim()
          if (query) fetcher.load(`/themes/${slug}/evidence?q=${encodeURIComponent(query)}`)
        }}
      >
        <input type="hidden" name="week" value={week} />
        <input type="hidden" name="cell" value={cellKey} />
        <label htmlFor="evidence-q" className="visually-hidden">
          {t('scoring.evidence.search')}
        </label>
        <input id="evidence-q" type="search" name="q" defaultValue={q} maxLength={100} placeholder={t('scoring.evidence.placeholder')} />
        <button type="submit" className="small">
          {t('scoring.evidence.searchButton')}
        </button>
      </form>
      {fetcher.state === 'loading' ? <p className="muted small">{t('common.loading')}</p> : null}
      {results ? (
        results.documents.length + results.mentions.length === 0 ? (
          <p className="muted small">{t('scoring.evidence.none')}</p>
        ) : (
          <ul className="evidence-results">
            {results.documents.map((d) => (
              <li key={`d${d.id}`}>
                <button
                  type="button"
                  className="small"
                  disabled={isChosen(d.id, null)}
                  onClick={() => onAdd({ documentId: d.id, mentionId: null, title: d.title })}
                >
                  {t('scoring.evidence.add')}
                </button>{' '}
                {d.title}
                <span className="muted small">
                  {' '}
                  {[d.publisher, d.publishedOn ? formatDate(locale, d.publishedOn) : ''].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
            {results.mentions.map((m) => (
              <li key={`m${m.id}`}>
                <button
                  type="button"
                  className="small"
                  disabled={isChosen(null, m.id)}
                  onClick={() => onAdd({ documentId: null, mentionId: m.id, title: `${m.alias} · ${m.title}` })}
                >
                  {t('scoring.evidence.add')}
                </button>{' '}
                <strong>{m.alias}</strong> <span className="muted small">{m.snippet}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}
