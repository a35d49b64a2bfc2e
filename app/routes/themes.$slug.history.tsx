import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'

import { HistoryEntry } from '#app/components/theme/history-entry.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { requireThemeId } from '#app/http/lookups.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { listThemeHistory } from '#app/models/theme/index.server.ts'
import { HISTORY_PARTS, ThemeHistoryQuerySchema } from '#app/schemas/theme.ts'

// The History tab of a theme (rendered inside the theme page's header and tabs): who
// changed what and when, with the text differences, newest first.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'themeEdit.tabHistory')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const themeId = await requireThemeId(context, params.slug)
  const url = new URL(request.url)
  const query = ThemeHistoryQuerySchema.parse(Object.fromEntries(url.searchParams))
  const history = await listThemeHistory(context.db, themeId, query)
  return json({ ...history, part: query.part ?? null, paged: Boolean(query.before) })
}

export default function ThemeHistoryPage() {
  const { t } = useI18n()
  const { entries, nextBefore, part, paged } = useLoaderData<typeof loader>()
  const { slug } = useParams()
  const href = (p: string | null, before?: number | null) => {
    const q = new URLSearchParams()
    if (p) q.set('part', p)
    if (before) q.set('before', String(before))
    const s = q.toString()
    return `/themes/${slug}/history${s ? `?${s}` : ''}`
  }
  return (
    <section className="stack theme-history" aria-labelledby="history-heading">
      <h2 id="history-heading" className="visually-hidden">
        {t('themeEdit.tabHistory')}
      </h2>
      <nav className="chips history-filter" aria-label={t('themeEdit.historyFilter')}>
        <Link to={href(null)} className={`chip${part ? '' : ' is-selected'}`} aria-current={part ? undefined : 'true'}>
          {t('themeEdit.part.all')}
        </Link>
        {HISTORY_PARTS.map((p) => (
          <Link key={p} to={href(p)} className={`chip${part === p ? ' is-selected' : ''}`} aria-current={part === p ? 'true' : undefined}>
            {labelOf(t, 'themeEdit.part', p)}
          </Link>
        ))}
      </nav>
      {entries.length === 0 ? <p className="muted">{t('themeEdit.historyEmpty')}</p> : null}
      <ol className="history-list">
        {entries.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} />
        ))}
      </ol>
      <p className="pager">
        {paged ? <Link to={href(part)}>{t('audit.newer')}</Link> : <span />}
        {nextBefore ? <Link to={href(part, nextBefore)}>{t('audit.older')}</Link> : null}
      </p>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
