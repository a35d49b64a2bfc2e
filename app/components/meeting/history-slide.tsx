import { chartColour } from '#app/components/charts/chart-frame.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

import { ChartImage } from './chart-image.tsx'
import { Slide } from './slide.tsx'
import type { ChartSlideProps, MeetingData } from './types.ts'

// Slide 4: the consensus history of the modalities that moved, one chart per dimension
// (the ones with the most moved cells), with reports' published levels as diamonds.

type History = MeetingData['history'][number]

/** The chart's numbers as a table: one row per week with anything in it. */
function HistoryTable({ history }: { history: History }) {
  const { t, locale } = useI18n()
  const { chart } = history
  // Sources by week, found once: five years of weeks times every source's points was the
  // largest part of drawing the slides on the server.
  const sourcesOf = new Map<string, string[]>()
  for (const m of chart.markers)
    for (const p of m.points) sourcesOf.set(p.week, [...(sourcesOf.get(p.week) ?? []), `${localName(locale, m)}: ${p.source} = ${p.level}`])
  const rows = chart.rows.filter((row) => chart.series.some((s) => row[s.key] != null) || sourcesOf.has(row.week))
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('scoring.chart.weeks')}</th>
          {chart.series.map((s) => (
            <th key={s.key} scope="col">
              {localName(locale, s)}
            </th>
          ))}
          <th scope="col">{t('scoring.chart.sources')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.week}>
            <td className="nowrap">{row.span}</td>
            {chart.series.map((s) => (
              <td key={s.key}>{formatLevel(row[s.key] as number | null)}</td>
            ))}
            <td>{sourcesOf.get(row.week)?.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function HistorySlide({ view, charts, current, label, fileName }: ChartSlideProps) {
  const { t, locale } = useI18n()
  return (
    <Slide
      id="history"
      current={current}
      label={label}
      empty={view.history.length === 0}
      aside={view.moreHistory > 0 ? t('meeting.history.more', { count: view.moreHistory }) : undefined}
    >
      <div className="history-charts">
        {view.history.map((h, i) => {
          const chart = charts.history[i]
          if (!chart) return null
          const dimension = localName(locale, h.dimension)
          const title = t('meeting.history.chartTitle', { dimension, from: view.historyFrom })
          return (
            <div key={h.dimension.slug} className="history-chart">
              <h3>{title}</h3>
              <ul className="chart-legend" aria-hidden="true">
                {h.chart.series.map((s) => (
                  <li key={s.key}>
                    <span className="legend-swatch is-line" style={{ background: chartColour(s.colour) }} />
                    {localName(locale, s)}
                  </li>
                ))}
                {h.chart.markers.length ? <li>◆ {t('meeting.history.sources')}</li> : null}
              </ul>
              <ChartImage
                chart={chart}
                title={title}
                summary={t('meeting.history.summary', {
                  dimension,
                  weeks: h.chart.rows.length,
                })}
                fileName={`${fileName}-history-${h.dimension.slug}`}
                table={<HistoryTable history={h} />}
              />
            </div>
          )
        })}
      </div>
    </Slide>
  )
}
