import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { CompanyProfileFields } from '#app/components/company-edit-form.tsx'
import { fieldError, FormError } from '#app/components/form.tsx'
import { requireRole, resolveLocale } from '#app/http/auth.server.ts'
import { badRequest, formError, parseForm, readFormData } from '#app/http/forms.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { CompanyEditError, createCompany, listCompanyNames, listModalityOptions, problemMessage } from '#app/models/company/index.server.ts'
import { aliasLines, messageCode, NewCompanySchema, parseTickerList } from '#app/schemas/company.ts'
import { NewNameIdSchema } from '#app/schemas/new-names.ts'
import { linkNewNameToCompany, newCompanyPrefill } from '#app/services/new-names/add-new-name.server.ts'
import styles from '#app/styles/company.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'companyEdit.newCompany')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'analyst')
  // ?newName=<id>: opened from the "New names" page, the form starts from that name.
  const newName = NewNameIdSchema.safeParse(new URL(request.url).searchParams.get('newName'))
  const [parents, modalities, prefill] = await Promise.all([
    listCompanyNames(context.db),
    listModalityOptions(context.db),
    newName.success ? newCompanyPrefill(context.db, newName.data) : null,
  ])
  // ?name=...: "create the company" from a company picker; a name with Chinese characters is the Chinese one.
  const typed = (new URL(request.url).searchParams.get('name') ?? '').trim().slice(0, 200)
  const typedName = typed ? (/\p{Script=Han}/u.test(typed) ? { nameZh: typed } : { nameEn: typed }) : null
  return json({ parents, modalities, prefill, typedName })
}

// Every value as typed, several checkboxes of one name joined, to refill the form.
function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const key of new Set(form.keys())) values[key] = form.getAll(key).map(String).join(',').slice(0, 10_000)
  return values
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const form = await readFormData(request)
  const values = typedValues(form)
  const parsed = await parseForm(request, NewCompanySchema, form)
  if (!parsed.ok) return badRequest({ ...parsed, values })
  const tickers = parseTickerList(parsed.data.tickers)
  if (!tickers.ok) return formError('tickers', messageCode('companyEdit.tickerInvalid', { ticker: tickers.bad }), values)
  try {
    const { id } = await createCompany(
      context.db,
      { id: user.id, ip: context.clientIp },
      { ...parsed.data, tickers: tickers.tickers, aliases: aliasLines(parsed.data.aliases) },
    )
    const newName = NewNameIdSchema.safeParse(form.get('newNameId'))
    if (newName.success) await linkNewNameToCompany(context.db, { id: user.id, ip: context.clientIp }, newName.data, id)
    return redirect(`/companies/${id}`)
  } catch (error) {
    if (!(error instanceof CompanyEditError)) throw error
    const { code, status } = problemMessage(error.problem, await resolveLocale(request, user))
    const field = { alias: 'aliases', ticker: 'tickers' }[error.problem.field as string] ?? error.problem.field
    return formError(field, code, values, status)
  }
}

export default function NewCompanyPage() {
  const { t, locale } = useI18n()
  const { parents, modalities, prefill, typedName } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const values: Record<string, string> = result && !result.ok ? result.values : (prefill?.values ?? typedName ?? {})
  const chosen = new Set((values.modalityIds ?? '').split(','))
  const tickersError = fieldError(t, errors.tickers)
  const aliasesError = fieldError(t, errors.aliases)
  return (
    <div className="stack-lg company-new">
      <header className="page-header">
        <p className="muted small">
          <Link to="/companies">{t('companies.title')}</Link>
        </p>
        <h1>{t('companyEdit.newCompany')}</h1>
        <p className="muted">{t('companyEdit.createIntro')}</p>
        {prefill ? <p className="notice">{t('newnames.fromNewName', { name: prefill.values.nameZh || prefill.values.nameEn })}</p> : null}
      </header>
      <FormError error={errors.form} />
      <Form method="post" className="card stack" noValidate>
        {prefill ? <input type="hidden" name="newNameId" value={prefill.newNameId} /> : null}
        <CompanyProfileFields values={values} errors={errors} parents={parents} idPrefix="new">
          <div className={`field${tickersError ? ' has-error' : ''}`}>
            <label htmlFor="new-tickers">{t('company.tickers')}</label>
            <input
              id="new-tickers"
              name="tickers"
              maxLength={500}
              defaultValue={values.tickers}
              placeholder="0700.HK, BABA"
              aria-describedby="new-tickers-hint"
              aria-invalid={tickersError ? true : undefined}
            />
            <p className="field-hint" id="new-tickers-hint">
              {t('companyEdit.tickersHint')}
            </p>
            {tickersError ? (
              <p className="field-error" role="alert">
                {tickersError}
              </p>
            ) : null}
          </div>
          <div className={`field${aliasesError ? ' has-error' : ''}`}>
            <label htmlFor="new-aliases">{t('companyEdit.aliases')}</label>
            <textarea
              id="new-aliases"
              name="aliases"
              rows={3}
              defaultValue={values.aliases}
              aria-describedby="new-aliases-hint"
              aria-invalid={aliasesError ? true : undefined}
            />
            <p className="field-hint" id="new-aliases-hint">
              {t('companyEdit.aliasesHint')}
            </p>
            {aliasesError ? (
              <p className="field-error" role="alert">
                {aliasesError}
              </p>
            ) : null}
          </div>
          <fieldset className="span-all modality-choices">
            <legend>{t('company.modalities')}</legend>
            {modalities.map((m) => (
              <label key={m.id} className="check">
                <input type="checkbox" name="modalityIds" value={m.id} defaultChecked={chosen.has(String(m.id))} /> {localName(locale, m)}
              </label>
            ))}
            {errors.modalityIds ? <p className="field-error">{fieldError(t, errors.modalityIds)}</p> : null}
          </fieldset>
        </CompanyProfileFields>
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {t('companyEdit.create')}
          </button>
        </p>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
