import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { ScoringNav } from '#app/components/scoring/scoring-nav.tsx'
import { VocabularyTable } from '#app/components/scoring/vocabulary-table.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormOrRefusal } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse, requireFound } from '#app/http/refusal.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { addVocabulary, setThemeRubric, setVocabularyArchived, updateVocabulary } from '#app/models/scoring/index.server.ts'
import { getThemeFramework } from '#app/models/theme/index.server.ts'
import { FrameworkFormSchema } from '#app/schemas/framework.ts'
import styles from '#app/styles/scoring.css'
import { roleAllows } from '#app/utils/permissions.ts'

// A theme's scoring framework (decision 036): its items, dimensions and rubric. Anyone
// signed in reads it; analysts and above edit it, each edit audited and counted in the
// theme's framework version.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.theme, 'framework.title')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const { theme } = await requireScoringTheme(context, params.slug)
  const framework = requireFound(await getThemeFramework(context.db, theme.id), 'scoring.themeNotFound', { slug: theme.slug })
  return json({ theme, framework, canEdit: roleAllows(user.role, 'analyst'), isAdmin: user.role === 'admin' })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const { theme } = await requireScoringTheme(context, params.slug)
  const form = await readFormOrRefusal(request)
  if (form instanceof Response) return form
  const parsed = await parseForm(request, FrameworkFormSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  const actor = { id: user.id, ip: context.clientIp }
  const input = parsed.data
  try {
    switch (input.intent) {
      case 'addVocabulary': {
        const { intent: _, kind, ...fields } = input
        await addVocabulary(context.db, actor, theme.id, kind, fields)
        break
      }
      case 'updateVocabulary': {
        const { intent: _, kind, id, ...fields } = input
        await updateVocabulary(context.db, actor, theme.id, kind, id, fields)
        break
      }
      case 'archiveVocabulary':
        await setVocabularyArchived(context.db, actor, theme.id, input.kind, input.id, input.archived)
        break
      case 'rubric':
        await setThemeRubric(context.db, actor, theme.id, input.rubricId)
        break
    }
    return json({ ok: true as const })
  } catch (error) {
    return refusalResponse(error, echoValues(form))
  }
}

export default function FrameworkPage() {
  const { theme, framework, canEdit, isAdmin } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t, locale } = useI18n()
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const { rubric } = framework
  return (
    <div className="stack-lg">
      <ScoringNav theme={theme} />
      <header className="page-header">
        <h1>{t('framework.title')}</h1>
        <p className="muted">{t('framework.intro')}</p>
        <p className="small muted">{t('framework.version', { version: framework.version })}</p>
      </header>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {Object.entries(errors).map(([field, key]) => (
        <FormError key={field} error={key} />
      ))}
      <section className="card" aria-labelledby="framework-rubric-heading">
        <h2 id="framework-rubric-heading">{t('framework.rubric')}</h2>
        {rubric ? (
          <p>
            <strong>{localName(locale, rubric)}</strong> (v{rubric.version}) ·{' '}
            {t('framework.rubricLevels', { count: rubric.levels.length })}
            {isAdmin ? (
              <>
                {' '}
                · <Link to={`/admin/rubrics/${rubric.id}`}>{t('framework.editRubric')}</Link>
              </>
            ) : null}
          </p>
        ) : null}
        {rubric ? (
          <ol className="small rubric-levels">
            {rubric.levels.map((l) => (
              <li key={l.level} value={l.level}>
                {locale === 'zh-CN' ? l.nameZh : l.nameEn}
              </li>
            ))}
          </ol>
        ) : null}
        {canEdit ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="rubric" />
            <label htmlFor="framework-rubric">{t('framework.rubric')}</label>{' '}
            <select id="framework-rubric" name="rubricId" defaultValue={rubric?.id ?? ''}>
              {framework.rubricChoices.map((r) => (
                <option key={r.id} value={r.id}>
                  {localName(locale, r)} (v{r.version})
                </option>
              ))}
            </select>{' '}
            <button type="submit" className="small">
              {t('common.save')}
            </button>
            <p className="muted small">{t('framework.rubricHint')}</p>
          </Form>
        ) : null}
      </section>
      <FrameworkPart kind="modality" rows={framework.items} canEdit={canEdit} />
      <FrameworkPart kind="dimension" rows={framework.dimensions} canEdit={canEdit} />
    </div>
  )
}

type Row = Parameters<typeof VocabularyTable>[0]['rows'][number]

function FrameworkPart({ kind, rows, canEdit }: { kind: 'modality' | 'dimension'; rows: Row[]; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const title = kind === 'modality' ? t('framework.items') : t('framework.dimensions')
  if (canEdit) return <VocabularyTable kind={kind} rows={rows} title={title} />
  return (
    <section className="card" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{title}</h2>
      <p className="muted small">{kind === 'modality' ? t('framework.itemsHint') : t('framework.dimensionsHint')}</p>
      {rows.length === 0 ? <p className="muted">{kind === 'modality' ? t('framework.noItems') : t('framework.noDimensions')}</p> : null}
      <ul>
        {rows.map((r) => (
          <li key={r.id} className={r.archivedAt ? 'is-archived' : undefined}>
            {localName(locale, r)}
            {r.descriptionEn || r.descriptionZh ? (
              <span className="muted small">
                {' '}
                · {(locale === 'zh-CN' ? r.descriptionZh : r.descriptionEn) || r.descriptionEn || r.descriptionZh}
              </span>
            ) : null}
            {r.archivedAt ? <span className="badge"> {t('framework.archived')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
