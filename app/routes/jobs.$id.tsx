import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from '@remix-run/react'
import { z } from 'zod'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormError } from '#app/components/form.tsx'
import { JobProgress, useJobPolling } from '#app/components/job-progress.tsx'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import { cancelJob, getJob } from '#app/models/job.server.ts'
import { IdSchema } from '#app/schemas/common.ts'
import { requireRole, requireUser } from '#app/utils/auth.server.ts'
import { badRequest, formError, parseForm } from '#app/utils/forms.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'
import styles from '#app/styles/feeds.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `ThemeRadar · Job #${data?.job.id ?? ''}` }]

function jobId(raw: string | undefined): number {
  const parsed = IdSchema.safeParse(raw)
  if (!parsed.success) throw json({ error: 'notFound' }, { status: 404 })
  return parsed.data
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const job = await getJob(context.db, jobId(params.id))
  if (!job) throw json({ error: 'notFound' }, { status: 404 })
  return json({ job, canCancel: roleAllows(user.role, 'analyst') })
}

const CancelSchema = z.object({ intent: z.literal('cancel', { error: 'validation.invalid' }) })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, CancelSchema)
  if (!parsed.ok) return badRequest(parsed)
  const cancelled = await cancelJob(context.db, { id: me.id, ip: context.clientIp }, jobId(params.id))
  if (!cancelled) return formError('form', 'jobs.cannotCancel', {}, 409)
  return json({ ok: true as const })
}

export default function JobPage() {
  const { t, locale, timeZone } = useI18n()
  const { job, canCancel } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  useJobPolling(job.finished)
  return (
    <div className="stack-lg job-page">
      <header className="page-header">
        <h1>{t('jobs.title', { id: job.id })}</h1>
        <p className="muted">
          {t('jobs.kind')}: <code>{job.kind}</code>
          {job.createdByName ? <> · {t('jobs.createdBy', { name: job.createdByName })}</> : null}
        </p>
      </header>
      <section className="card stack" aria-live="polite">
        <JobProgress job={job} />
        {!job.finished ? <p className="small muted">{job.status === 'queued' ? t('jobs.queuedHint') : t('jobs.runningHint')} {t('jobs.live')}</p> : null}
        <dl className="job-times small">
          <dt>{t('jobs.createdAt')}</dt>
          <dd>{formatDateTime(locale, job.createdAt, timeZone)}</dd>
          {job.finishedAt ? (
            <>
              <dt>{t('jobs.finishedAt')}</dt>
              <dd>{formatDateTime(locale, job.finishedAt, timeZone)}</dd>
            </>
          ) : null}
        </dl>
        {result && result.ok ? (
          <p className="notice" role="status">
            {t('jobs.cancelledNotice')}
          </p>
        ) : null}
        <FormError error={result && !result.ok ? result.errors.form : undefined} />
        {canCancel && !job.finished ? (
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t('jobs.cancelConfirm'))) event.preventDefault()
            }}
          >
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" disabled={busy}>
              {t('jobs.cancel')}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useI18n()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorPage status={status} data={isRouteErrorResponse(error) ? error.data : undefined} message={status === 404 ? t('jobs.notFound') : undefined} />
}
