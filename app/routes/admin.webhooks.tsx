import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { WebhookDeleteForm } from '#app/components/admin/webhook-delete-form.tsx'
import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormData } from '#app/http/forms.server.ts'
import { formatDateTime, localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { getBackfillDays, setBackfillDays } from '#app/models/mentions/index.server.ts'
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, updateWebhook } from '#app/models/ops/index.server.ts'
import { WebhookFormSchema, WebhookTestSchema } from '#app/schemas/mentions.ts'
import { BackfillDaysSchema, WebhookDeleteSchema } from '#app/schemas/webhooks.ts'
import { sendTestMessage } from '#app/services/webhooks/post-webhook.server.ts'
import styles from '#app/styles/mentions.css'
import { WEBHOOK_FORMATS } from '#app/webhooks/formats.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'webhooks.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const [webhooks, deliveries, backfillDays] = await Promise.all([
    listWebhooks(context.db),
    listDeliveries(context.db, 50),
    getBackfillDays(context.db),
  ])
  return json({ webhooks, deliveries, backfillDays })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const actor = { id: me.id, ip: context.clientIp }
  const form = await readFormData(request)
  if (form.get('intent') === 'test') {
    const test = await parseForm(request, WebhookTestSchema, form)
    if (!test.ok) return badRequest(test)
    const outcome = await sendTestMessage(context.db, actor, test.data.id)
    if (!outcome) return json(notFound, { status: 404 })
    // The receiver's refusal is the admin's to fix (wrong key, keyword filter): a 422 saying why.
    return outcome.ok
      ? json({ ok: true as const, message: 'webhooks.testSent' as const, id: test.data.id })
      : json(
          { ok: false as const, errors: { form: 'webhooks.testFailed' }, values: {}, testError: outcome.message, id: test.data.id },
          { status: 422 },
        )
  }
  if (form.get('intent') === 'backfill') {
    const backfill = await parseForm(request, BackfillDaysSchema, form)
    if (!backfill.ok) return json({ ...backfill, id: null }, { status: 400 })
    await setBackfillDays(context.db, actor, backfill.data.days)
    return json({ ok: true as const, message: 'common.saved' as const, id: null })
  }
  if (form.get('intent') === 'delete') {
    const del = await parseForm(request, WebhookDeleteSchema, form)
    if (!del.ok) return json({ ...del, id: Number(form.get('id')) || null }, { status: 400 })
    if (!(await deleteWebhook(context.db, actor, del.data.id, { keepLog: del.data.log === 'keep' }))) return json(notFound, { status: 404 })
    return json({ ok: true as const, message: 'webhookdel.deleted' as const, id: null })
  }
  const parsed = await parseForm(request, WebhookFormSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  const { id, ...input } = parsed.data
  if (id === undefined) {
    await createWebhook(context.db, actor, input)
    return json({ ok: true as const, message: 'webhooks.added' as const, id: null })
  }
  if (!(await updateWebhook(context.db, actor, id, input))) return json(notFound, { status: 404 })
  return json({ ok: true as const, message: 'webhooks.saved' as const, id })
}

const notFound = {
  ok: false as const,
  errors: { form: 'webhooks.notFound' } as Record<string, string>,
  values: {} as Record<string, string>,
}

type Values = { id?: number; name: string; url: string; format: string; enabled: boolean; delivery: string }

const DELIVERIES = ['immediate', 'daily', 'weekly'] as const

