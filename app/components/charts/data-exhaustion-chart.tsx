import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

import type { Locale } from '#app/i18n/index.ts'

import { CategoryTick, CHART_ACCENT, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox, ValueTick } from './chart-frame.tsx'

// When each data stock is expected to run out: for each stock, one horizontal bar per
// source (a series per source, same colour everywhere) from the first to the last year of
// that source's current estimate, and a line at today's date. Sources stand side by side:
// two sources disagreeing is not a revision. Labels arrive already in the reader's
// language; "today" comes from the loader so the server and the browser draw the line in
// the same place.

export interface ExhaustionRow {
  /** The data stock: rows with the same key are one stock's sources. */
  key: string
  label: string
  source: string
  yearFrom: number
  yearTo: number
  /** Source and date of the estimate, for the tooltip and the table. */
  detail: string
}

const sourceKey = (source: string) => source.trim().replace(/\s+/g, ' ').toLowerCase()

/** The stocks (rows of the chart) and the sources (its series), each in the order first given. */
export function exhaustionSeries(rows: readonly ExhaustionRow[]) {
  const stocks: { key: string; label: string }[] = []
  const sources: { key: string; name: string }[] = []
  for (const r of rows) {
    if (!stocks.some((s) => s.key === r.key)) stocks.push({ key: r.key, label: r.label })
    if (!sources.some((s) => s.key === sourceKey(r.source))) sources.push({ key: sourceKey(r.source), name: r.source })
  }
  return { stocks, sources }
}

const BAR_HEIGHT = 16
const STOCK_GAP = 22

/** The chart's height for these rows, for the page and for the meeting's server-drawn image. */
export function exhaustionChartHeight(rows: readonly ExhaustionRow[]): number {
  const { stocks, sources } = exhaustionSeries(rows)
  return Math.max(140, stocks.length * (Math.max(1, sources.length) * (BAR_HEIGHT + 4) + STOCK_GAP) + 70)
}

const shortSource = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name)

interface Props {
  locale: Locale
  rows: ExhaustionRow[]
  /** 'YYYY-MM-DD' in the team's time zone. */
  today: string
  labels: { title: string; summary: string; today: string; stock: string; years: string; source: string }
  width?: number
}

/** Today as a fractional year (2026-07-02 -> 2026.5), so the line sits inside its year. */
export function yearFraction(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number)
  const start = Date.UTC(y, 0, 1)
  const days = (Date.UTC(y, m - 1, d) - start) / 86_400_000
  const length = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000
  return y + days / length
}

/** An axis covering every range and today, with round ticks: explicit so no tick is dropped by text measuring. */
export function yearTicks(rows: { yearFrom: number; yearTo: number }[], todayYear: number): { domain: [number, number]; ticks: number[] } {
  const low = Math.min(todayYear, ...rows.map((r) => r.yearFrom))
  const high = Math.max(todayYear + 1, ...rows.map((r) => r.yearTo))
  const span = high - low
  const step = span <= 12 ? 1 : span <= 30 ? 5 : 10
  const from = Math.floor((low - 1) / step) * step
  const to = Math.ceil((high + 1) / step) * step
  const ticks: number[] = []
  for (let year = from; year <= to; year += step) ticks.push(year)
  return { domain: [from, to], ticks }
}

export function DataExhaustionChart({ locale, rows, today, labels, width = 560 }: Props) {
  const todayValue = yearFraction(today)
  const { domain, ticks } = yearTicks(rows, Math.floor(todayValue))
  const height = exhaustionChartHeight(rows)
  const { stocks, sources } = exhaustionSeries(rows)
  const data = stocks.map((stock) => {
    const point: Record<string, string | [number, number] | undefined> = { key: stock.key, label: stock.label }
    sources.forEach((source, i) => {
      const row = rows.find((r) => r.key === stock.key && sourceKey(r.source) === source.key)
      point[`s${i}`] = row ? [row.yearFrom, row.yearTo] : undefined
    })
    return point
  })
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{labels.stock}</th>
          <th scope="col">{labels.source}</th>
          <th scope="col">{labels.years}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.key}-${sourceKey(r.source)}`}>
            <td>{r.label}</td>
            <td>{r.detail}</td>
            <td className="nowrap">
              {r.yearFrom}–{r.yearTo}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <ChartFrame locale={locale} title={labels.title} summary={labels.summary} width={width} height={height} table={table}>
      <BarChart
        id="data-exhaustion-chart"
        layout="vertical"
        width={width}
        height={height}
        data={data}
        margin={{ top: 26, right: 150, bottom: 8, left: 8 }}
        barCategoryGap={STOCK_GAP / 2}
        barGap={4}
      >
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" domain={domain} ticks={ticks} interval={0} allowDecimals={false} tick={ValueTick} stroke={CHART_GRID} />
        <YAxis type="category" dataKey="label" width={150} interval={0} tick={CategoryTick} stroke={CHART_GRID} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const point = active && payload?.length ? (payload[0].payload as { key: string; label: string }) : null
            if (!point) return null
            const own = rows.filter((r) => r.key === point.key)
            return <ChartTooltipBox title={point.label} lines={own.map((r) => `${r.detail}: ${r.yearFrom}–${r.yearTo}`)} />
          }}
        />
        {sources.map((source, i) => (
          <Bar
            key={source.key}
            dataKey={`s${i}`}
            name={source.name}
            fill={chartColour(i)}
            isAnimationActive={false}
            radius={3}
            barSize={BAR_HEIGHT}
          >
            <LabelList
              dataKey={`s${i}`}
              content={({ x, y, width, height, value }) =>
                Array.isArray(value) ? (
                  <text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dy="0.35em" fill={CHART_TEXT} fontSize={12}>
                    {`${value[0]}–${value[1]} · ${shortSource(source.name)}`}
                  </text>
                ) : null
              }
            />
          </Bar>
        ))}
        <ReferenceLine
          x={todayValue}
          stroke={CHART_ACCENT}
          strokeWidth={2}
          strokeDasharray="5 3"
          label={({ viewBox }: { viewBox?: { x?: number; y?: number } }) => (
            <text x={viewBox?.x ?? 0} y={(viewBox?.y ?? 0) - 8} textAnchor="middle" fill={CHART_ACCENT} fontSize={12} fontWeight={600}>
              {`${labels.today} ${today}`}
            </text>
          )}
        />
      </BarChart>
    </ChartFrame>
  )
}
