import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as exportLoader } from '#app/routes/themes_.$slug.scores.export.tsx'
import { consensusOf } from '#app/scoring/consensus.ts'
import { MAX_POINTS, weeksBetween } from '#app/scoring/history-series.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// Five years of weekly scores from 30 analysts: the chart must stay readable and the
// browser must get only what is drawn (aggregates, at most MAX_POINTS points per line,
// at most 8 analyst lines), and the SQL consensus must agree with the reference maths.

let conn: Connection
let cookie: string
let analystIds: number[] = []
let grid: Awaited<ReturnType<typeof createScoringTheme<'video' | 'image', 'technology'>>>
const SLUG = 'multimodal-ai'
const now = isoWeekOf(new Date(), 'Asia/Shanghai')
const weeks = weeksBetween(shiftIsoWeek(now, -260), now)
const levelOf = (analyst: number, w: number) => 1 + ((analyst * 7 + w * 3 + Math.floor(w / 40)) % 5)

beforeAll(async () => {
  conn = await createTestDatabase()
  grid = await createScoringTheme(conn.db, { modalities: ['video', 'image'], dimensions: ['technology'], theme: { slug: SLUG } })
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  const analysts: { id: number }[] = []
  for (let i = 0; i < 30; i++)
    analysts.push(await createUser(conn.db, { role: 'analyst', displayName: `Analyst ${String(i).padStart(2, '0')}` }))
  analystIds = analysts.map((a) => a.id)
  // Inserted in bulk (78,000 rows): createScore one by one would take minutes.
  const rows = weeks.flatMap((week, w) =>
    analysts.map((a, i) => ({
      theme_id: grid.theme.id,
      user_id: a.id,
      modality_id: grid.modality.video,
      dimension_id: grid.dimension.technology,
      iso_week: week,
      rubric_id: grid.rubricId,
      level: levelOf(i, w),
    })),
  )
  for (let i = 0; i < rows.length; i += 1000)
    await conn.db
      .insertInto('score')
      .values(rows.slice(i, i + 1000))
      .execute()
}, 120_000)
afterAll(async () => {
  await conn.close()
})

async function consensus(query: string) {
  const res = await respond(() =>
    consensusLoader({
      request: getRequest(`/themes/${SLUG}/consensus${query}`, cookie),
      params: { slug: SLUG },
      context: contextFor(conn),
    }),
  )
  expect(res.status).toBe(200)
  const text = await res.text()
  return { data: JSON.parse(text), bytes: text.length }
}

describe('five years of history from 30 analysts', () => {
  it('sends at most MAX_POINTS aggregated points per line and at most 8 analyst lines', async () => {
    const all = analystIds.map((id) => `a=${id}`).join('&')
    const { data, bytes } = await consensus(`?m=video&d=technology&range=260&${all}`)
    const chart = data.history.chart
    expect(chart.rows.length).toBeLessThanOrEqual(MAX_POINTS)
    expect(chart.weeksPerPoint).toBe(2)
    expect(chart.rows.at(-1).week).toBe(now)
    expect(chart.series.filter((s: { kind: string }) => s.kind === 'analyst')).toHaveLength(8)
    expect(chart.ticks.length).toBeLessThanOrEqual(10)
    // The whole page's data, heatmap included, stays small.
    expect(bytes).toBeLessThan(60_000) // measured about 22 KB
    for (const row of chart.rows) expect(row.band[0]).toBeLessThanOrEqual(row.band[1])
  })

  it('draws every week when the range fits, with the SQL median equal to the reference maths', async () => {
    const { data } = await consensus('?m=video&d=technology&range=52')
    const rows = data.history.chart.rows
    expect(rows).toHaveLength(52)
    for (const offset of [0, 17, 51]) {
      const week = rows[rows.length - 1 - offset].week
      const w = weeks.indexOf(week)
      const expected = consensusOf(analystIds.map((_, i) => levelOf(i, w)))!
      expect(rows[rows.length - 1 - offset].m_video).toBe(Math.round(expected.median * 10) / 10)
      expect(rows[rows.length - 1 - offset].band).toEqual([expected.min, expected.max])
    }
  })

  it('draws source views as markers on the weeks of the line, leaving the median alone', async () => {
    const before = (await consensus('?m=video&d=technology&range=52')).data.history.chart
    const publishedOn = new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10)
    await conn.db
      .insertInto('source_score')
      .values({
        theme_id: grid.theme.id,
        modality_id: grid.modality.video,
        dimension_id: grid.dimension.technology,
        source: 'CICC',
        published_on: publishedOn,
        rubric_id: grid.rubricId,
        level: 5,
      })
      .execute()
    const chart = (await consensus('?m=video&d=technology&range=52')).data.history.chart
    // The x-axis keeps every week (a marker with data of its own would replace them).
    expect(chart.rows.map((r: { week: string }) => r.week)).toEqual(before.rows.map((r: { week: string }) => r.week))
    const marked = chart.rows.filter((r: Record<string, unknown>) => r.s_video != null)
    expect(marked).toHaveLength(1)
    expect(marked[0]).toMatchObject({ s_video: 5, m_video: before.rows.find((r: { week: string }) => r.week === marked[0].week).m_video })
    expect(chart.markers[0].points).toEqual([{ week: marked[0].week, level: 5, source: 'CICC', publishedOn }])
  })

  it('exports all five years, page by page, in week order (CSV and XLSX)', async () => {
    const download = (format: string) =>
      respond(() =>
        exportLoader({
          request: getRequest(`/themes/${SLUG}/scores/export?format=${format}`, cookie),
          params: { slug: SLUG },
          context: contextFor(conn),
        }),
      )
    const lines = (await (await download('csv')).text()).trim().split('\r\n')
    expect(lines).toHaveLength(1 + weeks.length * 30)
    const csvWeeks = lines.slice(1).map((l) => l.slice(0, 8))
    expect(csvWeeks[0]).toBe(weeks[0])
    expect(csvWeeks.at(-1)).toBe(weeks.at(-1))
    expect([...csvWeeks].sort()).toEqual(csvWeeks)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await download('xlsx')).arrayBuffer())
    expect(workbook.getWorksheet('Scores')!.actualRowCount).toBe(1 + weeks.length * 30)
    const consensusSheet = workbook.getWorksheet('Consensus')!
    expect(consensusSheet.actualRowCount).toBe(1 + weeks.length)
    const w = weeks.length - 1
    expect(consensusSheet.getRow(1 + weeks.length).values).toEqual([
      undefined,
      weeks[w],
      'video',
      'technology',
      consensusOf(analystIds.map((_, i) => levelOf(i, w)))!.median,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      30,
      expect.any(String),
    ])
  })

  it('puts several modalities on one chart without a band or analyst lines', async () => {
    const { data } = await consensus(`?m=video&m=image&d=technology&range=all&a=${analystIds[0]}`)
    expect(data.history.chart.series.map((s: { key: string }) => s.key)).toEqual(['m_image', 'm_video'])
    expect(data.history.chart.band).toBe(false)
    expect(data.history.fromWeek).toBe(weeks[0])
  })
})
