import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as rubricAction } from '#app/routes/admin.rubrics.$id.tsx'
import { action as adminAction, loader as adminLoader } from '#app/routes/admin.rubrics.tsx'
import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as exportLoader } from '#app/routes/themes_.$slug.scores.export.tsx'
import { loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { action as sourcesAction } from '#app/routes/themes_.$slug.sources.tsx'
import { isoWeekOf } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createScore, createUser, postForm, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'
import { scoringRoutes } from './fixtures/scoring-routes.ts'

// What is built on saved scores: source views on the chart, the CSV and XLSX exports,
// and rubric administration (threshold, rubric versions). A theme's items and dimensions:
// tests/theme-framework.test.ts.

let conn: Connection
const cookies: Record<'admin' | 'analyst' | 'viewer', string> = { admin: '', analyst: '', viewer: '' }
const SLUG = 'multimodal-ai'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const { score, load } = scoringRoutes(() => ({ conn, cookies, slug: SLUG, week }))

beforeAll(async () => {
  conn = await createTestDatabase()
  const grid = { modalities: ['video', 'audio'], dimensions: ['technology'], theme: { slug: SLUG } } as const
  const { theme, modality, dimension } = await createScoringTheme(conn.db, grid)
  const users = {} as Record<keyof typeof cookies, { id: number }>
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    users[role] = await createUser(conn.db, { role, displayName: `The ${role}` })
    cookies[role] = await cookieFor(conn.db, users[role].id)
  }
  // This week two analysts put video x technology at 4 and 2: a median of 3, a spread of 2.
  const cell = { themeId: theme.id, modalityId: modality.video, dimensionId: dimension.technology, week }
  await createScore(conn.db, { ...cell, userId: users.analyst.id, level: 4, reason: 'Sora: DiT scales to video' })
  await createScore(conn.db, { ...cell, userId: (await createUser(conn.db)).id, level: 2, reason: 'x' })
})
afterAll(async () => {
  await conn.close()
})

describe('source views', () => {
  const add = (fields: Record<string, string>, who: keyof typeof cookies = 'analyst') =>
    respond(() =>
      sourcesAction({
        request: postForm(
          `/themes/${SLUG}/sources`,
          {
            intent: 'add',
            modality: 'video',
            dimension: 'technology',
            source: 'CICC',
            publishedOn: '2024-03-05',
            level: '2',
            note: '',
            documentId: '',
            ...fields,
          },
          cookies[who],
        ),
        params: { slug: SLUG },
        context: contextFor(conn),
      }),
    )

  it('records a view, refuses bad ones, and shows it on the chart but not in the consensus', async () => {
    expect((await add({}, 'viewer')).status).toBe(403)
    expect((await add({ publishedOn: '2999-01-01' })).status).toBe(400)
    expect((await add({ level: '7' })).status).toBe(400)
    expect((await add({ publishedOn: '2024-02-30' })).status).toBe(400)
    const today = new Date().toISOString().slice(0, 10)
    expect((await add({ publishedOn: today, level: '5' })).status).toBe(200)
    const data = await (await load(consensusLoader, `/themes/${SLUG}/consensus?m=video&d=technology&range=12`)).json()
    expect(data.history.chart.markers[0].points).toEqual([expect.objectContaining({ source: 'CICC', level: 5 })])
    const row = data.history.chart.rows.at(-1)
    expect(row).toMatchObject({ week, m_video: 3, band: [2, 4] })
  })
})

