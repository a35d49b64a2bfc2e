import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CompanyChip } from '#app/components/company-chip.tsx'
import { useI18n, type MessageKey } from '#app/i18n/index.ts'
import { listCompanies } from '#app/models/company.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'ThemeRadar · Companies' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return json({ companies: await listCompanies(context.db) })
}

export default function CompaniesPage() {
  const { t } = useI18n()
  const { companies } = useLoaderData<typeof loader>()
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('companies.title')}</h1>
        <p className="muted">{t('companies.count', { count: companies.length })}</p>
      </header>
      <div className="card table-scroll">
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
            {companies.map((c) => (
              <tr key={c.id}>
                <td>
                  <CompanyChip company={c} />
                </td>
                <td>{t(`region.${c.region}` as MessageKey)}</td>
                <td>{t(`vendor.${c.vendorType}` as MessageKey)}</td>
                <td>{c.isListed ? t('listing.listed') : t('listing.private')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
