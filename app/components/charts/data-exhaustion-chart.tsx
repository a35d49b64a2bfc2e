import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

import type { Locale } from '#app/i18n/index.ts'

import { CategoryTick, CHART_ACCENT, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox, ValueTick } from './chart-frame.tsx'

// When each data stock is expected to run out: one horizontal bar per stock from the
// first to the last year of its current estimate, and a line at today's date. Labels
// arrive already in the reader's language; "today" comes from the loader so the server
// and the browser draw the line in the same place.

export interface ExhaustionRow {
  key: string
  label: string
  yearFrom: number
  yearTo: number
  /** Source and date of the estimate, for the tooltip and the table. */
  detail: string
}

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

const ROW_HEIGHT = 44

export function DataExhaustionChart({ locale, rows, today, labels, width = 560 }: Props) {
  const todayValue = yearFraction(today)
  const { domain, ticks } = yearTicks(rows, Math.floor(todayValue))
  const height = Math.max(140, rows.length * ROW_HEIGHT + 70)
  const data = rows.map((r) => ({ ...r, range: [r.yearFrom, r.yearTo] as [number, number] }))
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{labels.stock}</th>
          <th scope="col">{labels.years}</th>
          <th scope="col">{labels.source}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td className="nowrap">
              {r.yearFrom}–{r.yearTo}
            </td>
            <td>{r.detail}</td>
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
        margin={{ top: 26, right: 24, bottom: 8, left: 8 }}
        barCategoryGap="28%"
      >
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" domain={domain} ticks={ticks} interval={0} allowDecimals={false} tick={ValueTick} stroke={CHART_GRID} />
        <YAxis type="category" dataKey="label" width={170} interval={0} tick={CategoryTick} stroke={CHART_GRID} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const row = active && payload?.length ? (payload[0].payload as ExhaustionRow) : null
            return row ? <ChartTooltipBox title={row.label} lines={[`${row.yearFrom}–${row.yearTo}`, row.detail]} /> : null
          }}
        />
        <Bar dataKey="range" isAnimationActive={false} radius={4}>
          {data.map((r, i) => (
            <Cell key={r.key} fill={chartColour(i)} />
          ))}
          <LabelList
            dataKey="range"
            content={({ x, y, width, height, value }) => (
              <text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dy="0.35em" fill={CHART_TEXT} fontSize={12}>
                {Array.isArray(value) ? `${value[0]}–${value[1]}` : String(value)}
              </text>
            )}
          />
        </Bar>
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
