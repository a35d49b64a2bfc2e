import { describe, expect, it } from 'vitest'

import { ConsensusHistoryChart } from '#app/components/charts/consensus-history-chart.tsx'
import { shapeHistory } from '#app/scoring/chart-data.ts'

import { renderChartSvg, tightenCoordinates } from './chart-svg.server.tsx'

// The meeting's consensus history as the projector shows it: modalities at the same level
// stay visible side by side, and no text is under 14 px.

const weeks = ['2026-W44', '2026-W45', '2026-W46', '2026-W47']
const modalities = ['text', 'image', 'video'].map((slug, i) => ({ id: i + 1, slug, nameEn: slug, nameZh: slug, colour: i }))
// All three at level 3 every week: drawn on top of each other before.
const data = shapeHistory({
  weeks,
  consensus: modalities.flatMap((m) => weeks.map((week) => ({ modalityId: m.id, week, median: 3, min: 3, max: 3 }))),
  modalities,
  analysts: [],
  analystLevels: [],
  sources: [],
})
const levels = [1, 2, 3, 4, 5].map((level) => ({ level, nameEn: `Level ${level}`, nameZh: `级别 ${level}` }))

function render(fontSize?: number) {
  return renderChartSvg(
    <ConsensusHistoryChart locale="en" data={data} levels={levels} title="" summary="" width={1180} height={220} fontSize={fontSize} />,
    { scheme: 'light', width: 1180, height: 220 },
  ).svg
}

describe('the consensus history chart on a slide', () => {
  it('draws lines at the same level apart, each visible', () => {
    const svg = render(16)
    const paths = [...svg.matchAll(/<path[^>]*class="recharts-curve recharts-line-curve"[^>]*d="([^"]+)"/g)].map((m) => m[1])
    expect(paths).toHaveLength(3)
    expect(new Set(paths).size).toBe(3)
    // Each line is flat, and neighbours are further apart than a line is wide (3 px).
    const ys = paths.map((d) => Number(/^M[\d.]+,([\d.]+)/.exec(d)![1])).sort((a, b) => a - b)
    expect(ys[1] - ys[0]).toBeGreaterThan(3.5)
    expect(ys[2] - ys[1]).toBeGreaterThan(3.5)
  })

  it('writes coordinates to a tenth of a pixel, and text as it is', () => {
    const svg = render(16)
    const numbers = [...svg.matchAll(/="([^"]*)"/g)].flatMap((m) => m[1].match(/\.\d+/g) ?? [])
    expect(numbers.length).toBeGreaterThan(10)
    for (const n of numbers) expect(n).toMatch(/^\.\d$/)
    expect(tightenCoordinates('<text x="12.3456">Level 3.25</text>')).toBe('<text x="12.3">Level 3.25</text>')
  })

  it('writes no text under 14 px at the size the meeting uses', () => {
    const sizes = [...render(16).matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(sizes.length).toBeGreaterThan(5)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14)
  })
})
