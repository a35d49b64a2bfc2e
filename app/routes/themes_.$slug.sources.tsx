import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { ScoringNav } from '#app/components/scoring/scoring-nav.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormOrRefusal } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { formatDate, localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  addSourceScore,
  deleteSourceScore,
  listDimensions,
  listModalities,
  listSourceScores,
  listThemeDocuments,
} from '#app/models/scoring/index.server.ts'
import { SourceScoreFormSchema } from '#app/schemas/scoring.ts'
import styles from '#app/styles/scoring.css'
import { roleAllows } from '#app/utils/permissions.ts'

// Source views: what a report said about a modality ("CICC, 2024-03-05: video =
// breakthrough"), on the theme's rubric. They show on the history chart as markers and
// never count in the team's consensus.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.theme, 'scoring.nav.sources')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const [modalities, dimensions, sources, documents] = await Promise.all([
    listModalities(context.db, theme.id),
    listDimensions(context.db, theme.id),
    listSourceScores(context.db, theme.id),
    listThemeDocuments(context.db, theme.id),
  ])
  return json({
    theme,
    rubric: rubric
      ? {
          slug: rubric.slug,
          version: rubric.version,
          levels: rubric.levels.map(({ level, nameEn, nameZh }) => ({ level, nameEn, nameZh })),
        }
      : null,
    modalities: modalities.map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    dimensions: dimensions.map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    sources,
    documents,
    canEdit: roleAllows(user.role, 'analyst'),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const { theme } = await requireScoringTheme(context, params.slug)
  const form = await readFormOrRefusal(request)
  if (form instanceof Response) return form
  const parsed = await parseForm(request, SourceScoreFormSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  const actor = { id: user.id, ip: context.clientIp }
  try {
    if (parsed.data.intent === 'add') {
      const { intent: _, ...input } = parsed.data
      await addSourceScore(context.db, actor, { themeId: theme.id, ...input })
    } else {
      await deleteSourceScore(context.db, actor, theme.id, parsed.data.id)
    }
    return json({ ok: true as const, intent: parsed.data.intent })
  } catch (error) {
    return refusalResponse(error, echoValues(form))
  }
}

export default function SourcesPage() {
  const { theme, rubric, modalities, dimensions, sources, documents, canEdit } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, locale } = useI18n()
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const values: Record<string, string> = result && !result.ok ? ((result as { values?: Record<string, string> }).values ?? {}) : {}
  // After a successful add the form starts empty again (a new key remounts it).
  const formKey = result?.ok ? `added-${sources.length}` : 'form'
  const choice = (name: string, label: string, options: { value: string; label: string }[], fallback = '') => (
    <div className={`field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`source-${name}`}>{label}</label>
      <select id={`source-${name}`} name={name} defaultValue={values[name] ?? fallback}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors[name] ? <p className="field-error">{fieldError(t, errors[name])}</p> : null}
    </div>
  )
  return (
    <div className="stack scoring-page">
      <ScoringNav theme={theme} />
      <header className="scoring-header">
        <h1>{t('scoring.sources.title')}</h1>
        <p className="muted small">{t('scoring.sources.intro')}</p>
      </header>
      {canEdit && rubric ? (
        <section className="card" aria-labelledby="add-source-heading">
          <h2 id="add-source-heading">{t('scoring.sources.add')}</h2>
          <FormError error={errors.form} />
          <Form method="post" className="row-form" key={formKey}>
            <input type="hidden" name="intent" value="add" />
            <Field
              label={t('scoring.sources.source')}
              name="source"
              required
              maxLength={200}
              placeholder={t('scoring.sources.sourcePlaceholder')}
              defaultValue={values.source}
              error={errors.source}
            />
            <Field
              label={t('scoring.sources.publishedOn')}
              name="publishedOn"
              type="date"
              required
              defaultValue={values.publishedOn}
              error={errors.publishedOn}
            />
            {choice(
              'modality',
              t('scoring.grid.modality'),
              modalities.map((m) => ({ value: m.slug, label: localName(locale, m) })),
            )}
            {choice(
              'dimension',
              t('scoring.consensus.dimension'),
              dimensions.map((d) => ({ value: d.slug, label: localName(locale, d) })),
            )}
            {choice(
              'level',
              t('scoring.editor.level'),
              rubric.levels.map((l) => ({ value: String(l.level), label: `${l.level} · ${localName(locale, l)}` })),
            )}
            {choice('documentId', t('scoring.sources.document'), [
              { value: '', label: t('common.none') },
              ...documents.map((d) => ({ value: String(d.id), label: d.title.slice(0, 80) })),
            ])}
            <Field label={t('common.notes')} name="note" maxLength={2000} defaultValue={values.note} error={errors.note} />
            <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
              {t('scoring.sources.addButton')}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('scoring.sources.listHeading', { count: sources.length })}</h2>
        {sources.length === 0 ? (
          <p className="muted">{t('scoring.sources.empty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('scoring.sources.source')}</th>
                <th scope="col">{t('scoring.sources.publishedOn')}</th>
                <th scope="col">{t('scoring.moved.cell')}</th>
                <th scope="col">{t('scoring.editor.level')}</th>
                <th scope="col">{t('common.notes')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.source}
                    {s.documentTitle ? <div className="muted small">{s.documentTitle}</div> : null}
                  </td>
                  <td className="nowrap">{formatDate(locale, s.publishedOn)}</td>
                  <td>
                    {localName(locale, { nameEn: s.modalityEn, nameZh: s.modalityZh })} ×{' '}
                    {localName(locale, { nameEn: s.dimensionEn, nameZh: s.dimensionZh })}
                  </td>
                  <td>
                    {s.level} · {localName(locale, { nameEn: s.levelEn, nameZh: s.levelZh })}
                    {rubric && s.rubricSlug !== rubric.slug ? (
                      <div className="muted small">{t('scoring.sources.otherRubric', { rubric: s.rubricSlug })}</div>
                    ) : null}
                  </td>
                  <td>{s.note}</td>
                  <td>
                    {canEdit ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={s.id} />
                        <button type="submit" className="small">
                          {t('scoring.sources.delete')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
