import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { Field, fieldError, FormError } from '#app/components/form.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, formError, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { formatDateTime, type Translate, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { addFeed, claimFeed, listFeeds, removeFeed, updateFeed } from '#app/models/ops/index.server.ts'
import { FeedActionSchema } from '#app/schemas/feed.ts'
import { checkFeedUrl, pollFeed } from '#app/services/feeds/poll-feed.server.ts'
import { ingestFeedItem } from '#app/services/ingest/ingest-feed-item.server.ts'
import styles from '#app/styles/feeds.css'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.feeds')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  return json({ feeds: await listFeeds(context.db), canEdit: roleAllows(user.role, 'analyst'), now: new Date().toISOString() })
}

type Outcome =
  | { ok: true; message: string; feedId?: number }
  | { ok: false; errors: Record<string, string>; values: Record<string, string>; feedId?: number }

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const parsed = await parseForm(request, FeedActionSchema)
  if (!parsed.ok) return badRequest(parsed)
  const actor = { id: me.id, ip: context.clientIp }
  const input = parsed.data
  const done = (message: string, feedId?: number) => json<Outcome>({ ok: true, message, feedId })
  try {
    switch (input.intent) {
      case 'add': {
        const values = { url: input.url, title: input.title, intervalMinutes: String(input.intervalMinutes) }
        // Refuse now, with the reason, rather than store a feed that can never be polled.
        const refusal = await checkFeedUrl(context.db, input.url)
        if (refusal) return formError('url', refusal, values, 422)
        try {
          return done(
            'feeds.added',
            await addFeed(context.db, actor, { url: input.url, title: input.title, intervalMinutes: input.intervalMinutes }),
          )
        } catch (error) {
          return refusalResponse(error, values)
        }
      }
      case 'interval':
        await updateFeed(context.db, actor, input.feedId, { intervalMinutes: input.intervalMinutes })
        return done('feeds.updated', input.feedId)
      case 'pause':
      case 'resume':
        await updateFeed(context.db, actor, input.feedId, { enabled: input.intent === 'resume' })
        return done('feeds.updated', input.feedId)
      case 'remove':
        await removeFeed(context.db, actor, input.feedId)
        return done('feeds.removed')
      case 'poll': {
        const lease = await claimFeed(context.db, input.feedId)
        if (!lease) return json<Outcome>({ ok: false, errors: { form: 'feeds.busy' }, values: {}, feedId: input.feedId }, { status: 409 })
        const report = await pollFeed(context.db, lease, { ingest: ingestFeedItem })
        if (report.ok) {
          const counts = new URLSearchParams({
            feed: lease.title || new URL(lease.url).hostname,
            items: String(report.items),
            stored: String(report.stored),
            skipped: String(report.skipped),
          })
          return done(`feeds.pollDone?${counts}`, input.feedId)
        }
        // The feed failed, not the request: 422 with the reason, which is also stored on the feed.
        return json<Outcome>(
          { ok: false, errors: { form: report.error ?? 'feeds.poll.unexpected' }, values: {}, feedId: input.feedId },
          { status: 422 },
        )
      }
    }
  } catch (error) {
    return refusalResponse(error)
  }
}

function intervalText(t: Translate, minutes: number): string {
  return minutes % 60 === 0 ? t('feeds.everyHours', { n: minutes / 60 }) : t('feeds.everyMinutes', { n: minutes })
}

