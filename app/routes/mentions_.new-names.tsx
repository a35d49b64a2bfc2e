import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { NewNameList } from '#app/components/new-names/new-name-list.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { dismissNewName, getNewName, listNewNamesForWeek, newNameRefusal, restoreNewName } from '#app/models/new-names/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { NewNameDecisionSchema, parseNewNamesWeek } from '#app/schemas/new-names.ts'
import { addNewNameAsProduct } from '#app/services/new-names/add-new-name.server.ts'
import mentionStyles from '#app/styles/mentions.css'
import styles from '#app/styles/new-names.css'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import { roleAllows } from '#app/utils/permissions.ts'

// Names the registry does not know yet, by ISO week: everyone reads; analysts and admins
// add a name (a product of a known company as its alias, anything else through the
// new-company form) or dismiss it.

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: mentionStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'newnames.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const currentWeek = await currentTeamWeek(context.db)
  const params = new URL(request.url).searchParams
  const { week, error } = parseNewNamesWeek(params, currentWeek)
  const { names, dismissed } = await listNewNamesForWeek(context.db, week)
  return json(
    {
      week,
      currentWeek,
      previousWeek: shiftIsoWeek(week, -1),
      nextWeek: week < currentWeek ? shiftIsoWeek(week, 1) : null,
      typedWeek: error ? (params.get('week') ?? '').slice(0, 20) : week,
      error,
      canDecide: roleAllows(user.role, 'analyst'),
      names,
      dismissed,
    },
    { status: error ? 400 : 200 },
  )
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const actor = { id: me.id, ip: context.clientIp }
  const parsed = await parseForm(request, NewNameDecisionSchema)
  if (!parsed.ok) return badRequest(parsed)
  const { intent, id } = parsed.data
  try {
    const name = await getNewName(context.db, id)
    if (!name) throw newNameRefusal('notFound')
    if (intent === 'dismiss') await dismissNewName(context.db, actor, id)
    else if (intent === 'restore') await restoreNewName(context.db, actor, id)
    else {
      const { jobId } = await addNewNameAsProduct(context.db, actor, id)
      return json({ ok: true as const, message: 'newnames.addedProduct' as const, name: name.text, owner: name, jobId })
    }
    const message = intent === 'dismiss' ? ('newnames.dismissedDone' as const) : ('newnames.restoredDone' as const)
    return json({ ok: true as const, message, name: name.text, owner: null, jobId: null })
  } catch (error) {
    return refusalResponse(error)
  }
}

function WeekPicker() {
  const { t } = useI18n()
  const { week, currentWeek, previousWeek, nextWeek, typedWeek, error } = useLoaderData<typeof loader>()
  const message = fieldError(t, error ?? undefined)
  return (
    <div className="new-names-toolbar">
      <Form method="get" className="inline-form">
        <label htmlFor="new-names-week">{t('newnames.week')}</label>{' '}
        <input
          id="new-names-week"
          name="week"
          defaultValue={typedWeek}
          size={9}
          maxLength={8}
          pattern="\d{4}-[Ww]\d{2}"
          title={t('newnames.weekHint', { week: currentWeek })}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'new-names-week-error' : undefined}
        />{' '}
        <button type="submit" className="small">
          {t('newnames.show')}
        </button>
        {message ? (
          <p className="field-error" id="new-names-week-error" role="alert">
            {message}
          </p>
        ) : null}
      </Form>
      <nav className="week-nav" aria-label={t('newnames.weekNav')}>
        <Link to={`?week=${previousWeek}`} aria-label={t('newnames.previousWeek', { week: previousWeek })}>
          ‹
        </Link>
        <strong className="week-chip">{week}</strong>
        {nextWeek ? (
          <Link to={`?week=${nextWeek}`} aria-label={t('newnames.nextWeek', { week: nextWeek })}>
            ›
          </Link>
        ) : null}
        {week !== currentWeek ? <Link to="?">{t('newnames.thisWeek')}</Link> : null}
      </nav>
    </div>
  )
}

function Outcome() {
  const { t, locale } = useI18n()
  const result = useActionData<typeof action>()
  if (!result) return null
  if (!result.ok)
    return (
      <p className="field-error" role="alert">
        {fieldError(t, Object.values(result.errors)[0])}
      </p>
    )
  const company = result.owner?.ownerId
    ? localName(locale, { nameEn: result.owner.ownerNameEn ?? '', nameZh: result.owner.ownerNameZh ?? '' })
    : ''
  return (
    <p className="notice" role="status">
      {t(result.message, { name: result.name, company })} {result.jobId ? <Link to={`/jobs/${result.jobId}`}>#{result.jobId}</Link> : null}
    </p>
  )
}

export default function NewNamesPage() {
  const { t } = useI18n()
  const { week, names, dismissed, canDecide } = useLoaderData<typeof loader>()
  return (
    <div className="stack mentions-page">
      <header className="page-header">
        <p className="muted small">
          <Link to="/mentions">{t('mentions.title')}</Link>
        </p>
        <h1>{t('newnames.title')}</h1>
        <p className="muted">{t('newnames.intro')}</p>
      </header>
      <WeekPicker />
      <Outcome />
      <section className="card" aria-labelledby="new-names-heading">
        <h2 id="new-names-heading">{t('newnames.count', { count: names.length, week })}</h2>
        {names.length ? <NewNameList names={names} canDecide={canDecide} /> : <p className="muted">{t('newnames.empty', { week })}</p>}
      </section>
      {dismissed.length ? (
        <details className="card new-names-dismissed">
          <summary>{t('newnames.dismissedTitle')}</summary>
          <ul className="plain-list">
            {dismissed.map((d) => (
              <li key={d.id}>
                <span>{d.text}</span>
                <span className="muted small">{d.mentions}</span>
                {canDecide ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={d.id} />
                    <button type="submit" name="intent" value="restore" className="small">
                      {t('newnames.restore')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
