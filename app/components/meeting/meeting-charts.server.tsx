import { createHash } from 'node:crypto'

import type { ReactElement } from 'react'

import { BarListImage, barListImageSize } from '#app/components/charts/bar-list-image.tsx'
import { ConsensusHistoryChart } from '#app/components/charts/consensus-history-chart.tsx'
import { DataExhaustionChart, exhaustionChartHeight } from '#app/components/charts/data-exhaustion-chart.tsx'
import { heatmapImageSize, MaturityHeatmapImage } from '#app/components/charts/maturity-heatmap-image.tsx'
import { ShareOfVoiceRegionChart } from '#app/components/charts/share-of-voice-region-chart.tsx'
import { formatDate, type Locale, localName } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import type { MeetingView } from '#app/models/meeting/index.server.ts'
import type { ColorScheme } from '#app/utils/color-scheme.ts'

import { type ChartSvg, renderChartSvg } from './chart-svg.server.tsx'
import { regionColour } from './mentions-slide.tsx'
import { type MeetingCharts, PUBLISHERS_SHOWN, TOP_COMPANIES_SHOWN } from './types.ts'

// The meeting's charts as SVG images, drawn by the app's chart components on the server.
// Each chart is kept by its own inputs (the component and every prop, the size and the
// colours) in a small cache: the page is opened again and again during a meeting, and a
// change redraws only the charts whose data it changed (a score moves this week's heatmap
// and consensus history, not the estimates, mentions or publishers; a new report the other
// way round). A past week's charts never change.

// One chart gets the slide's height; two share it.
export const historyChartSize = (count: number) => ({
  width: 1180,
  height: count === 1 ? 400 : 220,
})
export const EXHAUSTION_CHART_WIDTH = 700
export const SHARE_CHART_WIDTH = 480

const cache = new Map<string, ChartSvg>()
const CACHE_SIZE = 128
// Charts are told apart by component, not by name (a bundler may shorten names).
const componentIds = new Map<unknown, number>()

function draw(element: ReactElement, options: Parameters<typeof renderChartSvg>[1]): ChartSvg {
  if (!componentIds.has(element.type)) componentIds.set(element.type, componentIds.size + 1)
  const inputs = JSON.stringify([componentIds.get(element.type), element.props, options])
  const key = createHash('sha1').update(inputs).digest('hex')
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key) // most recently used goes last
    cache.set(key, hit)
    return hit
  }
  const chart = renderChartSvg(element, options)
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  cache.set(key, chart)
  return chart
}

function drawCharts(view: MeetingView, options: { locale: Locale; scheme: ColorScheme }): MeetingCharts {
  const t = makeTranslate(options.locale)
  const { locale } = options
  const base = { scheme: options.scheme }
  const cells = view.matrix.cells
  const heatmapSize = heatmapImageSize(view.modalities.length, view.dimensions.length)
  const heatmap = Object.keys(cells).length
    ? draw(
        <MaturityHeatmapImage
          locale={locale}
          modalities={view.modalities}
          dimensions={view.dimensions}
          cells={cells}
          maxLevel={Math.max(2, view.rubric?.levels.length ?? 5)}
          caption={t('meeting.matrix.caption', {
            week: view.week,
            previous: view.previousWeek,
          })}
        />,
        { ...base, ...heatmapSize },
      )
    : null
  const size = historyChartSize(view.history.length)
  const history = view.history.map((h) =>
    draw(
      <ConsensusHistoryChart
        locale={locale}
        data={h.chart}
        levels={view.rubric?.levels ?? []}
        title=""
        summary=""
        width={size.width}
        height={size.height}
        fontSize={16}
      />,
      { ...base, ...size },
    ),
  )
  const rows = view.estimates.current.map((e) => ({
    key: String(e.stockId),
    label: localName(locale, e),
    yearFrom: e.yearFrom,
    yearTo: e.yearTo,
    source: e.source,
    detail: `${e.source}, ${formatDate(locale, e.estimatedOn)}`,
  }))
  const exhaustionHeight = exhaustionChartHeight(rows)
  const exhaustion = rows.length
    ? draw(
        <DataExhaustionChart
          locale={locale}
          rows={rows}
          today={view.asOfDate}
          width={EXHAUSTION_CHART_WIDTH}
          labels={{
            title: '',
            summary: '',
            today: view.isPast ? t('meeting.exhaustion.asOf') : t('themeEdit.today'),
            stock: '',
            years: '',
            source: '',
          }}
        />,
        { ...base, width: EXHAUSTION_CHART_WIDTH, height: exhaustionHeight },
      )
    : null
  const bars = (title: string, rows: { key: string; label: string; value: number; colour: number }[]) =>
    rows.length
      ? draw(<BarListImage rows={rows} title={title} />, {
          ...base,
          ...barListImageSize(rows.length),
        })
      : null
  const topCompanies = bars(
    t('meeting.mentions.top'),
    view.mentions.top.slice(0, TOP_COMPANIES_SHOWN).map((c) => ({
      key: String(c.companyId),
      label: localName(locale, c),
      value: c.mentions,
      colour: regionColour(c.region),
    })),
  )
  const publishers = bars(
    t('meeting.documents.byPublisher', { count: view.documents.total }),
    view.documents.publishers.slice(0, PUBLISHERS_SHOWN).map((p) => ({
      key: p.publisher,
      label: p.publisher || t('meeting.documents.unknownPublisher'),
      value: p.count,
      colour: 2,
    })),
  )
  const parts = view.mentions.shareOfVoice.byRegion.map((r) => ({
    key: r.region,
    label: labelOf(t, 'region', r.region),
    mentions: r.mentions,
  }))
  const share = parts.some((p) => p.mentions > 0)
    ? draw(
        <ShareOfVoiceRegionChart
          locale={locale}
          parts={parts}
          width={SHARE_CHART_WIDTH}
          labels={{ title: '', summary: '', part: '', mentions: '', share: '' }}
        />,
        {
          ...base,
          width: SHARE_CHART_WIDTH,
          height: 86,
        },
      )
    : null
  return { heatmap, history, exhaustion, share, topCompanies, publishers }
}

export function renderMeetingCharts(view: MeetingView, options: { locale: Locale; scheme: ColorScheme }): MeetingCharts {
  return drawCharts(view, options)
}
