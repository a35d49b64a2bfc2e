import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { requireUser } from '#app/http/auth.server.ts'
import { requireWatchlist } from '#app/http/lookups.server.ts'
import { formatDateTime, localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import { type EntryChange, listWatchlistHistory } from '#app/models/watchlist/index.server.ts'
import styles from '#app/styles/watchlist.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.watchlist.name } : 'nav.watchlists', 'themeEdit.tabHistory')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const watchlist = await requireWatchlist(context, params.id)
  const timeZone = await getTeamTimeZone(context.db)
  return json({ watchlist, timeZone, weeks: await listWatchlistHistory(context.db, watchlist.id, timeZone) })
}

const BADGE = { add: 'wl-added', remove: 'wl-removed', edit: 'wl-edited' } as const

export default function WatchlistHistoryPage() {
  const { t, locale } = useI18n()
  const { watchlist, timeZone, weeks } = useLoaderData<typeof loader>()
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p className="small">
          <Link to={`/watchlists/${watchlist.id}`}>← {t('watchlists.backToList')}</Link>
        </p>
        <h1>{t('watchlists.historyTitle', { name: watchlist.name })}</h1>
        <p className="muted">{t('watchlists.historyIntro', { timeZone })}</p>
      </header>
      {weeks.length === 0 ? <p className="muted">{t('watchlists.historyEmpty')}</p> : null}
      {weeks.map((week) => (
        <section key={week.week} className="card wl-week" aria-labelledby={`week-${week.week}`}>
          <header className="wl-week-header">
            <h2 id={`week-${week.week}`}>
              <span className="week-chip">{week.week}</span>
            </h2>
            <span className="chips">
              <span className="badge wl-add-badge">{t('watchlists.weekSummary', { added: week.added, removed: week.removed })}</span>
              {week.edited ? <span className="badge">{t('wlhistory.edited', { count: week.edited })}</span> : null}
            </span>
          </header>
          <table className="data-table">
            <tbody>
              {week.events.map((event, i) => (
                <tr key={`${event.kind}-${event.entryId}-${i}`} className={`wl-event wl-event-${event.kind}`}>
                  <td className="nowrap small">{formatDateTime(locale, event.at, timeZone)}</td>
                  <td className="nowrap">
                    <span className={`badge ${BADGE[event.kind]}`}>
                      {event.kind === 'edit' ? t('wlhistory.edit') : t(`watchlists.event.${event.kind}`)}
                    </span>
                  </td>
                  <td className="nowrap">
                    <Link to={`/companies/${event.companyId}`}>{localName(locale, event)}</Link>
                  </td>
                  <td className="wl-event-text">{event.changes ? <EntryChanges changes={event.changes} /> : event.text}</td>
                  <td className="nowrap muted small">{t('watchlists.by', { name: event.byName ?? t('audit.system') })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}

/** What an edit changed, field by field, before and after (plain text: it is the user's). */
function EntryChanges({ changes }: { changes: EntryChange[] }) {
  const { t } = useI18n()
  return (
    <dl className="wl-changes">
      {changes.map((change) => (
        <div key={change.field}>
          <dt>{t(`wlhistory.field.${change.field}`)}</dt>
          <dd>
            <del aria-label={t('wlhistory.before')}>{change.before || t('wlhistory.empty')}</del>
            {' → '}
            <ins aria-label={t('wlhistory.after')}>{change.after || t('wlhistory.empty')}</ins>
          </dd>
        </div>
      ))}
    </dl>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
