import { Link, NavLink } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'

// The scoring pages of a theme share one header: the theme's name (back to its page) and
// tabs for scoring, consensus, what moved, source views and the framework, plus the exports.

export function ScoringNav({ theme, week }: { theme: { slug: string; nameEn: string; nameZh: string }; week?: string }) {
  const { t, locale } = useI18n()
  const base = `/themes/${theme.slug}`
  const withWeek = (path: string) => (week ? `${path}?week=${week}` : path)
  return (
    <div className="scoring-nav">
      <p className="muted small scoring-crumb">
        <Link to={base}>{localName(locale, theme)}</Link>
      </p>
      <nav className="scoring-tabs" aria-label={t('scoring.nav.label')}>
        <NavLink to={withWeek(`${base}/scores`)}>{t('scoring.nav.scores')}</NavLink>
        <NavLink to={withWeek(`${base}/consensus`)}>{t('scoring.nav.consensus')}</NavLink>
        <NavLink to={withWeek(`${base}/moved`)}>{t('scoring.nav.moved')}</NavLink>
        <NavLink to={`${base}/sources`}>{t('scoring.nav.sources')}</NavLink>
        <NavLink to={`${base}/framework`}>{t('framework.link')}</NavLink>
        <span className="scoring-exports">
          {t('scoring.nav.export')}{' '}
          <a href={`${base}/scores/export?format=csv`} download>
            CSV
          </a>{' '}
          <a href={`${base}/scores/export?format=xlsx`} download>
            XLSX
          </a>
          {' · '}
          <a href={`${base}/scores/export?format=csv&part=changes`} download title={t('exports.earlierSavesTitle')}>
            {t('exports.earlierSaves')}
          </a>
        </span>
      </nav>
    </div>
  )
}
