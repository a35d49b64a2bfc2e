import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from 'recharts'

import type { Locale } from '#app/i18n/index.ts'

import { CHART_FONT_SIZE, chartColour, ChartFrame, ChartTooltipBox } from './chart-frame.tsx'
import { percent, type SharePart, ShareTable } from './share-table.tsx'

// Domestic vs overseas share of voice as one 100% bar split in two, the split labelled
// with each side's share: two parts read best side by side, not as two separate bars.
// Blue and vermillion (Okabe-Ito) carry white labels legibly.

export type RegionShare = SharePart

interface Props {
  locale: Locale
  parts: RegionShare[]
  labels: { title: string; summary: string; part: string; mentions: string; share: string }
  width?: number
}

export function ShareOfVoiceRegionChart({ locale, parts, labels, width = 420 }: Props) {
  const height = 86
  const total = parts.reduce((sum, p) => sum + p.mentions, 0)
  const row = Object.fromEntries([['name', 'all'], ...parts.map((p) => [p.key, p.mentions])])
  const table = <ShareTable parts={parts} labels={labels} />
  return (
    <ChartFrame locale={locale} title={labels.title} summary={labels.summary} width={width} height={height} table={table}>
      <BarChart
        id="share-of-voice-region-chart"
        layout="vertical"
        width={width}
        height={height}
        data={[row]}
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        barSize={48}
      >
        <XAxis type="number" hide domain={[0, Math.max(1, total)]} />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip
          cursor={false}
          isAnimationActive={false}
          content={({ active }) =>
            active ? (
              <ChartTooltipBox
                title={labels.title}
                lines={parts.map((p) => `${p.label}: ${p.mentions} (${percent(p.mentions, total)}%)`)}
              />
            ) : null
          }
        />
        {parts.map((p, i) => (
          <Bar key={p.key} dataKey={p.key} stackId="share" fill={chartColour(i === 0 ? 0 : 5)} isAnimationActive={false}>
            <LabelList
              dataKey={p.key}
              content={({ x, y, width: w, height: h }) =>
                Number(w) > 60 ? (
                  <text
                    x={Number(x) + Number(w) / 2}
                    y={Number(y) + Number(h) / 2}
                    dy="0.35em"
                    textAnchor="middle"
                    fill="#fff"
                    fontSize={CHART_FONT_SIZE}
                    fontWeight={600}
                  >
                    {`${p.label} ${percent(p.mentions, total)}%`}
                  </text>
                ) : null
              }
            />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  )
}
