import { Link } from '@remix-run/react'

import { localName, type MessageKey, useI18n } from '#app/i18n/index.ts'

/** Narrower themes filed under this one (their parent is set on their own page). */
export function SubThemes({ subThemes }: { subThemes: { slug: string; nameEn: string; nameZh: string; status: string }[] }) {
  const { t, locale } = useI18n()
  return (
    <section className="card" aria-labelledby="subthemes-heading">
      <h2 id="subthemes-heading">{t('theme.subThemes')}</h2>
      {subThemes.length === 0 ? <p className="muted small">{t('themeEdit.noSubThemes')}</p> : null}
      <ul className="plain-list">
        {subThemes.map((s) => (
          <li key={s.slug}>
            <Link to={`/themes/${s.slug}`}>{localName(locale, s)}</Link>
            {s.status !== 'active' ? <span className="badge small-badge">{t(`status.${s.status}` as MessageKey)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
