import { Link } from '@remix-run/react'

import { type MentionWeekRow, MentionWeeksChart } from '#app/components/charts/mention-weeks-chart.tsx'
import { formatDate, useI18n } from '#app/i18n/index.ts'

// The company page's mentions card: weekly counts as a chart, and the latest snippets with
// the matched alias marked. Snippets are document text: they are split into React text
// nodes around the alias, never injected as HTML, so markup in a document stays text.

export interface SnippetView {
  id: number
  aliasText: string
  /** Where the mention starts in the document: the document page's anchor. */
  start: number
  snippet: string
  /** Where the mention starts inside the snippet; null: mark every occurrence of the alias. */
  hitAt: number | null
  hitLength: number
  mentionsInDocument: number
  documentId: number
  title: string
  publisher: string
  publishedOn: string | null
}

/** The snippet cut around the mention, or around each occurrence of the alias (case-insensitive). */
export function splitSnippet(
  snippet: string,
  alias: string,
  hitAt: number | null = null,
  hitLength = alias.length,
): { text: string; hit: boolean }[] {
  if (hitAt !== null && hitAt >= 0 && hitAt + hitLength <= snippet.length) {
    return [
      { text: snippet.slice(0, hitAt), hit: false },
      { text: snippet.slice(hitAt, hitAt + hitLength), hit: true },
      { text: snippet.slice(hitAt + hitLength), hit: false },
    ].filter((p) => p.text)
  }
  if (!alias) return [{ text: snippet, hit: false }]
  const lower = snippet.toLowerCase()
  const needle = alias.toLowerCase()
  const parts: { text: string; hit: boolean }[] = []
  let at = 0
  for (let i = lower.indexOf(needle); i >= 0 && needle.length === alias.length; i = lower.indexOf(needle, at)) {
    if (i > at) parts.push({ text: snippet.slice(at, i), hit: false })
    parts.push({ text: snippet.slice(i, i + alias.length), hit: true })
    at = i + alias.length
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), hit: false })
  return parts
}

export function SnippetText({
  snippet,
  alias,
  hitAt,
  hitLength,
}: {
  snippet: string
  alias: string
  hitAt: number | null
  hitLength: number
}) {
  return (
    <p className="snippet-text">
      {splitSnippet(snippet, alias, hitAt, hitLength).map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  )
}

interface Props {
  weeks: MentionWeekRow[]
  snippets: SnippetView[]
}

export function CompanyMentions({ weeks, snippets }: Props) {
  const { t, locale, timeZone } = useI18n()
  const mentions = weeks.reduce((s, w) => s + w.mentions, 0)
  const documents = weeks.reduce((s, w) => s + (w.documents ?? 0), 0)
  const peak = weeks.reduce((best, w) => (w.mentions > best.mentions ? w : best), weeks[0])
  const summary =
    mentions && peak
      ? t('mentions.weeklySummary', { total: mentions, weeks: weeks.length, peak: peak.week, max: peak.mentions })
      : t('mentions.weeklyEmpty')
  return (
    <div className="company-mentions">
      <div className="stack">
        <h3>{t('mentions.company.chart')}</h3>
        <p className="muted small">{t('mentions.company.total', { mentions, documents, weeks: weeks.length })}</p>
        <MentionWeeksChart locale={locale} rows={weeks} width={560} height={200} title={t('mentions.company.chart')} summary={summary} />
      </div>
      <div>
        <h3>{t('mentions.company.latest')}</h3>
        {snippets.length === 0 ? <p className="muted">{t('company.mentionsEmpty')}</p> : null}
        <ul className="snippets">
          {snippets.map((s) => (
            <li key={s.id}>
              <Link to={`/documents/${s.documentId}#mention-${s.start}`} className="snippet-title">
                {s.title}
              </Link>{' '}
              <span className="muted small">
                {[
                  s.publisher,
                  s.publishedOn ? formatDate(locale, s.publishedOn, timeZone) : t('mentions.company.undated'),
                  t('mentions.company.inDocument', { n: s.mentionsInDocument }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <SnippetText snippet={s.snippet} alias={s.aliasText} hitAt={s.hitAt} hitLength={s.hitLength} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
