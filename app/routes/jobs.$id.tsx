import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { IngestResults } from '#app/components/documents/ingest-results.tsx'
import { FormError } from '#app/components/form.tsx'
import { JobProgress, useJobPolling } from '#app/components/job-progress.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, formError, parseForm } from '#app/http/forms.server.ts'
import { requireFound, requireIdParam } from '#app/http/refusal.server.ts'
import { formatDateTime, formatNumber, type MessageKey, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { countJobFiles, listJobFileOutcomes } from '#app/models/document/index.server.ts'
import { cancelJob, getJob } from '#app/models/ops/index.server.ts'
import {
  INGEST_FILES_JOB_KIND,
  REMATCH_COMPANY_JOB_KIND,
  RESCAN_JOB_KIND,
  WEBHOOK_DELIVERY_JOB_KIND,
  WEBHOOK_DIGEST_JOB_KIND,
} from '#app/schemas/job-kinds.ts'
import { CancelSchema } from '#app/schemas/jobs.ts'
import documentStyles from '#app/styles/documents.css'
import styles from '#app/styles/feeds.css'
import { roleAllows } from '#app/utils/permissions.ts'

// documents.css: a bulk upload's per-file results look as they do on the documents page.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: documentStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { key: 'jobs.title', params: { id: data.job.id } } : null)

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const job = requireFound(await getJob(context.db, requireIdParam(params.id, 'jobs.notFound')), 'jobs.notFound')
  // A bulk upload lists each file's outcome as it is done, with links to the documents.
  const files =
    job.kind === INGEST_FILES_JOB_KIND
      ? { counts: await countJobFiles(context.db, job.id), outcomes: await listJobFileOutcomes(context.db, job.id) }
      : null
  return json({ job, files, canCancel: roleAllows(user.role, 'analyst') })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, CancelSchema)
  if (!parsed.ok) return badRequest(parsed)
  const cancelled = await cancelJob(context.db, { id: me.id, ip: context.clientIp }, requireIdParam(params.id, 'jobs.notFound'))
  if (!cancelled) return formError('form', 'jobs.cannotCancel', {}, 409)
  return json({ ok: true as const })
}

export default function JobPage() {
  const { t, locale, timeZone } = useI18n()
  const { job, files, canCancel } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  useJobPolling(job.finished)
  return (
    <div className="stack-lg job-page">
      <header className="page-header">
        <h1>{t('jobs.title', { id: job.id })}</h1>
        <p className="muted">
          {t('jobs.kind')}: {KIND_LABEL[job.kind] ? t(KIND_LABEL[job.kind]) : <code>{job.kind}</code>}
          {job.createdByName ? <> · {t('jobs.createdBy', { name: job.createdByName })}</> : null}
        </p>
      </header>
      <section className="card stack" aria-live="polite">
        <JobProgress job={job} />
        {!job.finished ? (
          <p className="small muted">
            {job.status === 'queued' ? t('jobs.queuedHint') : t('jobs.runningHint')} {t('jobs.live')}
          </p>
        ) : null}
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
      {job.kind === RESCAN_JOB_KIND && job.status === 'done' && job.result ? (
        <p className="notice" role="status">
          {t('jobs.rescanResult', rescanCounts(job.result))}
        </p>
      ) : null}
      {job.kind === REMATCH_COMPANY_JOB_KIND && job.status === 'done' && job.result ? (
        <p className="notice" role="status">
          {t('jobs.rematchResult', { ...rescanCounts(job.result), changed: Number((job.result as { changed?: number }).changed ?? 0) })}
        </p>
      ) : null}
      {files ? (
        <section className="card stack job-files" aria-labelledby="job-files-heading">
          <h2 id="job-files-heading">{t('jobs.files.heading')}</h2>
          <p className="job-file-counts">
            {(['ingested', 'duplicate', 'refused'] as const)
              .filter((status) => status === 'ingested' || files.counts[status] > 0)
              .map((status) => (
                <span key={status} className={`job-file-count is-${status}`}>
                  {t(`jobs.files.${status}` as MessageKey, { n: formatNumber(locale, files.counts[status]) })}
                </span>
              ))}
            {files.counts.total > files.counts.done ? (
              <span className="muted">{t('jobs.files.waiting', { n: formatNumber(locale, files.counts.total - files.counts.done) })}</span>
            ) : null}
          </p>
          {files.outcomes.length > 0 ? <IngestResults outcomes={files.outcomes} /> : null}
          <p>
            <Link to="/documents">{t('jobs.files.toDocuments')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  )
}

function rescanCounts(result: unknown) {
  const r = (result ?? {}) as Record<string, unknown>
  const n = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : 0)
  return { documents: n('documents'), added: n('added'), removed: n('removed') }
}

const KIND_LABEL: Record<string, MessageKey> = {
  [INGEST_FILES_JOB_KIND]: 'jobs.kind.ingestFiles',
  [RESCAN_JOB_KIND]: 'jobs.kind.rescan',
  [WEBHOOK_DELIVERY_JOB_KIND]: 'jobs.kind.webhook',
  [WEBHOOK_DIGEST_JOB_KIND]: 'webhookdigest.jobKind',
  [REMATCH_COMPANY_JOB_KIND]: 'jobs.kind.rematch',
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
