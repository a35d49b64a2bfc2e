import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { requireUser } from '#app/http/auth.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { currentTeamWeek, loadWeekSummary, type ThemeWeekSummary } from '#app/models/scoring/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import styles from '#app/styles/theme.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const week = await currentTeamWeek(context.db)
  const [all, summary] = await Promise.all([listThemes(context.db), loadWeekSummary(context.db, user.id, week)])
  return json({
    themes: all.filter((t) => t.status !== 'archived'),
    archived: all.filter((t) => t.status === 'archived'),
    canCreate: roleAllows(user.role, 'analyst'),
    canScore: roleAllows(user.role, 'analyst'),
    week,
    summary,
  })
}

type ThemeCardData = ReturnType<typeof useLoaderData<typeof loader>>['themes'][number]

interface ThisWeek {
  week: string
  canScore: boolean
  summary: ThemeWeekSummary
}

function ThemeCard({ theme, thisWeek }: { theme: ThemeCardData; thisWeek?: ThisWeek }) {
  const { t, locale } = useI18n()
  return (
    <li className="card theme-card">
      <h2>
        <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>
      </h2>
      <p className="muted small">{locale === 'zh-CN' ? theme.nameEn : theme.nameZh}</p>
      <p>{locale === 'zh-CN' ? theme.summaryZh || theme.summaryEn : theme.summaryEn || theme.summaryZh}</p>
      <p className="chips">
        <span className={`badge stance-${theme.stance}`}>{labelOf(t, 'stance', theme.stance)}</span>
        <span className="badge">{labelOf(t, 'status', theme.status)}</span>
        <span className="badge">{t('home.companies', { count: Number(theme.companyCount ?? 0) })}</span>
      </p>
      {thisWeek ? <ThemeWeekLine slug={theme.slug} thisWeek={thisWeek} /> : null}
    </li>
  )
}

// This week, for one theme: where the scoring stands and the two places to go on Monday.
function ThemeWeekLine({ slug, thisWeek }: { slug: string; thisWeek: ThisWeek }) {
  const { t } = useI18n()
  const { week, canScore, summary } = thisWeek
  return (
    <div className="theme-week">
      <p className="small">
        <strong>{week}</strong> · {canScore ? `${t('home.myCells', { done: summary.myCells, cells: summary.cells })} · ` : null}
        {t('home.scorers', { count: summary.scorers })}
      </p>
      <p className="theme-week-links">
        {canScore ? (
          <Link to={`/themes/${slug}/scores`} className="button">
            {t('home.scoreThisWeek')}
          </Link>
        ) : null}
        <Link to={`/meetings/${week}?theme=${encodeURIComponent(slug)}`} className="button primary">
          {t('home.openMeeting')}
        </Link>
      </p>
    </div>
  )
}

export default function HomePage() {
  const { t } = useI18n()
  const { themes, archived, canCreate, canScore, week, summary } = useLoaderData<typeof loader>()
  const thisWeek = (id: number): ThisWeek => ({
    week,
    canScore,
    summary: summary.byTheme[id] ?? { myCells: 0, cells: summary.cells, scorers: 0 },
  })
  return (
    <div className="stack-lg">
      <header className="page-header home-header">
        <div>
          <h1>{t('home.title')}</h1>
          <p className="muted">{t('app.tagline')}</p>
          <p className="small">
            {t('home.weekDocuments', { week, count: summary.documents })} <Link to="/documents">{t('nav.documents')} →</Link>
          </p>
        </div>
        {canCreate ? (
          <Link to="/themes/new" className="button primary">
            {t('themeEdit.newTheme')}
          </Link>
        ) : null}
      </header>
      {themes.length === 0 ? (
        <p className="muted">{t('home.empty')}</p>
      ) : (
        <ul className="card-grid" aria-label={t('home.title')}>
          {themes.map((theme) => (
            <ThemeCard key={theme.id} theme={theme} thisWeek={thisWeek(theme.id)} />
          ))}
        </ul>
      )}
      {archived.length ? (
        <section aria-labelledby="archived-heading" className="archived-themes">
          <h2 id="archived-heading">{t('themeEdit.archivedThemes', { count: archived.length })}</h2>
          <ul className="card-grid">
            {archived.map((theme) => (
              <ThemeCard key={theme.id} theme={theme} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
