import { Link, NavLink } from '@remix-run/react'

import { formatDateTime, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { THEME_STANCES } from '#app/schemas/theme.ts'
import type { ThemeStance, ThemeStatus } from '#db/types.ts'

import { BilingualText } from './bilingual-text.tsx'
import { type ParentOption, ThemeDetailsFields } from './theme-details-fields.tsx'
import { ActionButton, InlineEditForm } from './theme-form.tsx'

export interface HeaderTheme {
  slug: string
  nameEn: string
  nameZh: string
  summaryEn: string
  summaryZh: string
  summaryEnUpdatedAt: string | null
  summaryZhUpdatedAt: string | null
  stance: ThemeStance
  status: ThemeStatus
  parentId: number | null
  parentSlug: string | null
  parentNameEn: string | null
  parentNameZh: string | null
  updatedAt: string
  detailsVersion: number
}

// A conflict brings the saved values back as the form posts them: plain strings.
const isStance = (value: string): value is ThemeStance => (THEME_STANCES as readonly string[]).includes(value)
const isStatus = (value: string): value is ThemeStatus => ['active', 'watching', 'archived'].includes(value)

/** Title, stance and status, the summary, the Overview/History tabs and, for analysts, the theme's own edits. */
export function ThemeHeader({ theme, canEdit, parentOptions }: { theme: HeaderTheme; canEdit: boolean; parentOptions: ParentOption[] }) {
  const { t, locale, timeZone } = useI18n()
  const archived = theme.status === 'archived'
  const other = locale === 'zh-CN' ? theme.nameEn : theme.nameZh
  const parentName = (id: string) => {
    const parent = parentOptions.find((p) => String(p.id) === id)
    return parent ? localName(locale, parent) : id ? `#${id}` : ''
  }
  const detailsConflict = {
    labels: {
      nameEn: t('themeEdit.nameEn'),
      nameZh: t('themeEdit.nameZh'),
      summaryEn: t('themeEdit.summaryEn'),
      summaryZh: t('themeEdit.summaryZh'),
      stance: t('theme.stance'),
      status: t('theme.status'),
      parentId: t('themeEdit.parent'),
    },
    formats: {
      stance: (value: string) => (isStance(value) ? labelOf(t, 'stance', value) : value),
      status: (value: string) => (isStatus(value) ? labelOf(t, 'status', value) : value),
      parentId: parentName,
    },
  }
  return (
    <header className="page-header theme-header">
      {theme.parentSlug ? (
        <p className="muted small">
          <Link to={`/themes/${theme.parentSlug}`}>
            {t('theme.parent', { name: localName(locale, { nameEn: theme.parentNameEn ?? '', nameZh: theme.parentNameZh ?? '' }) })}
          </Link>
        </p>
      ) : null}
      <div className="theme-title-row">
        <h1>
          {localName(locale, theme)} {other ? <span className="muted subtitle">{other}</span> : null}
        </h1>
        <p className="chips">
          <span className={`badge stance-${theme.stance}`}>
            {t('theme.stance')}: {labelOf(t, 'stance', theme.stance)}
          </span>
          <span className={`badge${archived ? ' warn' : ''}`}>
            {t('theme.status')}: {labelOf(t, 'status', theme.status)}
          </span>
          <span className="muted small">{t('themeEdit.updatedAt', { when: formatDateTime(locale, theme.updatedAt, timeZone) })}</span>
        </p>
      </div>
      <BilingualText
        className="theme-summary"
        pair={{ en: theme.summaryEn, zh: theme.summaryZh, enUpdatedAt: theme.summaryEnUpdatedAt, zhUpdatedAt: theme.summaryZhUpdatedAt }}
      />
      {archived ? (
        <p className="notice warn-notice" role="status">
          {t('themeEdit.archivedNotice')}
        </p>
      ) : null}
      <div className="theme-toolbar">
        <nav className="tabs" aria-label={t('themeEdit.tabs')}>
          <NavLink to={`/themes/${theme.slug}`} end>
            {t('themeEdit.tabOverview')}
          </NavLink>
          <NavLink to={`/themes/${theme.slug}/scores`}>{t('scoring.nav.scores')}</NavLink>
          <NavLink to={`/themes/${theme.slug}/consensus`}>{t('scoring.nav.consensus')}</NavLink>
          <NavLink to={`/themes/${theme.slug}/framework`}>{t('framework.link')}</NavLink>
          <NavLink to={`/themes/${theme.slug}/history`}>{t('themeEdit.tabHistory')}</NavLink>
        </nav>
        {canEdit ? (
          <div className="theme-tools">
            <InlineEditForm
              formKey="details"
              intent="details"
              version={theme.detailsVersion}
              conflictDisplay={detailsConflict}
              summary={t('themeEdit.editDetails')}
              submitLabel={t('common.save')}
              className="popover-edit align-right details-edit"
            >
              {(state) => (
                <ThemeDetailsFields idPrefix="details" state={state} defaults={theme} parentOptions={parentOptions} archived={archived} />
              )}
            </InlineEditForm>
            <ActionButton
              formKey="archive"
              intent={archived ? 'unarchive' : 'archive'}
              label={archived ? t('themeEdit.unarchive') : t('themeEdit.archive')}
            />
          </div>
        ) : null}
      </div>
    </header>
  )
}
