import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { ReviewQueueTable, ReviewRulesTable } from '#app/components/mentions/review-queue.tsx'
import { requireRole, requireUser, safeRedirectPath } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { MentionReviewActionSchema, parseReviewQueueParams } from '#app/schemas/mention-review.ts'
import { loadReviewQueue, reviewMention } from '#app/services/mentions/mention-review.server.ts'
import styles from '#app/styles/mentions.css'
import { roleAllows } from '#app/utils/permissions.ts'

// /mentions/review: the least certain mentions first, with confirm / not this company,
// and the "not this company" rules with undo. Review actions from the document page post
// here too and come back to where they were sent from.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'review.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const params = parseReviewQueueParams(new URL(request.url).searchParams)
  const data = await loadReviewQueue(context.db, params)
  return json({ ...data, params, canReview: roleAllows(user.role, 'analyst') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, MentionReviewActionSchema)
  if (!parsed.ok) return badRequest(parsed)
  let outcome
  try {
    outcome = await reviewMention(context.db, { id: user.id, ip: context.clientIp }, parsed.data)
  } catch (error) {
    return refusalResponse(error, echoValues(parsed.form))
  }
  const back = new URL(safeRedirectPath(parsed.data.redirectTo, '/mentions/review'), 'http://localhost')
  back.searchParams.set('done', outcome.done)
  if (outcome.done === 'rejected') back.searchParams.set('removed', String(outcome.removed))
  else back.searchParams.delete('removed')
  return redirect(`${back.pathname}${back.search}`)
}

export default function ReviewPage() {
  const { t, locale } = useI18n()
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [search] = useSearchParams()
  const location = useLocation()
  // Back here after a review, without the last review's outcome in the address.
  const hereParams = new URLSearchParams(location.search)
  hereParams.delete('done')
  hereParams.delete('removed')
  const here = `${location.pathname}${hereParams.size ? `?${hereParams}` : ''}`
  const done = search.get('done')
  const pageLink = (page: number) => {
    const next = new URLSearchParams(search)
    next.delete('done')
    next.delete('removed')
    next.set('page', String(page))
    return `?${next}`
  }
  const error = failed && !failed.ok ? Object.values(failed.errors)[0] : undefined
  return (
    <div className="stack review-page">
      <header className="page-header">
        <h1>{t('review.title')}</h1>
        <p className="muted">{t('review.intro')}</p>
        <p>
          <Link to="/mentions">{t('mentions.title')}</Link>
        </p>
      </header>
      {done ? (
        <p className="notice" role="status">
          {done === 'rejected'
            ? t('review.rejectedCount', { count: Number(search.get('removed') ?? 0) })
            : done === 'confirmed'
              ? t('review.confirmedDone')
              : t('review.undone')}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {fieldError(t, error)}
        </p>
      ) : null}
      <Form method="get" className="row-form mention-filters" role="search">
        <div className="field">
          <label htmlFor="review-company">{t('review.company')}</label>
          <select id="review-company" name="company" defaultValue={data.params.companyId ?? ''}>
            <option value="">{t('review.all')}</option>
            {data.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(locale, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="review-theme">{t('review.theme')}</label>
          <select id="review-theme" name="theme" defaultValue={data.params.themeId ?? ''}>
            <option value="">{t('review.all')}</option>
            {data.themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {localName(locale, theme)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('review.apply')}</button>
      </Form>
      <p className="review-counts" data-testid="review-counts">
        {t('review.counts', { pending: data.total, rejected: data.counts.rejected, confirmed: data.counts.confirmed })}
      </p>
      <section className="card" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('review.title')}</h2>
        {data.mentions.length === 0 ? (
          <p className="muted">{t('review.empty')}</p>
        ) : (
          <ReviewQueueTable rows={data.mentions} canReview={data.canReview} redirectTo={here} />
        )}
        {data.pages > 1 ? (
          <nav className="pager" aria-label={t('review.page', { page: data.page, pages: data.pages })}>
            {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t('review.prev')}</Link> : null}
            <span>{t('review.page', { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t('review.next')}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('review.rules')}</h2>
        {data.rules.length === 0 ? (
          <p className="muted">{t('review.rulesEmpty')}</p>
        ) : (
          <ReviewRulesTable rules={data.rules} canReview={data.canReview} redirectTo={here} />
        )}
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
