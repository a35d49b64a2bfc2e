import type { ReactNode } from 'react'

import { chartColour } from '#app/components/charts/chart-frame.tsx'
import { formatNumber, useI18n } from '#app/i18n/index.ts'

// A ranked list as an HTML table with a bar in each row: the numbers are text, so the
// table is its own text alternative (the PNG export draws the same rows as SVG).

export interface BarTableRow {
  key: string | number
  label: ReactNode
  value: number
  colour: number
  /** Left off the projector, printed in the PDF. */
  printOnly?: boolean
}

export function BarTable({
  rows,
  caption,
  labelHeader,
  valueHeader,
}: {
  rows: BarTableRow[]
  caption: string
  labelHeader: string
  valueHeader: string
}) {
  const { locale } = useI18n()
  const most = Math.max(1, ...rows.map((r) => r.value))
  return (
    <table className="bar-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.printOnly ? 'print-only' : undefined}>
            <th scope="row">{r.label}</th>
            <td>
              <span
                className="bar"
                style={{
                  width: `${(r.value / most) * 100}%`,
                  background: chartColour(r.colour),
                }}
              />
              <span className="bar-value">{formatNumber(locale, r.value)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