function WebhookForm({ values, errors, idPrefix }: { values: Values; errors: Record<string, string>; idPrefix: string }) {
  const { t } = useI18n()
  const busy = useNavigation().state === 'submitting'
  return (
    <Form method="post" className="webhook-form" noValidate>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <Field
        label={t('webhooks.name')}
        name="name"
        id={`${idPrefix}-name`}
        type="text"
        defaultValue={values.name}
        error={errors.name}
        maxLength={100}
        required
      />
      <Field
        label={t('webhooks.url')}
        name="url"
        id={`${idPrefix}-url`}
        type="url"
        defaultValue={values.url}
        error={errors.url}
        hint={t('webhooks.urlHint')}
        maxLength={2000}
        required
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-format`}>{t('webhooks.format')}</label>
        <select id={`${idPrefix}-format`} name="format" defaultValue={values.format}>
          {WEBHOOK_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`webhooks.format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-delivery`}>{t('webhookdigest.label')}</label>
        <select id={`${idPrefix}-delivery`} name="delivery" defaultValue={values.delivery} aria-describedby={`${idPrefix}-delivery-hint`}>
          {DELIVERIES.map((d) => (
            <option key={d} value={d}>
              {t(`webhookdigest.${d}`)}
            </option>
          ))}
        </select>
        <p className="field-hint" id={`${idPrefix}-delivery-hint`}>
          {t('webhookdigest.hint')}
        </p>
        {errors.delivery ? (
          <p className="field-error" role="alert">
            {fieldError(t, errors.delivery)}
          </p>
        ) : null}
      </div>
      <label className="checkbox-label">
        <input type="checkbox" name="enabled" value="on" defaultChecked={values.enabled} /> {t('webhooks.enabled')}
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {values.id ? t('common.save') : t('webhooks.submitAdd')}
      </button>
    </Form>
  )
}

export default function AdminWebhooksPage() {
  const { t, locale, timeZone } = useI18n()
  const { webhooks, deliveries, backfillDays } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const failed = result && !result.ok ? result : null
  const typed: Record<string, string> = failed?.values ?? {}
  // A refused edit of a listed webhook opens that webhook's form again; a refused add, the add form.
  const failedId = failed && typed.id ? Number(typed.id) : null
  const valuesFor = (fallback: Values, id: number | null): Values =>
    failed && failedId === id
      ? {
          ...fallback,
          name: typed.name ?? '',
          url: typed.url ?? '',
          format: typed.format ?? fallback.format,
          delivery: typed.delivery ?? fallback.delivery,
          enabled: typed.enabled === 'on',
        }
      : fallback
  const errorsFor = (id: number | null): Record<string, string> => (failed && failedId === id ? failed.errors : {})
  return (
    <div className="stack-lg webhooks-page">
      <header className="page-header">
        <h1>{t('webhooks.title')}</h1>
        <p className="muted">{t('webhooks.intro')}</p>
        <p className="muted small">{t('webhooks.retryRule')}</p>
      </header>
      {result?.ok ? (
        <p className="notice" role="status">
          {t(result.message)}
        </p>
      ) : null}
      {failed && 'testError' in failed ? (
        <p className="form-error" role="alert">
          {t('webhooks.testFailed')} {failed.testError.startsWith('feeds.fetch.') ? fieldError(t, failed.testError) : failed.testError}
        </p>
      ) : failed && !failedId ? (
        <FormError error={failed.errors.form} />
      ) : null}

      <section className="card stack" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('webhooks.add')}</h2>
        <WebhookForm
          idPrefix="new"
          values={valuesFor({ name: '', url: '', format: 'wecom', enabled: true, delivery: 'immediate' }, null)}
          errors={errorsFor(null)}
          key={result?.ok ? `saved-${webhooks.length}` : 'new'}
        />
      </section>

      <section className="card stack" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('webhooks.title')}</h2>
        {webhooks.length === 0 ? <p className="muted">{t('webhooks.empty')}</p> : null}
        {webhooks.map((w) => (
          <details key={w.id} className="webhook-item" open={failedId === w.id || undefined}>
            <summary>
              <strong>{w.name}</strong> <span className="badge">{t(`webhooks.format.${w.format}`)}</span>{' '}
              {w.delivery !== 'immediate' ? <span className="badge">{t(`webhookdigest.badge.${w.delivery}`)}</span> : null}{' '}
              <span className={w.enabled ? 'badge' : 'badge private'}>{w.enabled ? t('webhooks.enabled') : t('webhooks.off')}</span>{' '}
              <span className="webhook-url">{new URL(w.url).host}</span>
            </summary>
            <WebhookForm
              idPrefix={`hook-${w.id}`}
              values={valuesFor({ id: w.id, name: w.name, url: w.url, format: w.format, enabled: w.enabled, delivery: w.delivery }, w.id)}
              errors={errorsFor(w.id)}
            />
            <Form method="post" className="webhook-test">
              <input type="hidden" name="id" value={w.id} />
              <button type="submit" name="intent" value="test">
                {t('webhooks.sendTest')}
              </button>
            </Form>
            <WebhookDeleteForm id={w.id} error={errorsFor(w.id).log} />
          </details>
        ))}
      </section>

      <section className="card stack" aria-labelledby="backfill-heading">
        <h2 id="backfill-heading">{t('alertrules.title')}</h2>
        <Form method="post" className="row-form">
          <input type="hidden" name="intent" value="backfill" />
          <Field
            label={t('alertrules.days')}
            name="days"
            id="backfill-days"
            type="number"
            min={1}
            max={3650}
            defaultValue={backfillDays}
            hint={t('alertrules.hint')}
            error={failed && typed.intent === 'backfill' ? (failed.errors as Record<string, string>).days : undefined}
            required
          />
          <button type="submit">{t('alertrules.save')}</button>
        </Form>
      </section>

      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('webhooks.log')}</h2>
        {deliveries.length === 0 ? (
          <p className="muted">{t('webhooks.logEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.when')}</th>
                  <th scope="col">{t('webhooks.webhook')}</th>
                  <th scope="col">{t('webhooks.alert')}</th>
                  <th scope="col">{t('webhooks.attempt')}</th>
                  <th scope="col">{t('webhooks.outcome')}</th>
                  <th scope="col">{t('webhooks.http')}</th>
                  <th scope="col">{t('webhooks.error')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td className="nowrap">{formatDateTime(locale, d.attemptedAt, timeZone)}</td>
                    <td>
                      {d.webhookName} {d.webhookDeleted ? <span className="muted small">{t('webhookdel.deletedMark')}</span> : null}
                    </td>
                    <td>
                      {d.nameEn
                        ? `${localName(locale, { nameEn: d.nameEn, nameZh: d.nameZh ?? '' })} · ${d.week}`
                        : d.digest
                          ? t('webhookdigest.logDigest')
                          : t('webhooks.testMessage')}
                    </td>
                    <td>{d.attempt}</td>
                    <td>
                      <span className={`delivery-outcome is-${d.outcome}`}>{t(`webhooks.outcome.${d.outcome}`)}</span>
                    </td>
                    <td>{d.httpStatus ?? '–'}</td>
                    <td className="small">{d.error?.startsWith('feeds.fetch.') ? fieldError(t, d.error) : (d.error ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
