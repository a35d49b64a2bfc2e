import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'

import { requireRole } from '#app/http/auth.server.ts'
import { type MessageKey, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.admin')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  return json({})
}

// One entry per admin page; pages added by later features get a line here.
const sections: { to: string; title: MessageKey; body: MessageKey }[] = [
  { to: '/admin/users', title: 'nav.users', body: 'admin.usersHint' },
  { to: '/admin/audit', title: 'nav.audit', body: 'admin.auditHint' },
  { to: '/admin/settings', title: 'nav.settings', body: 'admin.settingsHint' },
  { to: '/admin/fetch', title: 'feeds.admin.title', body: 'feeds.admin.navHint' },
  { to: '/admin/webhooks', title: 'webhooks.title', body: 'webhooks.navHint' },
  { to: '/admin/rubrics', title: 'scoring.admin.rubrics', body: 'scoring.admin.intro' },
]

export default function AdminPage() {
  const { t } = useI18n()
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('nav.admin')}</h1>
      </header>
      <ul className="card-grid">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <h2>
              <Link to={s.to}>{t(s.title)}</Link>
            </h2>
            <p className="muted">{t(s.body)}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