describe('exports', () => {
  it('gives the history as CSV (with a BOM) and XLSX, and 400 for another format', async () => {
    const csv = await load(exportLoader, `/themes/${SLUG}/scores/export?format=csv`, 'viewer')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toMatch(/text\/csv/)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('week,modality,modality_en')
    expect(text).toContain('Sora: DiT scales to video')
    expect(text).toContain('视频')
    const xlsx = await load(exportLoader, `/themes/${SLUG}/scores/export?format=xlsx`, 'viewer')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await xlsx.arrayBuffer())
    expect(book.worksheets.map((w) => w.name)).toEqual(['Scores', 'Consensus', 'Earlier saves'])
    expect(book.getWorksheet('Scores')!.rowCount).toBeGreaterThan(1)
    expect((await load(exportLoader, `/themes/${SLUG}/scores/export?format=pdf`)).status).toBe(400)
  })

  it('defuses reasons that would run as spreadsheet formulas', async () => {
    await score({ modality: 'audio', level: '3', reason: '=HYPERLINK("http://evil")' })
    const text = await (await load(exportLoader, `/themes/${SLUG}/scores/export?format=csv`)).text()
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`)
    // In XLSX the reason is a text cell: shown as typed, never run as a formula.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await load(exportLoader, `/themes/${SLUG}/scores/export?format=xlsx`)).arrayBuffer())
    const cells: ExcelJS.Cell[] = []
    workbook.getWorksheet('Scores')!.eachRow((row) => row.eachCell((c) => cells.push(c)))
    const reason = cells.find((c) => String(c.value).includes('HYPERLINK'))!
    expect(reason.type).toBe(ExcelJS.ValueType.String)
    expect(reason.formula).toBeUndefined()
  })
})

describe('rubric administration', () => {
  const post = (fields: Record<string, string>, who: keyof typeof cookies = 'admin') =>
    respond(() => adminAction({ request: postForm('/admin/rubrics', fields, cookies[who]), params: {}, context: contextFor(conn) }))

  it('is for admins only', async () => {
    expect((await load(adminLoader, '/admin/rubrics', 'analyst')).status).toBe(403)
    expect((await post({ intent: 'threshold', threshold: '3' }, 'analyst')).status).toBe(403)
  })

  it('sets the disagreement threshold within 1 to 19, audited', async () => {
    expect((await post({ intent: 'threshold', threshold: '0' })).status).toBe(400)
    expect((await post({ intent: 'threshold', threshold: '3' })).status).toBe(200)
    const page = await (await load(scoreLoader, `/themes/${SLUG}/scores`)).json()
    expect(page.cells['video.technology'].team.disagreement).toBe(false)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'new_value'])
      .where('action', '=', 'settings.disagreement_spread')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ old_value: 2, new_value: 3 })
  })

  it('versions a used rubric from its edit page and moves the theme to the new version', async () => {
    const theme = await conn.db.selectFrom('theme').select('rubric_id').where('slug', '=', SLUG).executeTakeFirstOrThrow()
    const levels = await conn.db.selectFrom('rubric_level').selectAll().where('rubric_id', '=', theme.rubric_id!).orderBy('level').execute()
    const fields = {
      nameEn: 'Modality maturity',
      nameZh: '模态成熟度',
      levelNameEn: levels.map((l) => l.name_en).concat(''),
      levelNameZh: levels.map((l) => l.name_zh).concat(''),
      levelDescriptionEn: levels.map((l, i) => (i === 0 ? 'No agreed approach yet.' : l.description_en)).concat(''),
      levelDescriptionZh: levels.map((l) => l.description_zh).concat(''),
    }
    const edit = (f: Record<string, string | string[]>) =>
      respond(() =>
        rubricAction({
          request: postForm(`/admin/rubrics/${theme.rubric_id}`, f, cookies.admin),
          params: { id: String(theme.rubric_id) },
          context: contextFor(conn),
        }),
      )
    const bad = await edit({ ...fields, levelNameZh: [...fields.levelNameZh.slice(0, 2), '', ...fields.levelNameZh.slice(3)] })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.levels).toBe('scoring.levelRowInvalid?level=3')
    const res = await edit(fields)
    expect(res.status).toBe(302)
    const after = await conn.db
      .selectFrom('theme')
      .innerJoin('rubric', 'rubric.id', 'theme.rubric_id')
      .select(['rubric.id', 'rubric.version'])
      .where('theme.slug', '=', SLUG)
      .executeTakeFirstOrThrow()
    expect(after.version).toBe(2)
    expect(res.headers.get('Location')).toBe(`/admin/rubrics/${after.id}?saved=version`)
    expect((await edit(fields)).status).toBe(409)
    // Old scores stay on version 1 and still count in the consensus.
    const page = await (await load(scoreLoader, `/themes/${SLUG}/scores`)).json()
    expect(page.rubric.version).toBe(2)
    expect(page.cells['video.technology'].team.count).toBe(2)
  })
})
