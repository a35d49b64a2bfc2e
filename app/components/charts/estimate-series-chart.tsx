import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'

import type { Locale } from '#app/i18n/index.ts'

import { CategoryTick, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox, ValueTick } from './chart-frame.tsx'

// One estimate series (market size, cost per unit, share...): a horizontal bar per source
// for its current estimate, the source's colour by the order sources first estimated.
// A range draws its low value solid and the rest up to its high value lighter. Values and
// labels arrive shaped and in the reader's language.

export interface SeriesChartRow {
  source: string
  low: number
  high: number
  /** The value as the table writes it (with the unit), for the label and the tooltip. */
  text: string
  /** Date made (and year it refers to), for the tooltip. */
  detail: string
}

interface Props {
  locale: Locale
  rows: SeriesChartRow[]
  /** A share: the axis runs to 100. */
  isShare: boolean
  labels: { title: string; summary: string; source: string; value: string }
  width?: number
}

/** Round ticks from 0 past the largest value (1, 2 or 5 times a power of ten), explicit so none is dropped. */
export function valueTicks(max: number, isShare: boolean): number[] {
  if (isShare) return [0, 25, 50, 75, 100]
  const top = max > 0 ? max : 1
  const rough = top / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const ticks: number[] = []
  for (let i = 0; ticks.length === 0 || ticks[ticks.length - 1] < top; i++) ticks.push(Number((i * step).toPrecision(12)))
  return ticks
}

const BAR_HEIGHT = 18

export const seriesChartHeight = (rows: readonly SeriesChartRow[]) => Math.max(110, rows.length * (BAR_HEIGHT + 14) + 50)

const shortSource = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name)

export function EstimateSeriesChart({ locale, rows, isShare, labels, width = 460 }: Props) {
  const ticks = valueTicks(Math.max(...rows.map((r) => r.high)), isShare)
  const height = seriesChartHeight(rows)
  const data = rows.map((r, i) => ({ label: shortSource(r.source), low: r.low, rest: r.high - r.low, colour: chartColour(i), row: r }))
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{labels.source}</th>
          <th scope="col">{labels.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.source}>
            <td>{r.source}</td>
            <td className="nowrap">{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <ChartFrame locale={locale} title={labels.title} summary={labels.summary} width={width} height={height} table={table}>
      <BarChart layout="vertical" width={width} height={height} data={data} margin={{ top: 8, right: 110, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" domain={[0, ticks[ticks.length - 1]]} ticks={ticks} interval={0} tick={ValueTick} stroke={CHART_GRID} />
        <YAxis type="category" dataKey="label" width={130} interval={0} tick={CategoryTick} stroke={CHART_GRID} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const point = active && payload?.length ? (payload[0].payload as (typeof data)[number]) : null
            return point ? <ChartTooltipBox title={point.row.source} lines={[point.row.text, point.row.detail]} /> : null
          }}
        />
        <Bar dataKey="low" stackId="v" isAnimationActive={false} barSize={BAR_HEIGHT} shape={shaped(1)} />
        <Bar dataKey="rest" stackId="v" isAnimationActive={false} barSize={BAR_HEIGHT} shape={shaped(0.4)}>
          <LabelList
            dataKey="rest"
            content={({ x, y, width, height, index }) => (
              <text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dy="0.35em" fill={CHART_TEXT} fontSize={12}>
                {data[Number(index)]?.row.text}
              </text>
            )}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  )
}

// Each source keeps its colour: the bar reads it from its data point.
function shaped(opacity: number) {
  return function SourceBar(props: unknown) {
    const { x, y, width, height, payload } = props as { x: number; y: number; width: number; height: number; payload: { colour: string } }
    return <rect x={x} y={y} width={Math.max(0, width)} height={height} fill={payload.colour} fillOpacity={opacity} rx={2} />
  }
}
