import { Form, Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'

import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { loader as rootLoader } from '#app/root.tsx'

export function AppHeader() {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  const { t, locale } = useI18n()
  const location = useLocation()
  const user = data?.user
  const here = `${location.pathname}${location.search}`
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◎
        </span>
        {t('app.name')}
      </Link>
      {user ? (
        <nav aria-label="main" className="main-nav">
          {/* The full index of themes; the brand still leads to "/", this week's overview. */}
          <NavLink to="/themes">{t('nav.home')}</NavLink>
          <NavLink to="/companies">{t('nav.companies')}</NavLink>
          <NavLink to="/watchlists">{t('nav.watchlists')}</NavLink>
          <NavLink to="/documents">{t('nav.documents')}</NavLink>
          <NavLink to="/mentions">{t('mentions.nav')}</NavLink>
          <NavLink to="/feeds">{t('nav.feeds')}</NavLink>
          <NavLink to="/meetings">{t('nav.meeting')}</NavLink>
          {user.role === 'admin' ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        </nav>
      ) : (
        <span className="main-nav" />
      )}
      <div className="header-tools">
        {user ? (
          <Form method="get" action="/search" role="search" className="inline-form header-search">
            <label htmlFor="header-search" className="visually-hidden">
              {t('nav.search')}
            </label>
            <input
              id="header-search"
              type="search"
              name="q"
              placeholder={t('nav.searchShort')}
              title={t('nav.searchPlaceholder')}
              maxLength={100}
            />
          </Form>
        ) : null}
        {data?.currentWeek ? <span className="week-chip">{data.currentWeek}</span> : null}
        <Form method="post" action="/language" className="inline-form">
          <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="link-button" lang={locale === 'en' ? 'zh-CN' : 'en'} aria-label={t('nav.language')}>
            {t('nav.switchTo')}
          </button>
        </Form>
        {user ? (
          <>
            <Link
              to="/account/password"
              className="user-chip"
              title={t('auth.accountLinkTitle', { name: user.displayName, role: labelOf(t, 'role', user.role) })}
            >
              {user.displayName}
            </Link>
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="link-button">
                {t('nav.signOut')}
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login">{t('nav.signIn')}</Link>
        )}
      </div>
    </header>
  )
}
