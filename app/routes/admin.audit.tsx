import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'

import { AuditFilters } from '#app/components/admin/audit-filters.tsx'
import { AuditSentence } from '#app/components/admin/audit-sentence.tsx'
import { auditFilterFrom } from '#app/http/audit-query.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { auditFilterChoices, auditTargets, getTeamTimeZone, listAuditEntries } from '#app/models/ops/index.server.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.audit')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const timeZone = await getTeamTimeZone(context.db)
  const { query, filter } = auditFilterFrom(new URL(request.url), timeZone)
  const page = await listAuditEntries(context.db, { ...filter, before: query.before })
  const [targets, choices] = [await auditTargets(context.db, page.entries), await auditFilterChoices(context.db)]
  return json({ ...page, targets, choices, query, isFirstPage: !query.before })
}

function show(value: unknown): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1)
}

export default function AuditPage() {
  const { t, locale, timeZone } = useI18n()
  const { entries, targets, choices, query, nextBefore, isFirstPage } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  params.delete('before')
  const filter = params.toString()
  const withBefore = (before: number) => `?${new URLSearchParams([...params, ['before', String(before)]]).toString()}`
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      <Form method="get" className="row-form audit-filters">
        <AuditFilters choices={choices} query={query} />
        <button type="submit">{t('audit.filter')}</button>
        {filter ? <Link to="/admin/audit">{t('audit.clear')}</Link> : null}
      </Form>
      <p className="muted small">
        <a href={`/admin/audit/export${filter ? `?${filter}` : ''}`} download>
          {t('audit.exportCsv')}
        </a>{' '}
        {t('audit.timesIn', { timeZone })}
      </p>
      {entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="card table-scroll">
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.raw')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(locale, entry.at, timeZone)}</td>
                  <td className="audit-sentence">
                    <AuditSentence t={t} locale={locale} entry={entry} target={targets[`${entry.entityType}:${entry.entityId}`]} />
                  </td>
                  <td>
                    <details>
                      <summary>
                        <code>{entry.action}</code>
                      </summary>
                      <dl className="audit-raw">
                        {entry.oldValue != null ? (
                          <>
                            <dt>{t('audit.old')}</dt>
                            <dd>
                              <pre className="audit-value">{show(entry.oldValue)}</pre>
                            </dd>
                          </>
                        ) : null}
                        {entry.newValue != null ? (
                          <>
                            <dt>{t('audit.new')}</dt>
                            <dd>
                              <pre className="audit-value">{show(entry.newValue)}</pre>
                            </dd>
                          </>
                        ) : null}
                      </dl>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager">
        {!isFirstPage ? <Link to={`?${filter}`}>{t('audit.newer')}</Link> : <span />}
        {nextBefore ? <Link to={withBefore(nextBefore)}>{t('audit.older')}</Link> : null}
      </nav>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
