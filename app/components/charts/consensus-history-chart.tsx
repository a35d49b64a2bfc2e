import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'

import { type Locale, localName, makeTranslate } from '#app/i18n/index.ts'
import type { HistoryChartData } from '#app/scoring/chart-data.ts'
import { formatLevel } from '#app/scoring/consensus.ts'
import type { ChartRow } from '#app/scoring/history-series.ts'

import { CHART_FONT_SIZE, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox } from './chart-frame.tsx'

// A theme's consensus over the weeks: one median line per modality, the min-max band of
// the team's levels when one modality is shown, dashed lines for the analysts asked for,
// and diamonds for source views (reports' published levels, not part of the consensus).
// Its key is history-legend.tsx. Modalities at the same level would hide each other, so
// each consensus line is drawn nudged up or down by a few pixels (NUDGE levels apart); the
// tooltip and the table keep the exact values.
// Data arrives aggregated from the loader; axes have explicit ticks and the chart a fixed
// size, so the server and the browser draw the same thing (no hydration errors).

interface Props {
  locale: Locale
  data: HistoryChartData
  levels: { level: number; nameEn: string; nameZh: string }[]
  title: string
  summary: string
  width?: number
  height?: number
  /** Axis text in px; slides pass a larger one so nothing reads under 14 px on a projector. */
  fontSize?: number
}

/** How far apart (in levels) the lines of modalities at the same level are drawn. */
export const NUDGE = 0.1

/** A source view's marker; nothing where the category has no view. */
function Diamond({ cx, cy, value, fill }: { cx?: number; cy?: number; value?: number | null; fill: string }) {
  if (value == null || cx == null || cy == null || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />
  const r = 7
  return (
    <path
      className="source-marker"
      d={`M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`}
      fill={fill}
      stroke="var(--surface)"
      strokeWidth={1.5}
    />
  )
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export function ConsensusHistoryChart({
  locale,
  data,
  levels,
  title,
  summary,
  width = 1100,
  height = 300,
  fontSize = CHART_FONT_SIZE,
}: Props) {
  const t = makeTranslate(locale)
  const maxLevel = Math.max(2, ...levels.map((l) => l.level))
  const consensus = data.series.filter((s) => s.kind === 'consensus')
  const nudgeOf = (key: string) => {
    const i = consensus.findIndex((s) => s.key === key)
    return i < 0 || consensus.length < 2 ? 0 : (i - (consensus.length - 1) / 2) * NUDGE
  }
  const spread = consensus.length < 2 ? 0 : ((consensus.length - 1) / 2) * NUDGE
  const levelName = (n: number) => levels.find((l) => l.level === n)
  // Dots only while they can be told apart.
  const dots = data.rows.length <= 60
  const tooltipLines = (row: ChartRow) => {
    const lines = data.series.flatMap((s) => (row[s.key] == null ? [] : [`${localName(locale, s)}: ${formatLevel(row[s.key] as number)}`]))
    if (data.band && Array.isArray(row.band)) lines.push(t('scoring.chart.rangeLine', { min: row.band[0], max: row.band[1] }))
    for (const m of data.markers)
      for (const p of m.points.filter((p) => p.week === row.week)) lines.push(`◆ ${p.source} (${p.publishedOn}): ${p.level}`)
    return lines
  }
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('scoring.chart.weeks')}</th>
          {data.series.map((s) => (
            <th key={s.key} scope="col">
              {localName(locale, s)}
            </th>
          ))}
          {data.band ? <th scope="col">{t('scoring.chart.range')}</th> : null}
          <th scope="col">{t('scoring.chart.sources')}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows
          .filter(
            (row) => data.series.some((s) => row[s.key] != null) || data.markers.some((m) => m.points.some((p) => p.week === row.week)),
          )
          .map((row) => (
            <tr key={row.week}>
              <td className="nowrap">{row.span}</td>
              {data.series.map((s) => (
                <td key={s.key}>{formatLevel(row[s.key] as number | null)}</td>
              ))}
              {data.band ? <td>{Array.isArray(row.band) ? `${row.band[0]}–${row.band[1]}` : '–'}</td> : null}
              <td>
                {data.markers
                  .flatMap((m) =>
                    m.points
                      .filter((p) => p.week === row.week)
                      .map((p) => `${localName(locale, m)}: ${p.source} ${p.publishedOn} = ${p.level}`),
                  )
                  .join('; ')}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  )
  return (
    <ChartFrame locale={locale} title={title} summary={summary} width={width} height={height} table={table}>
      <ComposedChart
        id="consensus-history-chart"
        width={width}
        height={height}
        data={data.rows}
        margin={{ top: 12, right: 44, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke={CHART_GRID} vertical={false} />
        <XAxis
          dataKey="week"
          type="category"
          allowDuplicatedCategory={false}
          ticks={data.ticks}
          interval={0}
          stroke={CHART_GRID}
          tick={({ x, y, payload }: { x: number; y: number; payload: { value: string } }) => (
            <text x={x} y={y + fontSize + 2} textAnchor="middle" fill={CHART_TEXT} fontSize={fontSize}>
              {payload.value}
            </text>
          )}
        />
        <YAxis
          type="number"
          domain={[1 - Math.max(spread, 0.05), maxLevel + Math.max(spread, 0.05)]}
          ticks={levels.map((l) => l.level)}
          interval={0}
          allowDecimals={false}
          width={Math.round(fontSize * 11.5)}
          stroke={CHART_GRID}
          tick={({ x, y, payload }: { x: number; y: number; payload: { value: number } }) => {
            const level = levelName(payload.value)
            return (
              <text x={x - 6} y={y} dy="0.35em" textAnchor="end" fill={CHART_TEXT} fontSize={fontSize}>
                {level ? `${payload.value} ${shorten(localName(locale, level).replace(/^TRL \d+[:：]\s*/, ''), 14)}` : payload.value}
              </text>
            )
          }}
        />
        {data.band && data.series[0] ? (
          <Area
            id="consensus-band"
            dataKey="band"
            stroke="none"
            fill={chartColour(data.series[0].colour)}
            fillOpacity={0.2}
            connectNulls
            isAnimationActive={false}
            activeDot={false}
          />
        ) : null}
        {data.series.map((s) => (
          <Line
            key={s.key}
            id={`line-${s.key}`}
            dataKey={(row: ChartRow) => {
              const value = row[s.key]
              return typeof value === 'number' ? value + nudgeOf(s.key) : null
            }}
            name={localName(locale, s)}
            stroke={chartColour(s.colour)}
            strokeWidth={s.kind === 'consensus' ? 3 : 1.5}
            strokeDasharray={s.kind === 'analyst' ? '6 4' : undefined}
            dot={dots ? { r: s.kind === 'consensus' ? 4 : 2.5, fill: chartColour(s.colour), strokeWidth: 0 } : false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {data.markers.map((m) => (
          // A line with no stroke: its dots are the diamonds, on the same categories as the rows.
          <Line
            key={m.key}
            id={`markers-${m.key}`}
            className="source-markers"
            dataKey={m.key}
            name={localName(locale, m)}
            stroke="none"
            dot={(props: { cx?: number; cy?: number; value?: number | null; index: number }) => (
              <Diamond key={`${m.key}-${props.index}`} {...props} fill={chartColour(m.colour)} />
            )}
            activeDot={false}
            legendType="none"
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          isAnimationActive={false}
          content={({ active, label }) => {
            const row = active ? data.rows.find((r) => r.week === label) : undefined
            return row ? <ChartTooltipBox title={row.span} lines={tooltipLines(row)} /> : null
          }}
        />
      </ComposedChart>
    </ChartFrame>
  )
}
