import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useOutlet } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormOrRefusal } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { createRubric, listRubrics, listThemeRubrics, setThemeRubric } from '#app/models/scoring/index.server.ts'
import { getDisagreementThreshold, setDisagreementThreshold } from '#app/models/scoring/index.server.ts'
import { ScoringAdminSchema } from '#app/schemas/scoring.ts'
import { MAX_DISAGREEMENT_SPREAD, MIN_DISAGREEMENT_SPREAD } from '#app/scoring/consensus.ts'
import styles from '#app/styles/scoring.css'

// Scoring administration: rubrics (a used one is edited as a new version, on its own page
// below this one), which rubric each theme scores with, and the disagreement threshold.
// Items and dimensions belong to each theme: its framework page (decision 036).

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'scoring.admin.rubrics')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const [rubrics, themes, threshold] = await Promise.all([
    listRubrics(context.db),
    listThemeRubrics(context.db),
    getDisagreementThreshold(context.db),
  ])
  return json({ rubrics, themes, threshold })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const form = await readFormOrRefusal(request)
  if (form instanceof Response) return form
  const parsed = await parseForm(request, ScoringAdminSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  const actor = { id: me.id, ip: context.clientIp }
  const input = parsed.data
  try {
    switch (input.intent) {
      case 'createRubric': {
        const { intent: _, ...rubric } = input
        await createRubric(context.db, actor, rubric)
        break
      }
      case 'themeRubric':
        await setThemeRubric(context.db, actor, input.themeId, input.rubricId)
        break
      case 'threshold':
        await setDisagreementThreshold(context.db, actor, input.threshold)
        break
    }
    return json({ ok: true as const })
  } catch (error) {
    return refusalResponse(error, echoValues(form))
  }
}

export default function RubricsAdmin() {
  const outlet = useOutlet()
  return outlet ?? <RubricsOverview />
}

function RubricsOverview() {
  const { rubrics, themes, threshold } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t, locale } = useI18n()
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const current = rubrics.filter((r) => !r.supersededAt)
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('scoring.admin.title')}</h1>
        <p className="muted">{t('scoring.admin.intro')}</p>
      </header>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {Object.entries(errors).map(([field, key]) => (
        <FormError key={field} error={key} />
      ))}
      <section className="card" aria-labelledby="rubrics-heading">
        <h2 id="rubrics-heading">{t('scoring.admin.rubrics')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('scoring.admin.rubric')}</th>
              <th scope="col">{t('scoring.admin.slug')}</th>
              <th scope="col">{t('scoring.admin.version')}</th>
              <th scope="col">{t('scoring.admin.levels')}</th>
              <th scope="col">{t('scoring.admin.themes')}</th>
              <th scope="col">{t('scoring.admin.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {rubrics.map((r) => (
              <tr key={r.id} className={r.supersededAt ? 'is-disabled' : undefined}>
                <td>
                  <Link to={`/admin/rubrics/${r.id}`}>{localName(locale, r)}</Link>
                  {r.supersededAt ? <span className="badge"> {t('scoring.admin.superseded')}</span> : null}
                </td>
                <td>{r.slug}</td>
                <td>{r.version}</td>
                <td>{r.levelCount}</td>
                <td>{r.themeCount}</td>
                <td>{r.scoreCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('scoring.admin.newRubric')}</h3>
        <Form method="post" className="row-form">
          <input type="hidden" name="intent" value="createRubric" />
          <Field label={t('scoring.admin.slug')} name="slug" required maxLength={63} error={errors.slug} />
          <Field label={t('scoring.admin.nameEn')} name="nameEn" required maxLength={200} />
          <Field label={t('scoring.admin.nameZh')} name="nameZh" required maxLength={200} />
          <div className="field">
            <label htmlFor="copy-from">{t('scoring.admin.copyFrom')}</label>
            <select id="copy-from" name="copyFromId">
              {current.map((r) => (
                <option key={r.id} value={r.id}>
                  {localName(locale, r)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t('scoring.admin.create')}
          </button>
        </Form>
      </section>
      <div className="admin-grid">
        <section className="card" aria-labelledby="theme-rubric-heading">
          <h2 id="theme-rubric-heading">{t('scoring.admin.themeRubrics')}</h2>
          <p className="muted small">{t('scoring.admin.themeRubricsHint')}</p>
          <table className="data-table">
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.id}>
                  <td>
                    {localName(locale, theme)} · <Link to={`/themes/${theme.slug}/framework`}>{t('framework.link')}</Link>
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="themeRubric" />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <label className="visually-hidden" htmlFor={`theme-rubric-${theme.id}`}>
                        {t('scoring.admin.rubric')}
                      </label>
                      <select id={`theme-rubric-${theme.id}`} name="rubricId" defaultValue={theme.rubricId ?? ''}>
                        {theme.rubricId == null ? <option value="">{t('common.none')}</option> : null}
                        {rubrics
                          .filter((r) => !r.supersededAt || r.id === theme.rubricId)
                          .map((r) => (
                            <option key={r.id} value={r.id}>
                              {localName(locale, r)} (v{r.version})
                            </option>
                          ))}
                      </select>
                      <button type="submit" className="small">
                        {t('common.save')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="threshold-heading">
          <h2 id="threshold-heading">{t('scoring.admin.threshold')}</h2>
          <Form method="post" className="row-form">
            <input type="hidden" name="intent" value="threshold" />
            <Field
              label={t('scoring.admin.thresholdLabel')}
              name="threshold"
              type="number"
              min={MIN_DISAGREEMENT_SPREAD}
              max={MAX_DISAGREEMENT_SPREAD}
              defaultValue={threshold}
              hint={t('scoring.admin.thresholdHint')}
              error={errors.threshold}
            />
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </Form>
        </section>
      </div>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
