import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts'

import type { Locale } from '#app/i18n/index.ts'

import { CategoryTick, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox } from './chart-frame.tsx'
import { percent, type SharePart, ShareTable } from './share-table.tsx'

// Share of voice by vendor type (big tech, model companies, ...): one horizontal bar per
// type, longest first, labelled with mentions and share. Bars, not a pie: lengths compare
// better than angles, on a projector too.

export type VendorShare = SharePart

interface Props {
  locale: Locale
  rows: VendorShare[]
  labels: { title: string; summary: string; part: string; mentions: string; share: string }
  width?: number
}

const ROW_HEIGHT = 34

export function ShareOfVoiceVendorChart({ locale, rows, labels, width = 420 }: Props) {
  const total = rows.reduce((sum, r) => sum + r.mentions, 0)
  const max = Math.max(1, ...rows.map((r) => r.mentions))
  const height = Math.max(80, rows.length * ROW_HEIGHT + 16)
  const table = <ShareTable parts={rows} labels={labels} />
  return (
    <ChartFrame locale={locale} title={labels.title} summary={labels.summary} width={width} height={height} table={table}>
      <BarChart
        id="share-of-voice-vendor-chart"
        layout="vertical"
        width={width}
        height={height}
        data={rows}
        margin={{ top: 4, right: 70, bottom: 4, left: 4 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" hide domain={[0, max]} />
        <YAxis type="category" dataKey="label" width={180} interval={0} tick={CategoryTick} stroke={CHART_GRID} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const row = active && payload?.length ? (payload[0].payload as VendorShare) : null
            return row ? (
              <ChartTooltipBox title={row.label} lines={[`${labels.mentions}: ${row.mentions} (${percent(row.mentions, total)}%)`]} />
            ) : null
          }}
        />
        <Bar dataKey="mentions" isAnimationActive={false} radius={3}>
          {rows.map((r, i) => (
            <Cell key={r.key} fill={chartColour(i + 2)} />
          ))}
          <LabelList
            dataKey="mentions"
            content={({ x, y, width: w, height: h, value }) => (
              <text x={Number(x) + Number(w) + 6} y={Number(y) + Number(h) / 2} dy="0.35em" fill={CHART_TEXT} fontSize={12}>
                {`${value} · ${percent(Number(value), total)}%`}
              </text>
            )}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  )
}
