import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from '@remix-run/react'
import { useEffect, useState } from 'react'

import { CompanyChip } from '#app/components/company-chip.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { findCompanyIds, listCompanies } from '#app/models/company/index.server.ts'
import { REGIONS, VENDOR_TYPES } from '#app/schemas/company.ts'
import styles from '#app/styles/company.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.companies')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  // The text filter is the header's search (names, aliases, tickers such as 600519.SS), so
  // both find the same companies; the other filters are plain columns, applied in the page.
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const [companies, matchIds] = await Promise.all([listCompanies(context.db), q.trim() ? findCompanyIds(context.db, q) : null])
  return json({ companies, q, matchIds, canEdit: roleAllows(user.role, 'analyst') })
}

interface Filters {
  q: string
  region: string
  vendorType: string
  listing: string
}

/** How long typing pauses before the text filter asks the server. */
const SEARCH_DELAY_MS = 250

export default function CompaniesPage() {
  const { t } = useI18n()
  const { companies, q, matchIds, canEdit } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const submit = useSubmit()
  // Filtering happens in the browser (the registry is small); the form also works as a
  // plain GET, because the first render reads the same values from the address.
  const [filters, setFilters] = useState<Filters>({
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    vendorType: params.get('vendorType') ?? '',
    listing: params.get('listing') ?? '',
  })
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }))
  useEffect(() => {
    if (filters.q === q) return
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params)
      if (filters.q.trim()) next.set('q', filters.q)
      else next.delete('q')
      submit(next, { method: 'get', replace: true, preventScrollReset: true })
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [filters.q, q, params, submit])
  const matched = matchIds ? new Set(matchIds) : null
  const shown = companies.filter(
    (c) =>
      (!filters.region || c.region === filters.region) &&
      (!filters.vendorType || c.vendorType === filters.vendorType) &&
      (!filters.listing || (filters.listing === 'listed') === c.isListed) &&
      (!matched || matched.has(c.id)),
  )
  return (
    <div className="stack-lg">
      <header className="page-header header-with-action">
        <div>
          <h1>{t('companies.title')}</h1>
          <p className="muted">{t('companies.count', { count: companies.length })}</p>
        </div>
        {canEdit ? (
          <div className="row-form">
            <Link to="/companies/import">{t('universe.link')}</Link>
            <Link to="/companies/new" className="company-button">
              {t('companyEdit.newCompany')}
            </Link>
          </div>
        ) : null}
      </header>
      <Form method="get" replace className="row-form company-filters" aria-label={t('companyEdit.filters')}>
        <div className="field">
          <label htmlFor="filter-q">{t('companyEdit.filterText')}</label>
          <input id="filter-q" type="search" name="q" value={filters.q} onChange={set('q')} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="filter-region">{t('company.region')}</label>
          <select id="filter-region" name="region" value={filters.region} onChange={set('region')}>
            <option value="">{t('companyEdit.allRegions')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {labelOf(t, 'region', r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-vendor">{t('company.vendorType')}</label>
          <select id="filter-vendor" name="vendorType" value={filters.vendorType} onChange={set('vendorType')}>
            <option value="">{t('companyEdit.allVendorTypes')}</option>
            {VENDOR_TYPES.map((v) => (
              <option key={v} value={v}>
                {labelOf(t, 'vendor', v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-listing">{t('company.listing')}</label>
          <select id="filter-listing" name="listing" value={filters.listing} onChange={set('listing')}>
            <option value="">{t('companyEdit.allListings')}</option>
            <option value="listed">{t('listing.listed')}</option>
            <option value="private">{t('listing.private')}</option>
          </select>
        </div>
        <noscript>
          <button type="submit">{t('companyEdit.applyFilters')}</button>
        </noscript>
        <p className="muted small filter-count" role="status">
          {t('companyEdit.showing', { shown: shown.length, count: companies.length })}
        </p>
      </Form>
      <div className="card table-scroll">
        {shown.length === 0 ? <p className="muted">{t('companyEdit.noMatch')}</p> : null}
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('company.profile')}</th>
              <th scope="col">{t('company.region')}</th>
              <th scope="col">{t('company.vendorType')}</th>
              <th scope="col">{t('company.listing')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <CompanyChip company={c} />
                </td>
                <td>{labelOf(t, 'region', c.region)}</td>
                <td>{labelOf(t, 'vendor', c.vendorType)}</td>
                <td>{c.isListed ? t('listing.listed') : t('listing.private')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
