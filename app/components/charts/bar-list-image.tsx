import { chartColour } from './chart-frame.tsx'

// A ranked list as horizontal bars, drawn as a plain SVG picture (no chart library): the
// meeting's "most mentioned" and "by publisher" slides export it as PNG, while the page
// shows the same numbers as an HTML table of bars.

export interface BarListRow {
  key: string
  label: string
  value: number
  /** Index into the Okabe-Ito palette. */
  colour: number
}

const ROW = 36
const LABEL = 210
const TOP = 34

export function barListImageSize(rows: number, width = 760) {
  return { width, height: TOP + rows * ROW + 8 }
}

export function BarListImage({ rows, title, width = 760 }: { rows: BarListRow[]; title: string; width?: number }) {
  const { height } = barListImageSize(rows.length, width)
  const most = Math.max(1, ...rows.map((r) => r.value))
  const room = width - LABEL - 60
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <text x={4} y={22} fontSize={16} fontWeight={700} fill="var(--text)">
        {title}
      </text>
      {rows.map((r, i) => {
        const y = TOP + i * ROW
        const w = Math.max(3, (r.value / most) * room)
        return (
          <g key={r.key}>
            <text x={LABEL - 10} y={y + ROW / 2} dy="0.35em" textAnchor="end" fontSize={15} fontWeight={600} fill="var(--text)">
              {r.label}
            </text>
            <rect x={LABEL} y={y + 7} width={w} height={ROW - 14} rx={3} fill={chartColour(r.colour)} />
            <text x={LABEL + w + 8} y={y + ROW / 2} dy="0.35em" fontSize={15} fontWeight={700} fill="var(--text)">
              {r.value}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
