import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { requireRole } from '#app/http/auth.server.ts'
import { badRequest, parseForm, readFormOrRefusal } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse, requireFound, requireIdParam } from '#app/http/refusal.server.ts'
import { formatDateTime, localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { getRubric, isRubricUsed, listRubricVersions, updateRubric } from '#app/models/scoring/index.server.ts'
import { RubricEditSchema } from '#app/schemas/scoring.ts'

// Editing one rubric: its names and, per level, a name and an anchored description in
// both languages. When anything was scored on it, saving creates the next version (the
// themes move to it; old scores keep the version they were given on). A blank last row
// adds a level; clearing the last level's names removes it.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'scoring.admin.rubric')

async function rubricFrom(context: LoaderFunctionArgs['context'], id: string | undefined) {
  const rubric = requireFound(
    await getRubric(context.db, requireIdParam(id, 'scoring.error.rubricNotFound')),
    'scoring.error.rubricNotFound',
  )
  return rubric
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin')
  const rubric = await rubricFrom(context, params.id)
  const [versions, used] = await Promise.all([listRubricVersions(context.db, rubric.slug), isRubricUsed(context.db, rubric.id)])
  return json({ rubric, versions, used })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'admin')
  const rubric = await rubricFrom(context, params.id)
  const form = await readFormOrRefusal(request)
  if (form instanceof Response) return form
  const parsed = await parseForm(request, RubricEditSchema, form)
  if (!parsed.ok) return badRequest(parsed)
  try {
    const saved = await updateRubric(context.db, { id: me.id, ip: context.clientIp }, rubric.id, parsed.data)
    // A new version has its own address; go there so the next edit is of the latest.
    if (saved.versioned) return redirect(`/admin/rubrics/${saved.id}?saved=version`)
    return json({ ok: true as const, changed: saved.changed })
  } catch (error) {
    return refusalResponse(error, echoValues(form))
  }
}

export default function RubricEditPage() {
  const { rubric, versions, used } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t, locale, timeZone } = useI18n()
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const latest = versions[0]
  const superseded = Boolean(rubric.supersededAt)
  // One blank row at the end adds a level.
  const rows = [
    ...rubric.levels,
    ...(rubric.levels.length < 20
      ? [{ level: rubric.levels.length + 1, nameEn: '', nameZh: '', descriptionEn: '', descriptionZh: '' }]
      : []),
  ]
  return (
    <div className="stack-lg">
      <p className="muted small">
        <Link to="/admin/rubrics">← {t('scoring.admin.title')}</Link>
      </p>
      <header className="page-header">
        <h1>
          {localName(locale, rubric)} <span className="muted subtitle">v{rubric.version}</span>
        </h1>
        <p className="muted">
          {versions.map((v) => (
            <span key={v.id}>
              {v.id === rubric.id ? <strong>v{v.version}</strong> : <Link to={`/admin/rubrics/${v.id}`}>v{v.version}</Link>} (
              {formatDateTime(locale, v.createdAt, timeZone)}){' '}
            </span>
          ))}
        </p>
      </header>
      {search.get('saved') === 'version' ? (
        <p className="notice" role="status">
          {t('scoring.admin.versionCreated', { version: rubric.version })}
        </p>
      ) : result?.ok ? (
        <p className="notice" role="status">
          {result.changed ? t('common.saved') : t('scoring.editor.unchanged')}
        </p>
      ) : null}
      {superseded ? (
        <p className="notice warn-notice">
          {t('scoring.admin.supersededNotice')} <Link to={`/admin/rubrics/${latest.id}`}>v{latest.version}</Link>
        </p>
      ) : used ? (
        <p className="notice warn-notice">{t('scoring.admin.usedNotice', { version: rubric.version + 1 })}</p>
      ) : null}
      {Object.entries(errors).map(([field, key]) => (
        <FormError key={field} error={key} />
      ))}
      <Form method="post" className="card stack">
        <fieldset disabled={superseded} className="stack" style={{ border: 'none', padding: 0, margin: 0 }}>
          <div className="row-form">
            <Field label={t('scoring.admin.nameEn')} name="nameEn" defaultValue={rubric.nameEn} required maxLength={200} />
            <Field label={t('scoring.admin.nameZh')} name="nameZh" defaultValue={rubric.nameZh} required maxLength={200} />
          </div>
          <p className="muted small">{t('scoring.admin.levelsHint')}</p>
          <table className="data-table level-edit-table">
            <thead>
              <tr>
                <th scope="col">{t('scoring.editor.level')}</th>
                <th scope="col">{t('scoring.admin.nameEn')}</th>
                <th scope="col">{t('scoring.admin.nameZh')}</th>
                <th scope="col">{t('scoring.admin.descriptionEn')}</th>
                <th scope="col">{t('scoring.admin.descriptionZh')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.level}>
                  <td>{l.level}</td>
                  <td>
                    <input
                      name="levelNameEn"
                      defaultValue={l.nameEn}
                      maxLength={100}
                      aria-label={`${t('scoring.editor.level')} ${l.level} ${t('scoring.admin.nameEn')}`}
                    />
                  </td>
                  <td>
                    <input
                      name="levelNameZh"
                      defaultValue={l.nameZh}
                      maxLength={100}
                      aria-label={`${t('scoring.editor.level')} ${l.level} ${t('scoring.admin.nameZh')}`}
                    />
                  </td>
                  <td>
                    <textarea
                      name="levelDescriptionEn"
                      defaultValue={l.descriptionEn}
                      maxLength={2000}
                      aria-label={`${t('scoring.editor.level')} ${l.level} ${t('scoring.admin.descriptionEn')}`}
                    />
                  </td>
                  <td>
                    <textarea
                      name="levelDescriptionZh"
                      defaultValue={l.descriptionZh}
                      maxLength={2000}
                      aria-label={`${t('scoring.editor.level')} ${l.level} ${t('scoring.admin.descriptionZh')}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="primary">
            {used ? t('scoring.admin.saveVersion', { version: rubric.version + 1 }) : t('common.save')}
          </button>
        </fieldset>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
