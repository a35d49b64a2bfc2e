import { Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { ThemeStatus } from '#db/types.ts'

/** Narrower themes filed under this one (their parent is set on their own page). */
export function SubThemes({ subThemes }: { subThemes: { slug: string; nameEn: string; nameZh: string; status: ThemeStatus }[] }) {
  const { t, locale } = useI18n()
  return (
    <section className="card" aria-labelledby="subthemes-heading">
      <h2 id="subthemes-heading">{t('theme.subThemes')}</h2>
      {subThemes.length === 0 ? <p className="muted small">{t('themeEdit.noSubThemes')}</p> : null}
      <ul className="plain-list">
        {subThemes.map((s) => (
          <li key={s.slug}>
            <Link to={`/themes/${s.slug}`}>{localName(locale, s)}</Link>
            {s.status !== 'active' ? <span className="badge small-badge">{labelOf(t, 'status', s.status)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
