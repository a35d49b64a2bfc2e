import { type ActionFunctionArgs, json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { AddEntryForm, type WatchlistActionResult, WatchlistSettings } from '#app/components/watchlist-forms.tsx'
import { WatchlistTable } from '#app/components/watchlist-table.tsx'
import { requireRole, requireUser } from '#app/http/auth.server.ts'
import { parseForm } from '#app/http/forms.server.ts'
import { requireWatchlist } from '#app/http/lookups.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { findCompanyByIdentifier } from '#app/models/company/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import {
  addEntry,
  countRemovedEntries,
  describeUnresolved,
  listLiveEntries,
  removeEntry,
  setWatchlistArchived,
  updateEntry,
  updateWatchlist,
} from '#app/models/watchlist/index.server.ts'
import { WatchlistPageSchema } from '#app/schemas/watchlist.ts'
import conflictStyles from '#app/styles/edit-conflict.css'
import styles from '#app/styles/watchlist.css'
import { conflictExtra } from '#app/utils/edit-conflict.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: conflictStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.watchlist.name } : 'nav.watchlists')

// Filtering and sorting only change the query string (?q=&sort=): the rows are already
// here, so skip the loader unless something was submitted or the page changed.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  formMethod || currentUrl.pathname !== nextUrl.pathname ? defaultShouldRevalidate : false

async function findWatchlist(params: { id?: string }, context: LoaderFunctionArgs['context']) {
  const watchlist = await requireWatchlist(context, params.id)
  return watchlist
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const watchlist = await findWatchlist(params, context)
  const canEdit = roleAllows(user.role, 'analyst')
  // The add form's company picker asks /companies/match as one types: no list of every company here.
  const [entries, themes, removedCount] = await Promise.all([
    listLiveEntries(context.db, watchlist.id),
    canEdit ? listThemes(context.db) : Promise.resolve([]),
    countRemovedEntries(context.db, watchlist.id),
  ])
  return json({
    watchlist,
    entries: entries.map((e) => ({ ...e, notesHtml: e.notesMd ? renderMarkdown(e.notesMd) : '' })),
    themes: themes.map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })),
    canEdit,
    removedCount,
  })
}

const unresolvedMessages = {
  unknown: 'watchlists.companyUnknown',
  unknownTicker: 'watchlists.companyUnknownTicker',
  invalidTicker: 'watchlists.companyInvalidTicker',
  formula: 'watchlists.companyFormula',
} as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, context, 'analyst')
  const watchlist = await findWatchlist(params, context)
  const parsed = await parseForm(request, WatchlistPageSchema)
  const fail = (intent: string, field: string, key: string, values: Record<string, string>, status: number, entryId?: number) =>
    json<WatchlistActionResult>({ ok: false, intent, entryId, errors: { [field]: key }, values }, { status })
  if (!parsed.ok) {
    const entryId = Number(parsed.values.entryId) || undefined
    return json<WatchlistActionResult>({ ...parsed, intent: parsed.values.intent ?? '', entryId }, { status: 400 })
  }
  const input = parsed.data
  const values = echoValues(parsed.form)
  const actor = { id: me.id, ip: context.clientIp }
  const entryId = 'entryId' in input ? input.entryId : undefined
  try {
    switch (input.intent) {
      case 'add': {
        const match = await findCompanyByIdentifier(context.db, input.company)
        if (!match) return fail('add', 'company', unresolvedMessages[describeUnresolved(input.company)], values, 400)
        await addEntry(context.db, actor, watchlist.id, {
          companyId: match.id,
          rationale: input.rationale,
          notesMd: input.notes,
          tags: input.tags,
        })
        return json<WatchlistActionResult>({ ok: true, intent: 'add', message: 'watchlists.added', name: match.nameEn })
      }
      case 'editEntry':
        await updateEntry(
          context.db,
          actor,
          watchlist.id,
          input.entryId,
          { rationale: input.rationale, notesMd: input.notes, tags: input.tags },
          input.version,
        )
        return json<WatchlistActionResult>({ ok: true, intent: 'editEntry', entryId, message: 'common.saved' })
      case 'remove':
        await removeEntry(context.db, actor, watchlist.id, input.entryId, input.reason)
        return json<WatchlistActionResult>({ ok: true, intent: 'remove', entryId })
      case 'update':
        await updateWatchlist(context.db, actor, watchlist.id, { name: input.name, description: input.description, themeId: input.themeId })
        return json<WatchlistActionResult>({ ok: true, intent: 'update', message: 'common.saved' })
      case 'archive':
      case 'unarchive':
        await setWatchlistArchived(context.db, actor, watchlist.id, input.intent === 'archive')
        return json<WatchlistActionResult>({ ok: true, intent: input.intent })
    }
  } catch (error) {
    // A stale edit of an entry also carries what is saved now (their text and its version).
    return refusalResponse(error, values, { intent: input.intent, entryId, ...conflictExtra(error) })
  }
}

export default function WatchlistPage() {
  const { t, locale } = useI18n()
  const { watchlist, entries, themes, canEdit, removedCount } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as WatchlistActionResult | undefined
  const editable = canEdit && !watchlist.archivedAt
  const pageError = result && !result.ok && !result.entryId && result.errors.form ? result.errors.form : undefined
  return (
    <div className="stack watchlist-page">
      <header className="page-header wl-header">
        <div>
          <h1>
            {watchlist.name} {watchlist.archivedAt ? <span className="badge warn">{t('watchlists.archived')}</span> : null}
          </h1>
          <p className="chips">
            {watchlist.themeSlug ? (
              <Link className="chip" to={`/themes/${watchlist.themeSlug}`}>
                {localName(locale, { nameEn: watchlist.themeNameEn ?? '', nameZh: watchlist.themeNameZh ?? '' })}
              </Link>
            ) : null}
            <span className="muted small">{t('watchlists.count', { count: entries.length })}</span>
            {removedCount ? (
              <Link className="muted small" to={`/watchlists/${watchlist.id}/history`}>
                {t('watchlists.removedCount', { count: removedCount })}
              </Link>
            ) : null}
          </p>
          {watchlist.description ? <p className="muted wl-lede">{watchlist.description}</p> : null}
        </div>
        <nav className="wl-actions" aria-label={watchlist.name}>
          <Link to={`/watchlists/${watchlist.id}/history`} className="button-link">
            {t('watchlists.history')}
          </Link>
          {editable ? (
            <Link to={`/watchlists/${watchlist.id}/import`} className="button-link">
              {t('watchlists.import')}
            </Link>
          ) : null}
          <a href={`/watchlists/${watchlist.id}/export?format=csv`} className="button-link" download>
            {t('watchlists.exportCsv')}
          </a>
          <a href={`/watchlists/${watchlist.id}/export?format=xlsx`} className="button-link" download>
            {t('watchlists.exportXlsx')}
          </a>
        </nav>
      </header>
      {watchlist.archivedAt ? <p className="notice warn-notice">{t('watchlists.archivedNotice')}</p> : null}
      <FormError error={pageError} />
      {result?.ok && result.intent === 'add' && result.name ? (
        <p className="notice" role="status">
          {t('watchlists.added', { name: result.name })}
        </p>
      ) : null}
      {editable ? <AddEntryForm result={result?.intent === 'add' ? result : undefined} startOpen={entries.length === 0} /> : null}
      <WatchlistTable entries={entries} canEdit={editable} actionResult={result} />
      {canEdit ? (
        <WatchlistSettings
          watchlist={watchlist}
          themes={themes}
          result={result && ['update', 'archive', 'unarchive'].includes(result.intent) ? result : undefined}
        />
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
