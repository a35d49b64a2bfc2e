import { type Locale, localName, makeTranslate } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

import type { HeatmapAxis, HeatmapCell } from './maturity-heatmap.tsx'
import { heatStyle } from './maturity-heatmap.tsx'

// The maturity heatmap as an SVG picture, for the meeting's PNG export and slides: the
// same cells, shades and arrows as the table (maturity-heatmap.tsx), which stays the
// accessible version on the page.

const LABEL = 170
const CELL_W = 150
const CELL_H = 70
const GAP = 4
const HEAD = 40
const TOP = 34

export function heatmapImageSize(modalities: number, dimensions: number) {
  return {
    width: LABEL + dimensions * (CELL_W + GAP) + 8,
    height: TOP + HEAD + modalities * (CELL_H + GAP) + 8,
  }
}

interface Props {
  locale: Locale
  modalities: HeatmapAxis[]
  dimensions: HeatmapAxis[]
  cells: Record<string, HeatmapCell>
  maxLevel: number
  caption: string
}

export function MaturityHeatmapImage({ locale, modalities, dimensions, cells, maxLevel, caption }: Props) {
  const t = makeTranslate(locale)
  const { width, height } = heatmapImageSize(modalities.length, dimensions.length)
  const x = (i: number) => LABEL + i * (CELL_W + GAP)
  const y = (i: number) => TOP + HEAD + i * (CELL_H + GAP)
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <text x={4} y={22} fontSize={16} fontWeight={700} fill="var(--text)">
        {caption}
      </text>
      {dimensions.map((d, i) => (
        <text key={d.slug} x={x(i) + CELL_W / 2} y={TOP + HEAD - 12} textAnchor="middle" fontSize={14} fontWeight={600} fill="var(--muted)">
          {localName(locale, d)}
        </text>
      ))}
      {modalities.map((m, row) => (
        <g key={m.slug}>
          <text x={LABEL - 10} y={y(row) + CELL_H / 2} dy="0.35em" textAnchor="end" fontSize={15} fontWeight={600} fill="var(--text)">
            {localName(locale, m)}
          </text>
          {dimensions.map((d, col) => {
            const cell = cells[`${m.slug}.${d.slug}`]
            if (!cell) {
              return (
                <g key={d.slug}>
                  <rect x={x(col)} y={y(row)} width={CELL_W} height={CELL_H} rx={6} fill="var(--surface)" stroke="var(--border)" />
                  <text x={x(col) + CELL_W / 2} y={y(row) + CELL_H / 2} dy="0.35em" textAnchor="middle" fill="var(--muted)" fontSize={16}>
                    –
                  </text>
                </g>
              )
            }
            const style = heatStyle(cell.median, maxLevel)
            const change = cell.previousMedian == null ? null : cell.median - cell.previousMedian
            const arrow =
              change == null
                ? t('scoring.heatmap.new')
                : change > 0
                  ? `↑ +${formatLevel(change)}`
                  : change < 0
                    ? `↓ −${formatLevel(-change)}`
                    : '='
            return (
              <g key={d.slug}>
                <rect
                  x={x(col)}
                  y={y(row)}
                  width={CELL_W}
                  height={CELL_H}
                  rx={6}
                  style={{ fill: style.background }}
                  stroke="var(--border)"
                />
                <text x={x(col) + 12} y={y(row) + 30} fontSize={24} fontWeight={700} style={{ fill: style.color }}>
                  {formatLevel(cell.median)}
                  <tspan dx={8} fontSize={15} fontWeight={600}>
                    {arrow}
                  </tspan>
                </text>
                <text x={x(col) + 12} y={y(row) + 54} fontSize={13} style={{ fill: style.color }}>
                  {t('scoring.heatmap.meta', {
                    min: cell.min,
                    max: cell.max,
                    count: cell.count,
                  })}
                  {cell.disagreement ? ' ⚑' : ''}
                </text>
              </g>
            )
          })}
        </g>
      ))}
    </svg>
  )
}
