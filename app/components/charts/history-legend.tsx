import { type Locale, localName, makeTranslate } from '#app/i18n/index.ts'
import type { HistoryChartData } from '#app/scoring/chart-data.ts'

import { chartColour } from './chart-frame.tsx'

// The key of the consensus history chart (consensus-history-chart.tsx), as HTML under it:
// recharts' own legend measures text in the browser, so server and browser would differ.

export function HistoryLegend({ locale, data }: { locale: Locale; data: HistoryChartData }) {
  const t = makeTranslate(locale)
  return (
    <ul className="chart-legend" aria-hidden="true">
      {data.series.map((s) => (
        <li key={s.key} style={{ color: chartColour(s.colour) }}>
          <span
            className={`legend-swatch is-line${s.kind === 'analyst' ? ' is-dashed' : ''}`}
            style={{ background: chartColour(s.colour) }}
          />
          <span style={{ color: 'var(--text)' }}>{localName(locale, s)}</span>
        </li>
      ))}
      {data.band && data.series[0] ? (
        <li>
          <span className="legend-swatch is-band" style={{ background: chartColour(data.series[0].colour) }} />
          {t('scoring.chart.bandLegend')}
        </li>
      ) : null}
      {data.markers.map((m) => (
        <li key={m.key}>
          <span className="legend-marker" style={{ color: chartColour(m.colour) }}>
            ◆
          </span>
          {t('scoring.chart.sourceLegend', { name: localName(locale, m) })}
        </li>
      ))}
    </ul>
  )
}
