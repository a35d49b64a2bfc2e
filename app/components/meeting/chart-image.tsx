import { type ReactNode, useState } from 'react'

import { useI18n } from '#app/i18n/index.ts'

import type { ChartSvg } from './chart-svg.server.tsx'
import { downloadBlob, svgToPng } from './export-png.ts'

// A chart drawn on the server (chart-svg.server.tsx) shown as an image, its numbers as a
// table for screen readers (in <details>, one click away for everyone), and a PNG export.

interface Props {
  chart: ChartSvg
  title: string
  summary: string
  fileName: string
  table?: ReactNode
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

export function PngButton({ chart, fileName, title }: { chart: ChartSvg; fileName: string; title: string }) {
  const { t } = useI18n()
  const [failed, setFailed] = useState(false)
  const save = async (event: React.MouseEvent<HTMLButtonElement>) => {
    try {
      // The colour the chart sits on (light or dark), so the PNG looks as on screen.
      const slide = event.currentTarget.closest('.slide') ?? document.body
      const background = getComputedStyle(slide).backgroundColor || '#ffffff'
      downloadBlob(await svgToPng(chart.svg, chart.width, chart.height, background, 2), `${fileName}.png`)
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }
  return (
    <>
      <button type="button" className="small secondary png-export" onClick={save} aria-label={t('meeting.exportPngOf', { chart: title })}>
        {t('meeting.exportPng')}
      </button>
      {failed ? (
        <span role="alert" className="field-error">
          {t('meeting.exportPngFailed')}
        </span>
      ) : null}
    </>
  )
}

export function ChartImage({ chart, title, summary, fileName, table }: Props) {
  const { t } = useI18n()
  return (
    <figure className="meeting-chart">
      <img src={svgDataUrl(chart.svg)} width={chart.width} height={chart.height} alt={`${title}. ${summary}`} />
      <figcaption className="chart-tools">
        <PngButton chart={chart} fileName={fileName} title={title} />
        {table ? (
          <details className="chart-table">
            <summary>{t('themeEdit.chartTable')}</summary>
            <div className="table-scroll">{table}</div>
          </details>
        ) : null}
      </figcaption>
    </figure>
  )
}
