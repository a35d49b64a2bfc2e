import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react'

import { ConsensusHistoryChart } from '#app/components/charts/consensus-history-chart.tsx'
import { HistoryLegend } from '#app/components/charts/history-legend.tsx'
import { MaturityHeatmap } from '#app/components/charts/maturity-heatmap.tsx'
import { ScoringNav } from '#app/components/scoring/scoring-nav.tsx'
import { StabilityTable } from '#app/components/scoring/stability-table.tsx'
import { requireUser } from '#app/http/auth.server.ts'
import { redirectToCanonicalWeek } from '#app/http/canonical-week.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { localName, useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import {
  currentTeamWeek,
  firstScoredWeek,
  getDisagreementRule,
  listDimensions,
  listModalities,
  listWithdrawals,
  loadHistory,
  loadMatrix,
} from '#app/models/scoring/index.server.ts'
import { type Range, RANGES } from '#app/schemas/scoring.ts'
import { MAX_ANALYST_LINES } from '#app/scoring/chart-data.ts'
import { defaultHistoryRange } from '#app/scoring/history-range.ts'
import styles from '#app/styles/scoring.css'
import { parseIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'

// Consensus and history: the chosen modalities' median over the weeks (with the spread
// band and source-view markers, and analysts' own lines on request), and the heatmap of
// every modality x dimension for one week with the changes since the week before.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.theme, 'scoring.nav.consensus')

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  redirectToCanonicalWeek(request)
  await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const url = new URL(request.url)
  const [currentWeek, modalities, dimensions, rule] = await Promise.all([
    currentTeamWeek(context.db),
    listModalities(context.db, theme.id),
    listDimensions(context.db, theme.id),
    getDisagreementRule(context.db),
  ])
  const axes = modalities.map((m, i) => ({ id: m.id, slug: m.slug, nameEn: m.nameEn, nameZh: m.nameZh, colour: i % 8 }))
  const dims = dimensions.map(({ id, slug, nameEn, nameZh }) => ({ id, slug, nameEn, nameZh }))
  // Unknown or missing choices fall back to defaults rather than failing: this is a view.
  const asked = url.searchParams.getAll('m')
  const chosen = axes.filter((m) => asked.includes(m.slug))
  const shown = chosen.length ? chosen : axes
  const dimension = dims.find((d) => d.slug === url.searchParams.get('d')) ?? dims[0]
  const rangeParam = url.searchParams.get('range')
  // Without a choice, the range that has data: eight weeks of scores fill the chart.
  const range: Range = RANGES.includes(rangeParam as Range)
    ? (rangeParam as Range)
    : defaultHistoryRange(await firstScoredWeek(context.db, theme.id), currentWeek)
  const analystIds = url.searchParams.getAll('a').map(Number).filter(Number.isInteger).slice(0, MAX_ANALYST_LINES)
  const weekParam = url.searchParams.get('week')
  const week = weekParam && parseIsoWeek(weekParam) && weekParam <= currentWeek ? weekParam : currentWeek
  const rubricSlug = rubric?.slug ?? ''
  const [history, matrix, withdrawals] = dimension
    ? await Promise.all([
        loadHistory(context.db, theme.id, {
          rubricSlug,
          currentWeek,
          range: range === 'all' ? 'all' : Number(range),
          modalities: shown,
          dimension,
          analystIds,
          threshold: rule,
        }),
        loadMatrix(context.db, theme.id, { rubricSlug, week, threshold: rule, modalities: axes, dimensions: dims }),
        listWithdrawals(context.db, theme.id, week),
      ])
    : [null, null, []]
  return json({
    theme,
    levels: (rubric?.levels ?? []).map(({ level, nameEn, nameZh }) => ({ level, nameEn, nameZh })),
    modalities: axes,
    dimensions: dims,
    selection: { m: chosen.map((m) => m.slug), d: dimension?.slug ?? '', range, a: analystIds, week },
    currentWeek,
    rule,
    history,
    matrix,
    withdrawals: withdrawals.map(({ savedAt, ...w }) => ({ ...w, savedAt: savedAt.toISOString() })),
  })
}

