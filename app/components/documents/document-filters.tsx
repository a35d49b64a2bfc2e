import { Form, Link } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'

export interface DocumentFilterValues {
  q?: string
  language?: string
  company?: number
  theme?: number
  tag?: string
  publisher?: string
  week?: string
}

interface DocumentFiltersProps {
  filters: DocumentFilterValues
  companies: { id: number; nameEn: string; nameZh: string }[]
  themes: { id: number; nameEn: string; nameZh: string }[]
  tags: string[]
  publishers: string[]
}

/** A GET form: filters live in the address, so a filtered list can be shared. */
export function DocumentFilters({ filters, companies, themes, tags, publishers }: DocumentFiltersProps) {
  const { t, locale } = useI18n()
  const active = Object.values(filters).some((v) => v !== undefined && v !== '')
  return (
    <Form method="get" className="row-form doc-filters" role="search">
      <div className="field">
        <label htmlFor="filter-q">{t('documents.search')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="filter-language">{t('documents.language')}</label>
        <select id="filter-language" name="language" defaultValue={filters.language ?? ''}>
          <option value="">{t('documents.any')}</option>
          {(['zh', 'en', 'mixed'] as const).map((lang) => (
            <option key={lang} value={lang}>
              {t(`documents.lang.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-company">{t('documents.company')}</label>
        <select id="filter-company" name="company" defaultValue={filters.company ?? ''}>
          <option value="">{t('documents.any')}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {localName(locale, c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-week">{t('docweek.label')}</label>
        <input
          id="filter-week"
          name="week"
          defaultValue={filters.week ?? ''}
          placeholder="2026-W49"
          pattern="\d{4}-[Ww]\d{2}"
          size={9}
          maxLength={8}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-theme">{t('documents.themes')}</label>
        <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ''}>
          <option value="">{t('documents.any')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {localName(locale, theme)}
            </option>
          ))}
        </select>
      </div>
      {publishers.length > 0 ? (
        <div className="field">
          <label htmlFor="filter-publisher">{t('documents.publisher')}</label>
          <select id="filter-publisher" name="publisher" defaultValue={filters.publisher ?? ''}>
            <option value="">{t('documents.any')}</option>
            {publishers.map((publisher) => (
              <option key={publisher} value={publisher}>
                {publisher}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {tags.length > 0 ? (
        <div className="field">
          <label htmlFor="filter-tag">{t('documents.tag')}</label>
          <select id="filter-tag" name="tag" defaultValue={filters.tag ?? ''}>
            <option value="">{t('documents.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit">{t('documents.filter')}</button>
      {active ? <Link to="/documents">{t('documents.clearFilters')}</Link> : null}
    </Form>
  )
}