export default function FeedsPage() {
  const { t, locale, timeZone } = useI18n()
  const { feeds, canEdit, now } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const pending = navigation.formData
  const errors: Record<string, string> = result && !result.ok ? result.errors : {}
  const values: Record<string, string> = result && !result.ok ? result.values : {}
  const when = (value: string | null) =>
    value ? formatDateTime(locale, value, timeZone) : <span className="muted">{t('feeds.never')}</span>
  const failedFeed = errors.form && result && 'feedId' in result ? feeds.find((f) => f.id === result.feedId) : undefined
  const pollError = failedFeed
    ? t('feeds.pollFailed', { feed: failedFeed.title || failedFeed.url, message: fieldError(t, errors.form) ?? '' })
    : undefined
  const added = result?.ok && result.message === 'feeds.added'

  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t('feeds.title')}</h1>
        <p className="muted">{t('feeds.intro')}</p>
      </header>
      {result?.ok ? (
        <p className="notice" role="status">
          {fieldError(t, result.message)}
        </p>
      ) : null}
      {pollError ? (
        <p className="form-error" role="alert">
          {pollError}
        </p>
      ) : (
        <FormError error={errors.form} />
      )}
      <section className="card table-scroll">
        {feeds.length === 0 ? (
          <p className="muted">{t('feeds.empty')}</p>
        ) : (
          <table className="data-table feed-table">
            <thead>
              <tr>
                <th scope="col">{t('feeds.feed')}</th>
                <th scope="col">{t('feeds.interval')}</th>
                <th scope="col">{t('feeds.lastPoll')}</th>
                <th scope="col">{t('feeds.lastSuccess')}</th>
                <th scope="col">{t('feeds.lastError')}</th>
                <th scope="col" className="num">
                  {t('feeds.documents')}
                </th>
                {canEdit ? <th scope="col">{t('feeds.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => {
                const polling =
                  (pending?.get('intent') === 'poll' && pending.get('feedId') === String(feed.id)) ||
                  (feed.leaseUntil !== null && feed.leaseUntil > now)
                return (
                  <tr key={feed.id} className={feed.enabled ? undefined : 'is-disabled'}>
                    <td className="feed-name">
                      <strong>{feed.title || new URL(feed.url).hostname}</strong>
                      <a className="feed-url" href={feed.url} rel="noreferrer noopener" target="_blank">
                        {feed.url}
                      </a>
                      {polling ? (
                        <span className="badge">{t('feeds.polling')}</span>
                      ) : !feed.enabled ? (
                        <span className="badge warn">{t('feeds.paused')}</span>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {canEdit ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="interval" />
                          <input type="hidden" name="feedId" value={feed.id} />
                          <label className="visually-hidden" htmlFor={`interval-${feed.id}`}>
                            {t('feeds.editInterval', { feed: feed.title || feed.url })}
                          </label>
                          <input
                            id={`interval-${feed.id}`}
                            className="feed-interval"
                            type="number"
                            name="intervalMinutes"
                            min={5}
                            max={10080}
                            step={1}
                            required
                            defaultValue={feed.intervalMinutes}
                          />
                          <button type="submit" className="small">
                            {t('feeds.saveInterval')}
                          </button>
                        </Form>
                      ) : (
                        intervalText(t, feed.intervalMinutes)
                      )}
                      <div className="small muted">{intervalText(t, feed.intervalMinutes)}</div>
                    </td>
                    <td className="nowrap">{when(feed.lastPolledAt)}</td>
                    <td className="nowrap">{when(feed.lastSuccessAt)}</td>
                    <td className="feed-error-cell">
                      {feed.lastError ? (
                        <p className="feed-error">
                          {fieldError(t, feed.lastError)}
                          {feed.lastErrorAt ? <span className="small"> ({formatDateTime(locale, feed.lastErrorAt, timeZone)})</span> : null}
                        </p>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="num">{feed.documents}</td>
                    {canEdit ? (
                      <td>
                        <div className="feed-actions">
                          <Form method="post">
                            <input type="hidden" name="feedId" value={feed.id} />
                            <button type="submit" name="intent" value="poll" className="small primary" disabled={polling}>
                              {t('feeds.pollNow')}
                            </button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="feedId" value={feed.id} />
                            <button type="submit" name="intent" value={feed.enabled ? 'pause' : 'resume'} className="small">
                              {feed.enabled ? t('feeds.pause') : t('feeds.resume')}
                            </button>
                          </Form>
                          <Form
                            method="post"
                            onSubmit={(event) => {
                              if (!window.confirm(t('feeds.removeConfirm'))) event.preventDefault()
                            }}
                          >
                            <input type="hidden" name="feedId" value={feed.id} />
                            <button type="submit" name="intent" value="remove" className="small">
                              {t('feeds.remove')}
                            </button>
                          </Form>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="add-feed">
          <h2 id="add-feed">{t('feeds.addTitle')}</h2>
          <Form method="post" className="row-form feed-add-form" key={added ? `added-${result.feedId}` : 'add'}>
            <input type="hidden" name="intent" value="add" />
            <div className="feed-add-url">
              <Field
                label={t('feeds.url')}
                name="url"
                type="url"
                required
                maxLength={2000}
                placeholder="https://"
                hint={t('feeds.urlHint')}
                defaultValue={values.url ?? ''}
                error={errors.url}
              />
            </div>
            <Field
              label={t('feeds.titleLabel')}
              name="title"
              maxLength={200}
              hint={t('feeds.titleHint')}
              defaultValue={values.title ?? ''}
              error={errors.title}
            />
            <Field
              label={t('feeds.intervalLabel')}
              name="intervalMinutes"
              type="number"
              min={5}
              max={10080}
              required
              hint={t('feeds.intervalHint')}
              defaultValue={values.intervalMinutes ?? '60'}
              error={errors.intervalMinutes}
            />
            <button type="submit" className="primary" disabled={navigation.state === 'submitting' && pending?.get('intent') === 'add'}>
              {t('feeds.addSubmit')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
