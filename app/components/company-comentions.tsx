import { Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'
import type { CoMention, CoMentions } from '#app/models/company/index.server.ts'

// The companies most often mentioned in the same documents as this one, over the last 4
// and 52 weeks, and whether each is on a watchlist (or a link to add it).

function CoMentionTable({ title, rows }: { title: string; rows: CoMention[] }) {
  const { t, locale } = useI18n()
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{t('comention.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('comention.company')}</th>
              <th className="num">{t('comention.documents')}</th>
              <th>{t('comention.watchlist')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.companyId}>
                <td>
                  <Link to={`/companies/${row.companyId}`}>{localName(locale, row)}</Link>
                </td>
                <td className="num">{row.documents.toLocaleString(locale)}</td>
                <td>
                  {row.watchlists.length > 0 ? (
                    row.watchlists.map((w, i) => (
                      <span key={w.id}>
                        {i > 0 ? ', ' : ''}
                        <Link to={`/watchlists/${w.id}`}>{t('comention.onWatchlist', { name: w.name })}</Link>
                      </span>
                    ))
                  ) : (
                    <Link to="/watchlists" className="small">
                      {t('comention.addToWatchlist')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export function CompanyCoMentions({ data }: { data: CoMentions }) {
  const { t } = useI18n()
  return (
    <section className="card stack" aria-labelledby="comention-title" data-testid="co-mentions">
      <h2 id="comention-title">{t('comention.title')}</h2>
      <p className="muted small">{t('comention.intro')}</p>
      <div className="two-col">
        <CoMentionTable title={t('comention.weeks4')} rows={data.weeks4} />
        <CoMentionTable title={t('comention.weeks52')} rows={data.weeks52} />
      </div>
    </section>
  )
}
