import type { CSSProperties, ReactNode } from 'react'

import { type Locale, makeTranslate } from '#app/i18n/index.ts'

// The one frame every chart in the app sits in. It owns:
// - size: charts get fixed pixel sizes (recharts' ResponsiveContainer measures in the
//   browser only, so server and client markup would differ and hydration would fail);
// - colours: CSS variables from app.css, so dark mode and the Okabe-Ito palette apply;
// - the tooltip look;
// - the text alternative: the chart itself is one labelled image, and a table of the same
//   numbers is one click away (and always there for screen readers).
// Charts take the reader's locale as a prop, not from the router: the meeting page draws
// them on the server as standalone SVG images, outside any route.

/** Okabe-Ito, colour-blind safe, in the order series should take them. */
export const CHART_COLOURS = [
  'var(--c1)',
  'var(--c2)',
  'var(--c3)',
  'var(--c4)',
  'var(--c5)',
  'var(--c6)',
  'var(--c7)',
  'var(--c8)',
] as const
export const CHART_TEXT = 'var(--text)'
export const CHART_MUTED = 'var(--muted)'
export const CHART_GRID = 'var(--border)'
export const CHART_ACCENT = 'var(--danger)'
export const CHART_FONT_SIZE = 13

export const chartColour = (index: number) => CHART_COLOURS[index % CHART_COLOURS.length]

/** Tick style for recharts axes. */
export const axisTick = { fill: CHART_TEXT, fontSize: CHART_FONT_SIZE }

// Axis ticks and labels are drawn as plain <text> here: recharts' own <Text> measures
// words in the browser (not on the server) to wrap them, so server and browser markup
// differ and hydration fails (React 418/425). Long category names are split in two at
// the space nearest the middle, the same way on both sides.
interface TickProps {
  x?: number | string
  y?: number | string
  payload?: { value?: unknown }
  textAnchor?: string
}

export function splitLabel(label: string, max = 22): string[] {
  if (label.length <= max) return [label]
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index ?? 0)
  if (!spaces.length) return [label]
  const middle = label.length / 2
  const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best))
  return [label.slice(0, at), label.slice(at + 1)]
}

/** A category tick (left of a horizontal bar), in one or two lines. */
export function CategoryTick({ x, y, payload }: TickProps) {
  const lines = splitLabel(String(payload?.value ?? ''))
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fill={CHART_TEXT} fontSize={CHART_FONT_SIZE}>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 6} dy={i === 0 ? (lines.length === 1 ? '0.35em' : '-0.25em') : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

/** A number tick under the x axis. */
export function ValueTick({ x, y, payload }: TickProps) {
  return (
    <text x={Number(x)} y={Number(y) + 14} textAnchor="middle" fill={CHART_TEXT} fontSize={CHART_FONT_SIZE}>
      {String(payload?.value ?? '')}
    </text>
  )
}

const tooltipBox: CSSProperties = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  padding: '0.4rem 0.6rem',
  color: 'var(--text)',
  fontSize: '0.85rem',
  boxShadow: '0 2px 8px rgb(0 0 0 / 0.15)',
  maxWidth: 320,
}

/** The tooltip look, for recharts' <Tooltip content={...}> renderers. */
export function ChartTooltipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div style={tooltipBox}>
      <strong>{title}</strong>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  )
}

interface ChartFrameProps {
  locale: Locale
  /** Read out as the chart's name. */
  title: string
  /** One sentence saying what the chart shows, for screen readers. */
  summary: string
  width: number
  height: number
  /** The same data as a table. */
  table: ReactNode
  children: ReactNode
  className?: string
}

export function ChartFrame({ locale, title, summary, width, height, table, children, className }: ChartFrameProps) {
  const t = makeTranslate(locale)
  return (
    <figure className={`chart-frame ${className ?? ''}`}>
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`} style={{ width, height }}>
        {children}
      </div>
      <details className="chart-table">
        <summary>{t('themeEdit.chartTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  )
}
