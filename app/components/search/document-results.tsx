import { Form, Link } from '@remix-run/react'

import { formatDate, formatNumber, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'

import { MarkedText, type MarkRange } from './marked-text.tsx'

export interface DocumentHitView {
  id: number
  title: string
  titleMarks: MarkRange[]
  publisher: string
  publishedOn: string | null
  language: 'zh' | 'en' | 'mixed'
  snippet: { text: string; marks: MarkRange[]; cutStart: boolean; cutEnd: boolean }
}

export interface DocumentSearchView {
  query: string
  filters: { company?: string; publisher?: string; language?: string; theme?: string; from?: string; to?: string }
  company: { nameEn: string; nameZh: string } | null
  total: number
  page: number
  pageSize: number
  maxPages: number
  hits: DocumentHitView[]
  /** A message key when the query cannot be searched. */
  error: string | null
  themes: { slug: string; nameEn: string; nameZh: string }[]
  publishers: string[]
}

function pageLink(view: DocumentSearchView, page: number): string {
  const params = new URLSearchParams({ q: view.query })
  for (const [key, value] of Object.entries(view.filters)) if (value) params.set(key, value)
  if (page > 1) params.set('page', String(page))
  return `/search?${params.toString()}`
}

function Filters({ view }: { view: DocumentSearchView }) {
  const { t, locale } = useI18n()
  const { filters } = view
  const active = Object.values(filters).some(Boolean)
  return (
    <details className="docsearch-filters" open={active}>
      <summary>{t('docsearch.filters')}</summary>
      <Form method="get" action="/search" className="docsearch-filter-form">
        <input type="hidden" name="q" value={view.query} />
        <label>
          {t('docsearch.company')}
          <input name="company" defaultValue={filters.company} maxLength={100} placeholder={t('docsearch.companyHint')} />
        </label>
        <label>
          {t('docsearch.publisher')}
          <input name="publisher" defaultValue={filters.publisher} maxLength={200} list="docsearch-publishers" />
          <datalist id="docsearch-publishers">
            {view.publishers.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label>
          {t('docsearch.language')}
          <select name="language" defaultValue={filters.language ?? ''}>
            <option value="">{t('docsearch.anyLanguage')}</option>
            {(['zh', 'en', 'mixed'] as const).map((lang) => (
              <option key={lang} value={lang}>
                {labelOf(t, 'documents.lang', lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('docsearch.theme')}
          <select name="theme" defaultValue={filters.theme ?? ''}>
            <option value="">{t('docsearch.anyTheme')}</option>
            {view.themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {localName(locale, theme)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('docsearch.from')}
          <input type="date" name="from" defaultValue={filters.from} />
        </label>
        <label>
          {t('docsearch.to')}
          <input type="date" name="to" defaultValue={filters.to} />
        </label>
        <div className="docsearch-filter-actions">
          <button type="submit">{t('docsearch.apply')}</button>
          {active ? <Link to={pageLink({ ...view, filters: {} }, 1)}>{t('docsearch.clear')}</Link> : null}
        </div>
      </Form>
    </details>
  )
}

/** The search page's Documents section: filters, ranked hits with marked snippets, pages. */
export function DocumentResults({ view }: { view: DocumentSearchView }) {
  const { t, locale } = useI18n()
  const pages = Math.min(view.maxPages, Math.max(1, Math.ceil(view.total / view.pageSize)))
  const open = (id: number) => `/documents/${id}?q=${encodeURIComponent(view.query)}`
  return (
    <section className="card docsearch" aria-labelledby="search-documents">
      <h2 id="search-documents">{t('docsearch.heading', { count: formatNumber(locale, view.total) })}</h2>
      <p className="muted small">{t('docsearch.hint')}</p>
      <Filters view={view} />
      {view.company ? <p className="small">{t('docsearch.companyResolved', { name: localName(locale, view.company) })}</p> : null}
      {view.filters.company && !view.company ? (
        <p className="notice-muted small">{t('docsearch.companyUnknown', { text: view.filters.company })}</p>
      ) : null}
      {view.error ? (
        <p className="form-error" role="alert">
          {t(view.error as Parameters<typeof t>[0])}
        </p>
      ) : view.hits.length === 0 ? (
        <p className="muted">{t('docsearch.none')}</p>
      ) : (
        <ol className="docsearch-hits" start={(view.page - 1) * view.pageSize + 1}>
          {view.hits.map((hit) => (
            <li key={hit.id}>
              <Link to={open(hit.id)} className="docsearch-title">
                <MarkedText text={hit.title} marks={hit.titleMarks} />
              </Link>
              <span className="muted small docsearch-meta">
                {hit.publisher ? <span>{hit.publisher}</span> : null}
                <span>{hit.publishedOn ? formatDate(locale, hit.publishedOn) : t('docsearch.undated')}</span>
                <span className={`badge lang-${hit.language}`}>{labelOf(t, 'documents.lang', hit.language)}</span>
              </span>
              <p className="docsearch-snippet" lang={hit.language === 'zh' ? 'zh-CN' : hit.language === 'en' ? 'en' : undefined}>
                {hit.snippet.cutStart ? '… ' : null}
                <MarkedText text={hit.snippet.text} marks={hit.snippet.marks} />
                {hit.snippet.cutEnd ? ' …' : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav className="docsearch-pages" aria-label={t('docsearch.pageOf', { page: view.page, pages })}>
          {view.page > 1 ? <Link to={pageLink(view, view.page - 1)}>{t('docsearch.previous')}</Link> : null}
          <span className="muted small">{t('docsearch.pageOf', { page: view.page, pages })}</span>
          {view.page < pages ? <Link to={pageLink(view, view.page + 1)}>{t('docsearch.next')}</Link> : null}
        </nav>
      ) : null}
      {view.total > view.maxPages * view.pageSize && view.page === pages ? (
        <p className="muted small">{t('docsearch.deepPage', { pages: view.maxPages })}</p>
      ) : null}
    </section>
  )
}
