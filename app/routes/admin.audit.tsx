import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'

import { requireRole } from '#app/http/auth.server.ts'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { listAuditEntries } from '#app/models/ops/index.server.ts'
import { AuditQuerySchema } from '#app/schemas/admin.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.audit')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const query = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const page = await listAuditEntries(context.db, { before: query.before, action: query.action || undefined })
  return json({ ...page, action: query.action ?? '', isFirstPage: !query.before })
}

function show(value: unknown): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1)
}

export default function AuditPage() {
  const { t, locale, timeZone } = useI18n()
  const { entries, nextBefore, action, isFirstPage } = useLoaderData<typeof loader>()
  const filter = action ? `&action=${encodeURIComponent(action)}` : ''
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      <Form method="get" className="row-form">
        <div className="field">
          <label htmlFor="audit-action">{t('audit.filterAction')}</label>
          <input id="audit-action" name="action" defaultValue={action} maxLength={100} />
        </div>
        <button type="submit">{t('audit.filter')}</button>
      </Form>
      {entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="card table-scroll">
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.old')}</th>
                <th scope="col">{t('audit.new')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(locale, entry.at, timeZone)}</td>
                  <td>{entry.actorName ?? t('audit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType}
                    {entry.entityId ? ` #${entry.entityId}` : ''}
                  </td>
                  <td>
                    <pre className="audit-value">{show(entry.oldValue)}</pre>
                  </td>
                  <td>
                    <pre className="audit-value">{show(entry.newValue)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager">
        {!isFirstPage ? <Link to={`?${filter.slice(1)}`}>{t('audit.newer')}</Link> : <span />}
        {nextBefore ? <Link to={`?before=${nextBefore}${filter}`}>{t('audit.older')}</Link> : null}
      </nav>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
