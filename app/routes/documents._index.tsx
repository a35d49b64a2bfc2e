import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'

import { AddDocuments } from '#app/components/documents/add-documents.tsx'
import { DocumentFilters } from '#app/components/documents/document-filters.tsx'
import { IngestResults } from '#app/components/documents/ingest-results.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, formError, type FormFailure, parseForm, readFormData } from '#app/http/forms.server.ts'
import {
  createDocumentUploadHandler,
  MAX_FIELD_BYTES,
  MAX_FILE_BYTES,
  MAX_REQUEST_BYTES,
  MB,
  UploadTooLargeError,
} from '#app/http/upload-handler.server.ts'
import { formatDate, formatNumber, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { ACCEPTED_EXTENSIONS } from '#app/ingest/extract-file.server.ts'
import { type IngestOutcome, refusalKey } from '#app/ingest/outcome.ts'
import { normaliseTags, startDocumentRescan } from '#app/models/document/index.server.ts'
import { AddDocumentsSchema, DocumentFiltersSchema } from '#app/schemas/documents.ts'
import { loadDocumentsPage } from '#app/services/documents/documents-page.server.ts'
import {
  BULK_MIN_FILES,
  type DocumentMeta,
  ingestFromUrl,
  ingestSource,
  ingestUploadedFiles,
  refusalStatus,
} from '#app/services/ingest/add-documents.server.ts'
import styles from '#app/styles/documents.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.documents')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const filters = DocumentFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return json({
    ...(await loadDocumentsPage(context.db, filters)),
    canEdit: roleAllows(user.role, 'analyst'),
    accept: ACCEPTED_EXTENSIONS.join(','),
    maxFileMb: MAX_FILE_BYTES / MB,
    bulkFiles: BULK_MIN_FILES,
  })
}

export type DocumentsActionData = FormFailure | { ok: true; outcomes: IngestOutcome[]; nonce: string }

async function readAddForm(request: Request) {
  const upload = createDocumentUploadHandler()
  const type = request.headers.get('Content-Type') ?? ''
  const form = type.startsWith('multipart/form-data') ? await upload.parse(request) : await readFormData(request)
  return { form, refused: upload.refused }
}

