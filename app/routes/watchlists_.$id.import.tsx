import {
  type ActionFunctionArgs,
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { type ImportActionResult, ImportPlanView } from '#app/components/watchlist-import-plan.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { parseForm } from '#app/http/forms.server.ts'
import { requireWatchlist } from '#app/http/lookups.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { type MessageKey, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { canImport, ImportBlockedError, importRows, planImport, rowsFromSheet, summarisePlan } from '#app/models/watchlist/index.server.ts'
import { REGIONS, VENDOR_TYPES, WatchlistImportSchema } from '#app/schemas/watchlist.ts'
import styles from '#app/styles/watchlist.css'
import { MAX_SPREADSHEET_BYTES, readSpreadsheet } from '#app/utils/spreadsheet.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.watchlist.name } : 'nav.watchlists')

const MAX_MB = MAX_SPREADSHEET_BYTES / 1_000_000 // the limit as people read it

async function findWatchlist(params: { id?: string }, context: LoaderFunctionArgs['context']) {
  const watchlist = await requireWatchlist(context, params.id)
  return watchlist
}

// Importing changes the list, so the page itself is for analysts; viewers get the 403 page.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'analyst')
  return json({ watchlist: await findWatchlist(params, context) })
}

function fail(field: string, key: string, status: number, extra: Partial<ImportActionResult> = {}) {
  return json<ImportActionResult>({ ok: false, intent: '', errors: { [field]: key }, ...extra }, { status })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const watchlist = await findWatchlist(params, context)
  if (watchlist.archivedAt) return fail('form', 'watchlists.archivedReadOnly', 409)
  // Refuse an oversized upload before reading it (the form fields add a little on top).
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_SPREADSHEET_BYTES + 64_000)
    return fail('file', `watchlists.import.tooLarge?max=${MAX_MB}`, 413)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SPREADSHEET_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail('file', `watchlists.import.tooLarge?max=${MAX_MB}`, 413)
    return fail('file', 'watchlists.import.notMultipart', 400) // not multipart, or a broken multipart body
  }
  const parsed = await parseForm(request, WatchlistImportSchema, form)
  if (!parsed.ok) return json<ImportActionResult>({ ok: false, intent: '', errors: parsed.errors }, { status: 400 })
  const options = parsed.data
  const file = form.get('file')
  if (!file || typeof file === 'string' || file.size === 0)
    return fail('file', 'watchlists.import.fileRequired', 400, { intent: options.intent })

  let rows
  try {
    rows = rowsFromSheet(await readSpreadsheet(new Uint8Array(await file.arrayBuffer()), file.name))
  } catch (error) {
    return refusalResponse(error, {}, { intent: options.intent })
  }

  const createMissing =
    options.createMissing && options.region && options.vendorType ? { region: options.region, vendorType: options.vendorType } : null
  if (options.intent === 'preview') {
    const plan = await planImport(context.db, watchlist.id, rows)
    return json<ImportActionResult>({
      ok: true,
      intent: 'preview',
      plan: summarisePlan(plan, createMissing !== null),
      ready: canImport(plan, createMissing !== null),
      createMissing: createMissing !== null,
    })
  }
  try {
    const done = await importRows(context.db, { id: me.id, ip: context.clientIp }, watchlist.id, rows, {
      fileName: file.name,
      createMissing,
    })
    return json<ImportActionResult>({
      ok: true,
      intent: 'import',
      plan: summarisePlan(done.plan, true),
      done: { added: done.added, created: done.created.length },
    })
  } catch (error) {
    const plan = error instanceof ImportBlockedError ? summarisePlan(error.plan, createMissing !== null) : undefined
    return refusalResponse(error, {}, { intent: 'import', ...(plan ? { plan } : {}) })
  }
}

export default function WatchlistImportPage() {
  const { t } = useI18n()
  const { watchlist } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ImportActionResult | undefined
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const formRef = useRef<HTMLFormElement>(null)
  const errors: Record<string, string> = (result && !result.ok ? result.errors : undefined) ?? {}
  const resultRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (result?.ok && result.done) formRef.current?.reset()
    // The outcome is below the form: bring it into view so nobody misses it on a projector.
    if (result?.plan) resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [result])
  const select = (name: 'region' | 'vendorType', options: readonly string[], prefix: string) => (
    <div className={`field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`import-${name}`}>{labelOf(t, 'watchlists.import', name)}</label>
      <select id={`import-${name}`} name={name} defaultValue="" aria-invalid={errors[name] ? true : undefined}>
        <option value="">{t('watchlists.import.choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}.${o}` as MessageKey)}
          </option>
        ))}
      </select>
      {errors[name] ? (
        <p className="field-error" role="alert">
          {fieldError(t, errors[name])}
        </p>
      ) : null}
    </div>
  )
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p className="small">
          <Link to={`/watchlists/${watchlist.id}`}>← {t('watchlists.backToList')}</Link>
        </p>
        <h1>{t('watchlists.import.title', { name: watchlist.name })}</h1>
        <p className="muted wl-lede">{t('watchlists.import.intro')}</p>
        <p className="small">
          <a href={`/watchlists/${watchlist.id}/export?format=csv`} download>
            {t('watchlists.import.template')}
          </a>
        </p>
      </header>
      <section className="card">
        <Form method="post" encType="multipart/form-data" ref={formRef} className="stack wl-import-form">
          <div className="wl-import-row">
            <div className="grow">
              <Field
                label={t('watchlists.import.file')}
                name="file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
                error={errors.file}
              />
            </div>
            <button type="submit" name="intent" value="preview" disabled={busy}>
              {t('watchlists.import.preview')}
            </button>
            <button type="submit" name="intent" value="import" className="primary" disabled={busy}>
              {t('watchlists.import.submit')}
            </button>
          </div>
          <fieldset className="wl-create-missing">
            <legend className="visually-hidden">{t('watchlists.import.createMissing')}</legend>
            <div className="row-form">
              <label className="checkbox">
                <input type="checkbox" name="createMissing" aria-describedby="create-missing-hint" />
                {t('watchlists.import.createMissing')}
              </label>
              {select('region', REGIONS, 'region')}
              {select('vendorType', VENDOR_TYPES, 'vendor')}
            </div>
            <p className="field-hint" id="create-missing-hint">
              {t('watchlists.import.createMissingHint')}
            </p>
          </fieldset>
        </Form>
      </section>
      <div ref={resultRef} className="stack wl-import-result">
        <FormError error={errors.form} />
        {result?.plan ? <ImportPlanView result={result} /> : null}
      </div>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
