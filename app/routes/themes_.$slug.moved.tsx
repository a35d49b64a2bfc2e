import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'

import { MaturityHeatmap } from '#app/components/charts/maturity-heatmap.tsx'
import { MoveCells, MoveHeadCells } from '#app/components/scoring/move-cells.tsx'
import { ScoringNav } from '#app/components/scoring/scoring-nav.tsx'
import { WeekBar } from '#app/components/scoring/week-bar.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { requireScoringWeek } from '#app/http/week-param.server.ts'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  currentTeamWeek,
  getDisagreementThreshold,
  getWeekLock,
  listDimensions,
  listModalities,
  listWeekMoves,
  loadMatrix,
} from '#app/models/scoring/index.server.ts'
import styles from '#app/styles/scoring.css'

// What moved in a week: the heatmap with its arrows, then every analyst's change against
// the previous week, with who, the reason and the evidence. "As the week ended" reads the
// scores as they stood then (from the revision history).

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data?.theme, 'scoring.nav.moved', data ? { text: data.week } : null)

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const url = new URL(request.url)
  const currentWeek = await currentTeamWeek(context.db)
  const week = requireScoringWeek(url.searchParams.get('week'), currentWeek)
  const asOfWeekEnd = url.searchParams.get('asOf') === 'end'
  const [modalities, dimensions, threshold, lock] = await Promise.all([
    listModalities(context.db, theme.id, { includeArchived: true }),
    listDimensions(context.db, theme.id, { includeArchived: true }),
    getDisagreementThreshold(context.db),
    getWeekLock(context.db, theme.id, week, currentWeek),
  ])
  const axes = (list: typeof dimensions) => list.map(({ id, slug, nameEn, nameZh }) => ({ id, slug, nameEn, nameZh }))
  const [moved, matrix] = await Promise.all([
    listWeekMoves(context.db, theme.id, week, { asOfWeekEnd }),
    loadMatrix(context.db, theme.id, {
      rubricSlug: rubric?.slug ?? '',
      week,
      threshold,
      modalities: axes(modalities.filter((m) => !m.archivedAt)),
      dimensions: axes(dimensions.filter((d) => !d.archivedAt)),
    }),
  ])
  // Modality order, then dimension order, then analyst: how the grid reads.
  const rank = (list: { id: number }[], id: number) => list.findIndex((x) => x.id === id)
  const moves = moved.moves
    .map((m) => ({
      ...m,
      modality: axes(modalities)[rank(modalities, m.modalityId)],
      dimension: axes(dimensions)[rank(dimensions, m.dimensionId)],
    }))
    .sort(
      (a, b) =>
        rank(modalities, a.modalityId) - rank(modalities, b.modalityId) ||
        rank(dimensions, a.dimensionId) - rank(dimensions, b.dimensionId) ||
        a.analyst.localeCompare(b.analyst),
    )
  return json({
    theme,
    week,
    lock,
    asOfWeekEnd,
    asOf: moved.asOf,
    scorers: moved.scorers,
    moves,
    matrix,
    modalities: axes(modalities.filter((m) => !m.archivedAt)),
    dimensions: axes(dimensions.filter((d) => !d.archivedAt)),
    maxLevel: Math.max(2, rubric?.levels.length ?? 5),
  })
}

export default function WhatMovedPage() {
  const { theme, week, lock, asOfWeekEnd, asOf, scorers, moves, matrix, modalities, dimensions, maxLevel } = useLoaderData<typeof loader>()
  const { t, locale, timeZone } = useI18n()
  const count = (kind: string) => moves.filter((m) => m.kind === kind).length
  return (
    <div className="stack scoring-page">
      <ScoringNav theme={theme} week={week} />
      <header className="scoring-header">
        <h1>{t('scoring.moved.title', { week })}</h1>
        <p className="summary-chips">
          <span className="badge">{t('scoring.moved.scorers', { count: scorers })}</span>
          <span className="badge move-up">↑ {count('up')}</span>
          <span className="badge move-down">↓ {count('down')}</span>
          <span className="badge">{t('scoring.moved.newCount', { count: count('new') })}</span>
        </p>
      </header>
      <WeekBar lock={lock} path={`/themes/${theme.slug}/moved`} isAdmin={false} extra={asOfWeekEnd ? 'asOf=end' : undefined} />
      <Form method="get" className="inline-form small">
        <input type="hidden" name="week" value={week} />
        <label>
          <input
            type="checkbox"
            name="asOf"
            value="end"
            defaultChecked={asOfWeekEnd}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          />{' '}
          {t('scoring.moved.asOfEnd')}
        </label>
        <button type="submit" className="small">
          {t('scoring.consensus.show')}
        </button>
        {asOf ? <span className="muted">{t('scoring.moved.asOfNote', { when: formatDateTime(locale, asOf, timeZone) })}</span> : null}
      </Form>
      <section className="card" aria-labelledby="moves-heading">
        <h2 id="moves-heading">{t('scoring.moved.changes', { previous: matrix.previousWeek })}</h2>
        {moves.length === 0 ? (
          <p className="muted">{t('scoring.moved.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table moves-table">
              <thead>
                <tr>
                  <MoveHeadCells />
                  <th scope="col">{t('scoring.moved.savedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {moves.map((m) => (
                  <tr key={`${m.userId}:${m.modalityId}:${m.dimensionId}`}>
                    <MoveCells move={m} />
                    <td className="nowrap small">{formatDateTime(locale, m.savedAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="moved-heatmap-heading">
        <h2 id="moved-heatmap-heading">{t('scoring.heatmap.heading', { week })}</h2>
        <MaturityHeatmap
          locale={locale}
          week={week}
          previousWeek={matrix.previousWeek}
          modalities={modalities}
          dimensions={dimensions}
          cells={matrix.cells}
          maxLevel={maxLevel}
          caption={t('scoring.heatmap.caption', { week, previous: matrix.previousWeek })}
        />
      </section>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
