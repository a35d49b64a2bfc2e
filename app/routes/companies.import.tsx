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
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { type UniverseActionResult, UniversePlanView } from '#app/components/universe-import-plan.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { type MessageKey, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { readUniverseFile } from '#app/ingest/universe/read-universe.server.ts'
import { applyUniverseImport, planUniverseImport, summariseUniversePlan } from '#app/models/company/index.server.ts'
import { MAX_UNIVERSE_BYTES, UNIVERSE_FORMATS, UniverseImportSchema } from '#app/schemas/universe.ts'
import { VENDOR_TYPES } from '#app/schemas/watchlist.ts'
import styles from '#app/styles/universe.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'universe.title')

const MAX_MB = MAX_UNIVERSE_BYTES / 1_000_000

// Importing changes the registry, so the page is for analysts and administrators.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'analyst')
  return json({})
}

function fail(field: string, key: string, status: number) {
  return json<UniverseActionResult>({ ok: false, intent: '', errors: { [field]: key } }, { status })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_UNIVERSE_BYTES + 64_000)
    return fail('file', `universe.file.tooLarge?max=${MAX_MB}`, 413)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UNIVERSE_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail('file', `universe.file.tooLarge?max=${MAX_MB}`, 413)
    return fail('file', 'universe.notMultipart', 400)
  }
  const parsed = await parseForm(request, UniverseImportSchema, form)
  if (!parsed.ok) return json<UniverseActionResult>({ ok: false, intent: '', errors: parsed.errors }, { status: 400 })
  const { intent, format, vendorType } = parsed.data
  const file = form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return fail('file', 'universe.fileRequired', 400)
  try {
    const universe = await readUniverseFile(new Uint8Array(await file.arrayBuffer()), file.name, format)
    const plan =
      intent === 'preview'
        ? await planUniverseImport(context.db, universe.records)
        : await applyUniverseImport(context.db, { id: me.id, ip: context.clientIp }, universe.records, {
            fileName: file.name,
            format: universe.format,
            vendorType,
            skipped: universe.skipped,
          })
    return json<UniverseActionResult>({ ok: true, intent, format: universe.format, plan: summariseUniversePlan(plan, universe.skipped) })
  } catch (error) {
    return refusalResponse(error, {}, { intent })
  }
}

export default function CompaniesImportPage() {
  const { t } = useI18n()
  const result = useActionData<typeof action>() as UniverseActionResult | undefined
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = (result && !result.ok ? result.errors : undefined) ?? {}
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p className="small">
          <Link to="/companies">← {t('nav.companies')}</Link>
        </p>
        <h1>{t('universe.title')}</h1>
        <p className="muted">{t('universe.intro')}</p>
        <p className="small muted">{t('universe.templateHint')}</p>
      </header>
      <section className="card">
        <Form method="post" encType="multipart/form-data" className="stack">
          <Field
            label={t('universe.file', { max: MAX_MB })}
            name="file"
            type="file"
            accept=".xlsx,.csv,.xls,.json,.txt"
            required
            error={errors.file}
          />
          <div className="row-form">
            <div className="field">
              <label htmlFor="universe-format">{t('universe.format')}</label>
              <select id="universe-format" name="format" defaultValue="auto">
                {['auto', ...UNIVERSE_FORMATS].map((f) => (
                  <option key={f} value={f}>
                    {t(`universe.format.${f}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="universe-vendor">{t('universe.vendorType')}</label>
              <select id="universe-vendor" name="vendorType" defaultValue="application_company">
                {VENDOR_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`vendor.${v}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row-form">
            <button type="submit" name="intent" value="preview" disabled={busy}>
              {t('universe.preview')}
            </button>
            <button type="submit" name="intent" value="apply" className="primary" disabled={busy}>
              {t('universe.apply')}
            </button>
          </div>
        </Form>
      </section>
      <FormError error={errors.form} />
      {result?.plan ? <UniversePlanView result={result} /> : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
