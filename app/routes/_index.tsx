import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { localName, useI18n, type MessageKey } from '#app/i18n/index.ts'
import { listThemes } from '#app/models/theme.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'ThemeRadar' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return json({ themes: await listThemes(context.db) })
}

export default function HomePage() {
  const { t, locale } = useI18n()
  const { themes } = useLoaderData<typeof loader>()
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('app.tagline')}</p>
      </header>
      {themes.length === 0 ? (
        <p className="muted">{t('home.empty')}</p>
      ) : (
        <ul className="card-grid" aria-label={t('home.title')}>
          {themes.map((theme) => (
            <li key={theme.id} className="card theme-card">
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
          ))}
        </ul>
      )}
    </div>
  )
}