export default function ConsensusPage() {
  const { theme, levels, modalities, dimensions, selection, currentWeek, rule, history, matrix, withdrawals } =
    useLoaderData<typeof loader>()
  const { t, locale } = useI18n()
  const submit = useSubmit()
  const dimension = dimensions.find((d) => d.slug === selection.d)
  const shown = selection.m.length ? modalities.filter((m) => selection.m.includes(m.slug)) : modalities
  const names = shown.map((m) => localName(locale, m)).join(', ')
  const query = (week: string) => {
    const q = new URLSearchParams()
    for (const m of selection.m) q.append('m', m)
    q.set('d', selection.d)
    q.set('range', selection.range)
    for (const a of selection.a) q.append('a', String(a))
    q.set('week', week)
    return `?${q}`
  }
  return (
    <div className="stack scoring-page">
      <ScoringNav theme={theme} week={selection.week} />
      <header className="scoring-header">
        <h1>{t('scoring.consensus.title')}</h1>
        <p className="muted small">
          {rule.kind === 'iqr' ? t('consensus.rule.iqr') : t('consensus.rule.range', { threshold: rule.spread })}
        </p>
      </header>
      {/* With JavaScript every change redraws at once; the Show button is for plain forms. */}
      <Form
        method="get"
        className="card chart-controls"
        onChange={(e) => submit(e.currentTarget, { preventScrollReset: true, replace: true })}
      >
        <input type="hidden" name="week" value={selection.week} />
        <fieldset>
          <legend>{t('scoring.consensus.modalities')}</legend>
          {modalities.map((m) => (
            <label key={m.slug}>
              <input type="checkbox" name="m" value={m.slug} defaultChecked={selection.m.includes(m.slug)} />
              {localName(locale, m)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('scoring.consensus.dimension')}
          <select name="d" defaultValue={selection.d}>
            {dimensions.map((d) => (
              <option key={d.slug} value={d.slug}>
                {localName(locale, d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scoring.consensus.range')}
          <select name="range" defaultValue={selection.range}>
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {t(`scoring.range.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {history && history.scorers.length ? (
          <details className="analyst-picker" open={selection.a.length > 0}>
            <summary>{t('scoring.consensus.analysts', { max: MAX_ANALYST_LINES })}</summary>
            <fieldset>
              {history.scorers.map((s) => (
                <label key={s.id}>
                  <input type="checkbox" name="a" value={s.id} defaultChecked={selection.a.includes(s.id)} />
                  {s.displayName}
                </label>
              ))}
            </fieldset>
          </details>
        ) : null}
        <button type="submit" className="small">
          {t('scoring.consensus.show')}
        </button>
      </Form>
      {history && dimension ? (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">
            {t('scoring.consensus.historyHeading', { dimension: localName(locale, dimension), from: history.fromWeek, to: history.toWeek })}
          </h2>
          <ConsensusHistoryChart
            locale={locale}
            data={history.chart}
            levels={levels}
            title={t('scoring.consensus.historyHeading', {
              dimension: localName(locale, dimension),
              from: history.fromWeek,
              to: history.toWeek,
            })}
            summary={t('scoring.consensus.historySummary', { names })}
          />
          <HistoryLegend locale={locale} data={history.chart} />
          {history.chart.weeksPerPoint > 1 ? (
            <p className="chart-note">
              {t('scoring.consensus.bucketed', { weeks: history.chart.weeksPerPoint })}
              {history.chart.band ? ` ${t('scoring.consensus.bucketedBand')}` : ''}
            </p>
          ) : null}
          {selection.a.length && shown.length !== 1 ? <p className="chart-note">{t('scoring.consensus.analystsNeedOne')}</p> : null}
          {history.otherRubric > 0 ? (
            <p className="chart-note">{t('scoring.consensus.otherRubric', { count: history.otherRubric })}</p>
          ) : null}
        </section>
      ) : null}
      {history && dimension ? <StabilityTable weeks={history.stability} dimension={localName(locale, dimension)} /> : null}
      {matrix ? (
        <section className="card" aria-labelledby="heatmap-heading">
          <div className="week-bar">
            <h2 id="heatmap-heading">{t('scoring.heatmap.heading', { week: matrix.week })}</h2>
            <Link to={query(matrix.previousWeek)} preventScrollReset>
              ← {matrix.previousWeek}
            </Link>
            {matrix.week < currentWeek ? (
              <Link to={query(shiftIsoWeek(matrix.week, 1))} preventScrollReset>
                {shiftIsoWeek(matrix.week, 1)} →
              </Link>
            ) : null}
            <Link to={`/themes/${theme.slug}/moved?week=${matrix.week}`}>{t('scoring.heatmap.whatMoved')}</Link>
          </div>
          <MaturityHeatmap
            locale={locale}
            week={matrix.week}
            previousWeek={matrix.previousWeek}
            modalities={modalities}
            dimensions={dimensions}
            cells={matrix.cells}
            maxLevel={Math.max(2, levels.length)}
            caption={t('scoring.heatmap.caption', { week: matrix.week, previous: matrix.previousWeek })}
          />
          {matrix.disagreements.length ? (
            <p className="chart-note">
              ⚑ {t('scoring.heatmap.disagreements')}{' '}
              {matrix.disagreements
                .map((d) => `${localName(locale, d.modality)} × ${localName(locale, d.dimension)} (${d.min}–${d.max})`)
                .join('; ')}
            </p>
          ) : null}
          {withdrawals.length ? (
            <div className="chart-note withdrawals">
              <h3 className="small">{t('withdraw.historyHeading', { week: matrix.week })}</h3>
              <ul>
                {withdrawals.map((w) => (
                  <li key={w.id}>
                    {t('withdraw.historyItem', {
                      name: w.analyst,
                      level: w.level,
                      cell: `${localName(locale, { nameEn: w.modalityEn, nameZh: w.modalityZh })} × ${localName(locale, { nameEn: w.dimensionEn, nameZh: w.dimensionZh })}`,
                    })}
                    {w.reason ? <span className="muted"> · {w.reason}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
