import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { localName, useI18n, type MessageKey } from '#app/i18n/index.ts'
import { listThemes } from '#app/models/theme.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'
import styles from '#app/styles/theme.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'ThemeRadar' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const all = await listThemes(context.db)
  return json({
    themes: all.filter((t) => t.status !== 'archived'),
    archived: all.filter((t) => t.status === 'archived'),
    canCreate: roleAllows(user.role, 'analyst'),
  })
}

type ThemeCardData = ReturnType<typeof useLoaderData<typeof loader>>['themes'][number]

function ThemeCard({ theme }: { theme: ThemeCardData }) {
  const { t, locale } = useI18n()
  return (
    <li className="card theme-card">
      <h2>
        <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>
      </h2>
      <p className="muted small">{locale === 'zh-CN' ? theme.nameEn : theme.nameZh}</p>
      <p>{locale === 'zh-CN' ? theme.summaryZh || theme.summaryEn : theme.summaryEn || theme.summaryZh}</p>
      <p className="chips">
        <span className={`badge stance-${theme.stance}`}>{t(`stance.${theme.stance}` as MessageKey)}</span>
        <span className="badge">{t(`status.${theme.status}` as MessageKey)}</span>
        <span className="badge">{t('home.companies', { count: Number(theme.companyCount ?? 0) })}</span>
      </p>
    </li>
  )
}

export default function HomePage() {
  const { t } = useI18n()
  const { themes, archived, canCreate } = useLoaderData<typeof loader>()
  return (
    <div className="stack-lg">
      <header className="page-header home-header">
        <div>
          <h1>{t('home.title')}</h1>
          <p className="muted">{t('app.tagline')}</p>
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
            <ThemeCard key={theme.id} theme={theme} />
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
