import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'

import { CompanyChip } from '#app/components/company-chip.tsx'
import { DocumentResults } from '#app/components/search/document-results.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { localName, type MessageKey, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { type CompanyHit, SEARCH_LIMIT, searchEverything } from '#app/models/company/index.server.ts'
import { DOCUMENT_SEARCH_PAGES, DocumentSearchParamsSchema } from '#app/schemas/document-search.ts'
import { SearchParamsSchema } from '#app/schemas/search.ts'
import { documentSearchView } from '#app/services/search/search-documents.server.ts'
import styles from '#app/styles/company.css'
import docsearchStyles from '#app/styles/docsearch.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: docsearchStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'search.title', data?.query ? { text: data.query } : null)

/** GET /search?q=...; with &format=json the same results as JSON, for a type-ahead. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const url = new URL(request.url)
  const { q, format } = SearchParamsSchema.parse(Object.fromEntries(url.searchParams))
  const results = await searchEverything(context.db, q)
  // Documents are searched by the whole query (up to its limit), not the 100 characters above.
  const documents = q ? await documentSearchView(context.db, DocumentSearchParamsSchema.parse(Object.fromEntries(url.searchParams))) : null
  const init = { status: documents?.error ? 400 : 200 }
  if (format === 'json') return json({ ...results, documents }, { ...init, headers: { 'Cache-Control': 'private, no-store' } })
  return json({ ...results, documents }, init)
}

function MatchNote({ match }: { match: CompanyHit['match'] }) {
  const { t } = useI18n()
  const how = t(`search.rank${match.rank}` as MessageKey)
  let what: string
  if (match.by === 'ticker') what = t('search.viaTicker', { text: match.text })
  else if (match.by === 'name') what = t('search.viaName', { text: match.text })
  else what = t('search.viaAlias', { kind: labelOf(t, 'aliasKind', match.kind ?? 'name'), text: match.text })
  return (
    <span className="match-note">
      {what} <span className="badge">{how}</span>
    </span>
  )
}

/** The name in the other language, when it says something the chip does not. */
function OtherName({ company }: { company: { nameEn: string; nameZh: string } }) {
  const { locale } = useI18n()
  const other = locale === 'zh-CN' ? company.nameEn : company.nameZh
  return other && other !== localName(locale, company) ? <span className="muted small">{other}</span> : null
}

export default function SearchPage() {
  const { t, locale } = useI18n()
  const { query, companies, themes, documents } = useLoaderData<typeof loader>()
  const nothing = query && companies.length === 0 && themes.length === 0 && !documents?.total
  return (
    <div className="stack-lg search-page">
      <header className="page-header">
        <h1>{query ? t('search.resultsFor', { query }) : t('search.title')}</h1>
      </header>
      <Form method="get" action="/search" role="search" className="row-form">
        <label htmlFor="search-q" className="visually-hidden">
          {t('nav.search')}
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={query}
          key={query}
          placeholder={t('nav.searchPlaceholder')}
          maxLength={200}
          className="search-input"
        />
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </Form>
      {!query ? <p className="muted">{t('search.prompt')}</p> : null}
      {nothing ? <p className="notice-muted">{t('search.none', { query })}</p> : null}
      {query && !nothing ? (
        <div className="search-results">
          <section className="card" aria-labelledby="search-companies">
            <h2 id="search-companies">{t('search.companies', { count: companies.length })}</h2>
            {companies.length === 0 ? <p className="muted">{t('search.noCompanies')}</p> : null}
            <ul className="result-list">
              {companies.map((c) => (
                <li key={c.id}>
                  <CompanyChip company={c} />
                  <OtherName company={c} />
                  <MatchNote match={c.match} />
                </li>
              ))}
            </ul>
            {companies.length >= SEARCH_LIMIT ? <p className="muted small">{t('search.limited', { count: SEARCH_LIMIT })}</p> : null}
          </section>
          <section className="card" aria-labelledby="search-themes">
            <h2 id="search-themes">{t('search.themes', { count: themes.length })}</h2>
            {themes.length === 0 ? <p className="muted">{t('search.noThemes')}</p> : null}
            <ul className="result-list">
              {themes.map((theme) => (
                <li key={theme.slug}>
                  <Link to={`/themes/${theme.slug}`}>{localName(locale, theme)}</Link>
                  <span className="badge">{labelOf(t, 'status', theme.status)}</span>
                  <p className="muted small result-summary">
                    {locale === 'zh-CN' ? theme.summaryZh || theme.summaryEn : theme.summaryEn || theme.summaryZh}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
      {documents ? <DocumentResults view={{ ...documents, maxPages: DOCUMENT_SEARCH_PAGES }} /> : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