const results = (outcomes: IngestOutcome[], status = 200) =>
  json<DocumentsActionData>({ ok: true, outcomes, nonce: String(Date.now()) }, { status })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const actor = { id: user.id, ip: context.clientIp }
  const tooLarge = `documents.uploadTooLarge?max=${MAX_REQUEST_BYTES / MB}&fieldMax=${MAX_FIELD_BYTES / MB}`
  // Refused before a byte is read; a body without a length is counted as it streams.
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_REQUEST_BYTES) return formError('form', tooLarge, {}, 413)
  let read: Awaited<ReturnType<typeof readAddForm>>
  try {
    read = await readAddForm(request)
  } catch (error) {
    if (error instanceof Response) throw error
    if (error instanceof UploadTooLargeError) return formError(error.field === 'text' ? 'text' : 'form', tooLarge, {}, 413)
    return formError('form', 'validation.invalid', {}, 400) // not a form we can read
  }
  const parsed = await parseForm(request, AddDocumentsSchema, read.form)
  if (!parsed.ok) return badRequest(parsed)
  const input = parsed.data
  if (input.intent === 'rescan') return redirect(`/jobs/${(await startDocumentRescan(context.db, actor)).jobId}`)
  const meta: DocumentMeta = {
    publisher: input.publisher,
    publishedOn: input.publishedOn || null,
    tags: normaliseTags(input.tags.split(/[,，、;；]/)),
    themeIds: input.themeIds,
    createdBy: user.id,
    ip: context.clientIp,
  }
  if (input.intent === 'url') {
    const fetched = await ingestFromUrl(context.db, input.url, meta)
    if (!fetched.ok)
      return formError(
        fetched.reason.startsWith('documents.refused.themeNotFound') ? 'themeIds' : 'url',
        fetched.reason,
        { intent: 'url', url: input.url },
        refusalStatus(fetched.reason),
      )
    return results([fetched.outcome])
  }
  if (input.intent === 'paste') {
    const outcome = await ingestSource(context.db, input.title, { text: input.text, title: input.title }, meta)
    if (outcome.status === 'refused') {
      const field = outcome.reason?.startsWith('documents.refused.themeNotFound') ? 'themeIds' : 'text'
      return formError(
        field,
        outcome.reason ?? 'validation.invalid',
        { intent: 'paste', title: input.title, text: input.text.slice(0, 10_000) },
        refusalStatus(outcome.reason),
      )
    }
    return results([outcome])
  }
  const files = parsed.form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f)
  const refused = read.refused.map((r): IngestOutcome => ({ name: r.fileName, status: 'refused', reason: refusalKey(r.reason, r.params) }))
  if (files.length === 0 && refused.length === 0) return formError('files', 'documents.noFiles', { intent: 'upload' })
  const uploaded = await ingestUploadedFiles(
    context.db,
    actor,
    await Promise.all(files.map(async (f) => ({ name: f.name, contentType: f.type, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    refused,
    meta,
  )
  if (uploaded.kind === 'job') return redirect(`/jobs/${uploaded.jobId}`)
  const { outcomes } = uploaded
  // Bad input gets a 4xx: when nothing at all was stored, the status says why.
  return results(outcomes, outcomes.every((o) => o.status === 'refused') ? refusalStatus(outcomes[0]?.reason) : 200)
}

export default function DocumentsPage() {
  const { t, locale } = useI18n()
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as DocumentsActionData | undefined
  const [params] = useSearchParams()
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : {}
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(page))
    return `?${next.toString()}`
  }
  return (
    <div className="stack documents-page">
      <header className="page-header documents-header">
        <div>
          <h1>{t('nav.documents')}</h1>
          <p className="muted">{t('documents.intro')}</p>
        </div>
        <div className="documents-header-side">
          <p className="muted">{t('documents.count', { count: formatNumber(locale, data.total) })}</p>
          {data.canEdit ? (
            <Form method="post" className="doc-rescan">
              <input type="hidden" name="intent" value="rescan" />
              <button type="submit" title={t('documents.rescanHint')}>
                {t('documents.rescan')}
              </button>
            </Form>
          ) : null}
        </div>
      </header>
      {params.get('deleted') ? (
        <p className="notice" role="status">
          {t('documents.deleted')}
        </p>
      ) : null}
      {data.canEdit ? (
        <details className="add-documents-panel" open={data.total === 0 || result !== undefined}>
          <summary>{t('documents.add')}</summary>
          {result?.ok ? <IngestResults outcomes={result.outcomes} /> : null}
          <AddDocuments
            key={result?.ok ? result.nonce : 'add'}
            themes={data.themes}
            accept={data.accept}
            maxFileMb={data.maxFileMb}
            bulkFiles={data.bulkFiles}
            errors={errors}
            values={values}
          />
        </details>
      ) : null}
      <section className="card">
        <DocumentFilters
          filters={data.filters}
          companies={data.companies}
          themes={data.themes}
          tags={data.tags}
          publishers={data.publishers}
        />
        {data.documents.length === 0 ? (
          <p className="muted doc-empty">
            {data.total === 0 && !Object.values(data.filters).some(Boolean) ? t('documents.empty') : t('documents.noMatch')}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table doc-table">
              <thead>
                <tr>
                  <th scope="col">{t('documents.fieldTitle')}</th>
                  <th scope="col">{t('documents.publisher')}</th>
                  <th scope="col">{t('documents.publishedOn')}</th>
                  <th scope="col">{t('documents.language')}</th>
                  <th scope="col" className="num">
                    {t('documents.mentions')}
                  </th>
                  <th scope="col">{t('documents.tags')}</th>
                </tr>
              </thead>
              <tbody>
                {data.documents.map((doc) => (
                  <tr key={doc.id}>
                    <td className="doc-title-cell">
                      <Link to={`/documents/${doc.id}`}>{doc.title}</Link>
                      {doc.fileName && doc.fileName !== doc.title ? <span className="muted small doc-file">{doc.fileName}</span> : null}
                    </td>
                    <td>{doc.publisher}</td>
                    <td className="nowrap">{doc.publishedOn ? formatDate(locale, doc.publishedOn) : '—'}</td>
                    <td>
                      <span className={`badge lang-${doc.language}`}>{labelOf(t, 'documents.lang', doc.language)}</span>
                    </td>
                    <td className="num nowrap">
                      {formatNumber(locale, doc.mentionCount)}{' '}
                      <span className="muted small">· {t('documents.companiesCount', { count: doc.companyCount })}</span>
                    </td>
                    <td>
                      <span className="chips">
                        {doc.tags.map((tag) => (
                          <Link key={tag} className="chip" to={`/documents?tag=${encodeURIComponent(tag)}`}>
                            {tag}
                          </Link>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.page > 1 || data.hasMore ? (
          <nav className="pager" aria-label={t('documents.page', { page: data.page })}>
            {data.page > 1 ? <Link to={pageLink(data.page - 1)}>← {t('documents.previous')}</Link> : <span />}
            <span className="muted">{t('documents.page', { page: data.page })}</span>
            {data.hasMore ? <Link to={pageLink(data.page + 1)}>{t('documents.next')} →</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
