import { Form, Link, useLocation } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { type ColorScheme, nextColorScheme } from '#app/utils/color-scheme.ts'

import { PresentLink } from './present-mode.tsx'

// Above the slides (hidden when presenting and in print): which theme, which week, and
// the ways out of the page: present, PDF (the browser's print to PDF with the slide
// stylesheet), XLSX, and the light/dark toggle.

interface Props {
  themes: { slug: string; nameEn: string; nameZh: string }[]
  themeSlug: string
  week: string
  previousWeek: string
  nextWeek: string | null
  currentWeek: string
  colorScheme: ColorScheme
  params: URLSearchParams
}

export function MeetingToolbar({ themes, themeSlug, week, previousWeek, nextWeek, currentWeek, colorScheme, params }: Props) {
  const { t, locale } = useI18n()
  const location = useLocation()
  const weekLink = (w: string) => `/meetings/${w}?theme=${encodeURIComponent(themeSlug)}`
  return (
    <div className="meeting-toolbar">
      <Form method="get" className="inline-form">
        <label htmlFor="meeting-theme">{t('meeting.theme')}</label>
        <select id="meeting-theme" name="theme" defaultValue={themeSlug} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {themes.map((th) => (
            <option key={th.slug} value={th.slug}>
              {localName(locale, th)}
            </option>
          ))}
        </select>
        <noscript>
          <button type="submit" className="small">
            {t('meeting.show')}
          </button>
        </noscript>
      </Form>
      <nav className="week-nav" aria-label={t('meeting.weekNav')}>
        <Link to={weekLink(previousWeek)} aria-label={t('meeting.previousWeek', { week: previousWeek })}>
          ‹
        </Link>
        <strong className="week-chip">{week}</strong>
        {nextWeek ? (
          <Link to={weekLink(nextWeek)} aria-label={t('meeting.nextWeek', { week: nextWeek })}>
            ›
          </Link>
        ) : null}
        {week !== currentWeek ? <Link to={weekLink(currentWeek)}>{t('meeting.thisWeek')}</Link> : null}
      </nav>
      <span className="toolbar-actions">
        <PresentLink params={params} />
        <button type="button" onClick={() => window.print()} title={t('meeting.pdfHint')}>
          {t('meeting.exportPdf')}
        </button>
        <a className="button" href={`/meetings/${week}/export?theme=${encodeURIComponent(themeSlug)}`} download>
          {t('meeting.exportXlsx')}
        </a>
        <Form method="post" action="/color-scheme" className="inline-form">
          <input type="hidden" name="scheme" value={nextColorScheme(colorScheme)} />
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button
            type="submit"
            className="scheme-toggle"
            aria-label={t('meeting.schemeToggle', {
              scheme: labelOf(t, 'meeting.scheme', colorScheme),
            })}
          >
            {colorScheme === 'dark' ? '☾' : colorScheme === 'light' ? '☀' : '◐'} {labelOf(t, 'meeting.scheme', colorScheme)}
          </button>
        </Form>
      </span>
    </div>
  )
}
