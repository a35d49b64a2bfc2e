import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as exportLoader } from '#app/routes/themes_.$slug.scores.export.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createDocument, createScore, createUser, getRequest, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// Issue 16: the score export shows times as the team reads them (its time zone, named in
// the header) and keeps the saves a later save replaced: a sheet in the XLSX and a CSV of
// their own. An analyst put video at 2 late on Thursday 19 November (UTC), which is Friday
// morning in Shanghai, and changed it to 4 on the Friday afternoon, citing two documents.

let conn: Connection
let cookie: string
const SLUG = 'export-theme'
const WEEK = '2026-W47'
const FIRST = new Date(Date.UTC(2026, 10, 19, 23, 30, 5))
const SECOND = new Date(Date.UTC(2026, 10, 20, 8, 15, 0))

beforeAll(async () => {
  conn = await createTestDatabase()
  const { theme, modality, dimension, rubricId } = await createScoringTheme(conn.db, {
    modalities: ['video'],
    dimensions: ['technology'],
    theme: { slug: SLUG },
  })
  const analyst = await createUser(conn.db, { role: 'analyst', displayName: 'Wang Fang' })
  cookie = await cookieFor(conn.db, analyst.id)
  const cell = { themeId: theme.id, modalityId: modality.video, dimensionId: dimension.technology, week: WEEK }
  const { id } = await createScore(conn.db, { ...cell, userId: analyst.id, level: 2, reason: 'First take', savedAt: FIRST })
  // The second save, as saving leaves it: the score row updated and one more revision.
  await conn.db.updateTable('score').set({ level: 4, reason: 'New benchmark', updated_at: SECOND }).where('id', '=', id).execute()
  await conn.db
    .insertInto('score_revision')
    .values({
      score_id: id,
      theme_id: theme.id,
      user_id: analyst.id,
      modality_id: modality.video,
      dimension_id: dimension.technology,
      iso_week: WEEK,
      rubric_id: rubricId,
      level: 4,
      reason: 'New benchmark',
      saved_at: SECOND,
    })
    .execute()
  // Its evidence: two documents, listed by their titles in the order they were attached.
  for (const title of ['CICC: video models', 'Sora technical report']) {
    const { document } = await createDocument(conn.db, { title })
    await conn.db.insertInto('score_evidence').values({ score_id: id, document_id: document.id }).execute()
  }
})
afterAll(async () => {
  await conn.close()
})

const download = (query: string) =>
  respond(() =>
    exportLoader({
      request: getRequest(`/themes/${SLUG}/scores/export?${query}`, cookie),
      params: { slug: SLUG },
      context: contextFor(conn),
    }),
  )

async function setTimeZone(zone: string) {
  await conn.db
    .insertInto('app_setting')
    .values({ key: 'team.time_zone', value: JSON.stringify(zone) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(zone) }))
    .execute()
}

const csvRows = async (query: string) =>
  Papa.parse<Record<string, string>>((await (await download(query)).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data

describe('score export', () => {
  it('writes saved times in the team time zone and names the zone in the CSV header', async () => {
    await setTimeZone('Asia/Shanghai')
    const [row] = await csvRows('format=csv')
    expect(row).toMatchObject({
      week: WEEK,
      modality: 'video',
      analyst: 'Wang Fang',
      level: '4',
      evidence: 'CICC: video models; Sora technical report',
      'saved_at (Asia/Shanghai)': '2026-11-20 16:15:00',
    })
    await setTimeZone('America/New_York')
    const [later] = await csvRows('format=csv')
    expect(later['saved_at (America/New_York)']).toBe('2026-11-20 03:15:00')
    await setTimeZone('Asia/Shanghai')
  })

  it('lists the save a later save replaced, as CSV and as the XLSX sheet "Earlier saves"', async () => {
    expect(await csvRows('format=csv&part=changes')).toEqual([
      {
        week: WEEK,
        modality: 'video',
        dimension: 'technology',
        analyst: 'Wang Fang',
        level: '2',
        level_en: expect.any(String),
        level_zh: expect.any(String),
        reason: 'First take',
        evidence: '',
        'saved_at (Asia/Shanghai)': '2026-11-20 07:30:05',
        'replaced_at (Asia/Shanghai)': '2026-11-20 16:15:00',
        replaced_by_level: '4',
      },
    ])

    const response = await download('format=xlsx')
    expect(response.headers.get('Content-Type')).toMatch(/spreadsheetml/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Scores', 'Consensus', 'Earlier saves'])
    const scores = workbook.getWorksheet('Scores')!
    expect(scores.getRow(1).getCell(16).value).toBe('saved_at (Asia/Shanghai)')
    expect(scores.getRow(1).getCell(1).font?.bold).toBe(true)
    // A real date-time, on the team's wall clock.
    expect(scores.getRow(2).getCell(16).value).toEqual(new Date(Date.UTC(2026, 10, 20, 16, 15, 0)))
    const earlier = workbook.getWorksheet('Earlier saves')!
    expect(earlier.actualRowCount).toBe(2)
    expect(earlier.getRow(2).getCell(5).value).toBe(2)
    expect(earlier.getRow(2).getCell(11).value).toEqual(new Date(Date.UTC(2026, 10, 20, 16, 15, 0)))
  })

  it('answers 400 for a format or part it does not have', async () => {
    expect((await download('format=pdf')).status).toBe(400)
    expect((await download('format=csv&part=everything')).status).toBe(400)
  })
})
