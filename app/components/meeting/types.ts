import type { SerializeFrom } from '@remix-run/node'

import type { ChartSvg } from './chart-svg.server.tsx'
import type { meetingPageView } from './page-view.ts'

// What the meeting page's loader sends its slides (dates arrive as ISO strings).
export type MeetingData = SerializeFrom<ReturnType<typeof meetingPageView>>

export interface MeetingCharts {
  heatmap: ChartSvg | null
  history: ChartSvg[]
  exhaustion: ChartSvg | null
  share: ChartSvg | null
  topCompanies: ChartSvg | null
  publishers: ChartSvg | null
}

/** The slides in order; the URL's ?slide=N counts from 1. */
export const SLIDES = ['matrix', 'moves', 'discuss', 'history', 'mentions', 'watchlists', 'membership', 'exhaustion', 'documents'] as const
export type SlideId = (typeof SLIDES)[number]

/** Rows a slide shows of a ranked list (the XLSX has them all). */
export const TOP_COMPANIES_SHOWN = 8
export const PUBLISHERS_SHOWN = 8

/** What a slide with a chart gets from the meeting page. */
export interface ChartSlideProps {
  view: MeetingData
  charts: MeetingCharts
  current: boolean
  label: string
  fileName: string
}
