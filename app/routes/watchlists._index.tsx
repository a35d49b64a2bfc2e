import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { WatchlistThemeSelect } from '#app/components/watchlist-forms.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { formatDate, localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import { createWatchlist, listWatchlists } from '#app/models/watchlist/index.server.ts'
import { WatchlistCreateSchema } from '#app/schemas/watchlist.ts'
import styles from '#app/styles/watchlist.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.watchlists')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const [watchlists, themes] = await Promise.all([listWatchlists(context.db), listThemes(context.db)])
  return json({
    watchlists,
    themes: themes.map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
    canEdit: roleAllows(user.role, 'analyst'),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, WatchlistCreateSchema)
  if (!parsed.ok) return badRequest(parsed)
  try {
    const id = await createWatchlist(context.db, { id: me.id, ip: context.clientIp }, parsed.data)
    return redirect(`/watchlists/${id}`)
  } catch (error) {
    return refusalResponse(error, echoValues(parsed.form))
  }
}

export default function WatchlistsPage() {
  const { t, locale, timeZone } = useI18n()
  const { watchlists, themes, canEdit } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = result && !result.ok ? result.errors : {}
  const values: Record<string, string> = result && !result.ok ? result.values : {}
  const active = watchlists.filter((w) => !w.archivedAt)
  const archived = watchlists.filter((w) => w.archivedAt)

  const table = (rows: typeof watchlists) => (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('watchlists.name')}</th>
          <th scope="col">{t('watchlists.theme')}</th>
          <th scope="col" className="num">
            {t('watchlists.companies')}
          </th>
          <th scope="col">{t('watchlists.lastChange')}</th>
          <th scope="col">{t('watchlists.description')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.id}>
            <td>
              <Link to={`/watchlists/${w.id}`} className="strong-link">
                {w.name}
              </Link>
            </td>
            <td>
              {w.themeSlug ? (
                <Link to={`/themes/${w.themeSlug}`}>{localName(locale, { nameEn: w.themeNameEn ?? '', nameZh: w.themeNameZh ?? '' })}</Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="num">{w.liveCount}</td>
            <td className="nowrap">
              {w.lastChangeAt ? formatDate(locale, w.lastChangeAt, timeZone) : <span className="muted">{t('watchlists.never')}</span>}
            </td>
            <td className="wl-description">{w.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )

  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('watchlists.title')}</h1>
        <p className="muted">{t('watchlists.intro')}</p>
      </header>
      <section className="card table-scroll">{active.length ? table(active) : <p className="muted">{t('watchlists.empty')}</p>}</section>
      {archived.length ? (
        <details className="card">
          <summary>{t('watchlists.archivedSection', { count: archived.length })}</summary>
          {table(archived)}
        </details>
      ) : null}
      {canEdit ? (
        <section className="card" aria-labelledby="new-watchlist">
          <h2 id="new-watchlist">{t('watchlists.createTitle')}</h2>
          <FormError error={errors.form} />
          <Form method="post" className="row-form">
            <Field label={t('watchlists.name')} name="name" required maxLength={200} defaultValue={values.name ?? ''} error={errors.name} />
            <WatchlistThemeSelect id="new-theme" themes={themes} defaultValue={values.themeId ?? ''} error={errors.themeId} />
            <div className="grow">
              <Field
                label={t('watchlists.description')}
                name="description"
                maxLength={2000}
                defaultValue={values.description ?? ''}
                error={errors.description}
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('watchlists.createSubmit')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
