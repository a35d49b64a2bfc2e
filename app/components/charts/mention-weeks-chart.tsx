import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'

import { type Locale, makeTranslate } from '#app/i18n/index.ts'

import { CHART_FONT_SIZE, CHART_GRID, CHART_TEXT, chartColour, ChartFrame, ChartTooltipBox } from './chart-frame.tsx'

// Mentions per ISO week as bars (a company's, or a whole theme's). Every week in the
// range is a bar, zero included, so gaps read as quiet weeks. The x axis labels at most
// ~13 weeks, chosen here (not by recharts' text measuring) so server and browser agree.

export interface MentionWeekRow {
  week: string
  mentions: number
  /** Left out where it cannot be counted (a whole theme: one document names several companies). */
  documents?: number
}

interface Props {
  locale: Locale
  rows: MentionWeekRow[]
  title: string
  summary: string
  width?: number
  height?: number
}

/** Every n-th week from the last one backwards, so the newest week always has a label. */
export function weekTicks(weeks: string[], maxLabels = 13): string[] {
  const step = Math.max(1, Math.ceil(weeks.length / maxLabels))
  return weeks.filter((_, i) => (weeks.length - 1 - i) % step === 0)
}

function WeekTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const week = String(payload?.value ?? '')
  return (
    <text x={Number(x)} y={Number(y) + 14} textAnchor="middle" fill={CHART_TEXT} fontSize={CHART_FONT_SIZE - 1}>
      {week.slice(5)}
    </text>
  )
}

function CountTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text x={Number(x) - 6} y={Number(y)} dy="0.35em" textAnchor="end" fill={CHART_TEXT} fontSize={CHART_FONT_SIZE - 1}>
      {String(payload?.value ?? '')}
    </text>
  )
}

export function MentionWeeksChart({ locale, rows, title, summary, width = 560, height = 220 }: Props) {
  const t = makeTranslate(locale)
  const withDocuments = rows.some((r) => r.documents !== undefined)
  const max = Math.max(1, ...rows.map((r) => r.mentions))
  const step = Math.max(1, Math.ceil(max / 4))
  const yTicks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step)
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('mentions.week')}</th>
          <th scope="col">{t('mentions.mentions')}</th>
          {withDocuments ? <th scope="col">{t('mentions.documents')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.week}>
            <td className="nowrap">{r.week}</td>
            <td>{r.mentions}</td>
            {withDocuments ? <td>{r.documents}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <ChartFrame locale={locale} title={title} summary={summary} width={width} height={height} table={table}>
      <BarChart
        id="mention-weeks-chart"
        width={width}
        height={height}
        data={rows}
        margin={{ top: 10, right: 12, bottom: 8, left: 0 }}
        barCategoryGap="18%"
      >
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        <XAxis dataKey="week" ticks={weekTicks(rows.map((r) => r.week))} interval={0} tick={WeekTick} stroke={CHART_GRID} />
        <YAxis
          type="number"
          domain={[0, yTicks.at(-1) ?? 1]}
          ticks={yTicks}
          interval={0}
          allowDecimals={false}
          width={40}
          tick={CountTick}
          stroke={CHART_GRID}
        />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const row = active && payload?.length ? (payload[0].payload as MentionWeekRow) : null
            return row ? (
              <ChartTooltipBox
                title={row.week}
                lines={[
                  `${t('mentions.mentions')}: ${row.mentions}`,
                  ...(withDocuments ? [`${t('mentions.documents')}: ${row.documents ?? 0}`] : []),
                ]}
              />
            ) : null
          }}
        />
        <Bar dataKey="mentions" fill={chartColour(0)} isAnimationActive={false} radius={[3, 3, 0, 0]} />
      </BarChart>
    </ChartFrame>
  )
}
