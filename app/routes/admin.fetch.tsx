import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, formError, parseForm } from '#app/http/forms.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { getAllowedHosts, setAllowedHosts } from '#app/models/ops/index.server.ts'
import { AllowedHostsFormSchema, parseAllowedHosts } from '#app/schemas/feed.ts'
import styles from '#app/styles/feeds.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feeds.admin.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  return json({ hosts: await getAllowedHosts(context.db) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const parsed = await parseForm(request, AllowedHostsFormSchema)
  if (!parsed.ok) return badRequest(parsed)
  const list = parseAllowedHosts(parsed.data.hosts)
  if (!list.ok) return formError('hosts', list.error, { hosts: parsed.data.hosts })
  const hosts = await setAllowedHosts(context.db, { id: me.id, ip: context.clientIp }, list.hosts)
  return json({ ok: true as const, hosts })
}

export default function AdminFetchPage() {
  const { t } = useI18n()
  const { hosts } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const error = result && !result.ok ? fieldError(t, result.errors.hosts ?? result.errors.form) : undefined
  // The saved list as the action returned it: the revalidated loader data can arrive a render later.
  const value = result ? (result.ok ? result.hosts.join('\n') : (result.values.hosts ?? '')) : hosts.join('\n')
  return (
    <section className="card fetch-settings">
      <h1>{t('feeds.admin.title')}</h1>
      <p className="muted">{t('feeds.admin.intro')}</p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="allowed-hosts">{t('feeds.admin.hostsLabel')}</label>
          <textarea
            id="allowed-hosts"
            name="hosts"
            rows={8}
            spellCheck={false}
            defaultValue={value}
            key={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={`allowed-hosts-hint${error ? ' allowed-hosts-error' : ''}`}
          />
          <p className="field-hint" id="allowed-hosts-hint">
            {t('feeds.admin.hostsHint')}
          </p>
          {error ? (
            <p className="field-error" id="allowed-hosts-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
