import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { requireUser } from '#app/http/auth.server.ts'
import { formatDate, formatNumber, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { listThemeIndex } from '#app/models/theme/index.server.ts'
import styles from '#app/styles/theme.css'
import { roleAllows } from '#app/utils/permissions.ts'

// /themes: every theme the team follows in one table, with this week's consensus moves,
// mentions and the next meeting; archived themes in a table of their own below.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'themes.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const week = await currentTeamWeek(context.db)
  const themes = await listThemeIndex(context.db, week)
  return json({
    week,
    themes: themes.filter((t) => t.status !== 'archived'),
    archived: themes.filter((t) => t.status === 'archived'),
    canCreate: roleAllows(user.role, 'analyst'),
  })
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['themes'][number]

function ThemeTable({ rows, week, labelledBy }: { rows: Row[]; week: string; labelledBy: string }) {
  const { t, locale } = useI18n()
  return (
    <table className="data-table themes-index" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('themes.name')}</th>
          <th scope="col">{t('themes.stance')}</th>
          <th scope="col">{t('themes.status')}</th>
          <th scope="col" className="num">
            {t('themes.companies')}
          </th>
          <th scope="col" className="num">
            {t('themes.moves')}
          </th>
          <th scope="col" className="num">
            {t('themes.mentions')}
          </th>
          <th scope="col">{t('themes.nextMeeting')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((theme) => {
          const meetingWeek = theme.nextMeeting?.week ?? week
          return (
            <tr key={theme.id}>
              <th scope="row">
                <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>
              </th>
              <td>
                <span className={`badge stance-${theme.stance}`}>{labelOf(t, 'stance', theme.stance)}</span>
              </td>
              <td>{labelOf(t, 'status', theme.status)}</td>
              <td className="num">{formatNumber(locale, theme.companies)}</td>
              <td className="num">
                <Link to={`/themes/${theme.slug}/moved?week=${week}`}>{formatNumber(locale, theme.consensusMoves)}</Link>
              </td>
              <td className="num">{formatNumber(locale, theme.mentions)}</td>
              <td>
                <Link to={`/meetings/${meetingWeek}?theme=${encodeURIComponent(theme.slug)}`}>
                  {theme.nextMeeting?.heldOn
                    ? t('themes.meetingHeld', { week: meetingWeek, date: formatDate(locale, theme.nextMeeting.heldOn) })
                    : meetingWeek}
                </Link>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export default function ThemesIndex() {
  const { week, themes, archived, canCreate } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1 id="themes-heading">{t('themes.title')}</h1>
        {canCreate ? (
          <Link to="/themes/new" className="button">
            {t('themes.new')}
          </Link>
        ) : null}
      </header>
      <p className="muted">{t('themes.intro', { week })}</p>
      {themes.length ? <ThemeTable rows={themes} week={week} labelledBy="themes-heading" /> : <p className="muted">{t('themes.none')}</p>}
      <section className="stack" aria-labelledby="archived-heading">
        <h2 id="archived-heading">{t('themes.archived')}</h2>
        {archived.length ? (
          <ThemeTable rows={archived} week={week} labelledBy="archived-heading" />
        ) : (
          <p className="muted">{t('themes.noArchived')}</p>
        )}
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
