import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as rubricAction } from '#app/routes/admin.rubrics.$id.tsx'
import { action as adminAction, loader as adminLoader } from '#app/routes/admin.rubrics.tsx'
import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as evidenceLoader } from '#app/routes/themes_.$slug.evidence.tsx'
import { loader as movedLoader } from '#app/routes/themes_.$slug.moved.tsx'
import { loader as exportLoader } from '#app/routes/themes_.$slug.scores.export.tsx'
import { action as scoreAction, loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { action as sourcesAction } from '#app/routes/themes_.$slug.sources.tsx'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

// The scoring routes end to end (without a browser): every refusal is a 4xx that names the
// field and stores nothing; the pages get aggregates, not raw scores.

let conn: Connection
const cookies: Record<'admin' | 'analyst' | 'viewer' | 'second', string> = { admin: '', analyst: '', viewer: '', second: '' }
const SLUG = 'multimodal-ai'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')

beforeAll(async () => {
  conn = await createTestDatabase()
  await seedDemoData(conn.db)
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    cookies[role] = await cookieFor(conn.db, (await createUser(conn.db, { role, displayName: `The ${role}` })).id)
  cookies.second = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Second analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

const score = (fields: Record<string, string | string[]>, who: keyof typeof cookies = 'analyst', slug = SLUG) =>
  respond(() =>
    scoreAction({
      request: postForm(
        `/themes/${slug}/scores`,
        { intent: 'score', modality: 'video', dimension: 'technology', week, level: '3', reason: '', ...fields },
        cookies[who],
      ),
      params: { slug },
      context: contextFor(conn),
    }),
  )
const load = async (loader: (args: never) => Promise<unknown>, path: string, who: keyof typeof cookies = 'analyst') => {
  const res = await respond(() =>
    loader({
      request: getRequest(path, cookies[who]),
      params: { slug: SLUG, id: path.split('/').pop() },
      context: contextFor(conn),
    } as never),
  )
  return res
}
// A meeting of `meetingWeek` makes every earlier week read-only (app/scoring/week-lock.ts).
const lockBefore = async (meetingWeek: string) => {
  const theme = await conn.db.selectFrom('theme').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow()
  await conn.db
    .insertInto('meeting')
    .values({ theme_id: theme.id, iso_week: meetingWeek })
    .onConflict((oc) => oc.columns(['theme_id', 'iso_week']).doNothing())
    .execute()
}
const scoreCount = async () => (await conn.db.selectFrom('score').select('id').execute()).length

describe('saving a score through the page', () => {
  it('saves, then replaces the same cell in the same week (one row)', async () => {
    const first = await score({ level: '3' })
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ ok: true, cell: 'video.technology', outcome: 'created' })
    const second = await score({ level: '4', reason: 'Sora: DiT scales to video' })
    expect(await second.json()).toMatchObject({ ok: true, outcome: 'replaced', moved: true })
    expect(await scoreCount()).toBe(1)
  })

  it.each([
    ['a level outside the rubric', { level: '9' }, 400, 'level', 'scoring.error.levelOutsideRubric'],
    ['a level that is not a number', { level: 'high' }, 400, 'level', 'scoring.levelInvalid'],
    ['an unknown modality', { modality: 'smell' }, 400, 'modality', 'scoring.error.unknownModality'],
    ['a malformed modality', { modality: '<b>' }, 400, 'modality', 'scoring.slugInvalid'],
    ['a week in the future', { week: shiftIsoWeek(week, 1) }, 400, 'week', 'scoring.error.futureWeek'],
    ['a week that does not exist', { week: '2026-W60' }, 400, 'week', 'scoring.weekInvalid'],
    ['a 100 KB reason', { level: '5', reason: 'x'.repeat(100 * 1024) }, 400, 'reason', 'validation.tooLong?max=500'],
    ['a changed level without a reason', { level: '2' }, 400, 'reason', 'scoring.error.reasonRequired'],
    ['evidence that does not exist', { level: '4', reason: 'r', documentId: '987654' }, 400, 'evidence', 'scoring.error.evidenceNotFound'],
    ['a week before the last meeting', { week: shiftIsoWeek(week, -3) }, 409, 'week', 'scoring.error.weekLocked'],
  ])('refuses %s with a clear 4xx and stores nothing', async (_name, fields, status, field, key) => {
    await lockBefore(shiftIsoWeek(week, -2))
    const before = await conn.db.selectFrom('score').select(['level', 'reason']).execute()
    const res = await score(fields as Record<string, string>)
    expect(res.status).toBe(status)
    const body = await res.json()
    expect(body.ok).toBe(false)
    expect(body.errors[field]).toBe(key)
    expect(await conn.db.selectFrom('score').select(['level', 'reason']).execute()).toEqual(before)
  })

  it('refuses a body over the size limit with 413', async () => {
    const res = await score({ reason: 'x'.repeat(1_100_000) })
    expect(res.status).toBe(413)
    expect(await scoreCount()).toBe(1)
  })

  it('refuses a viewer with 403 and an unknown theme with 404', async () => {
    expect((await score({ level: '1' }, 'viewer')).status).toBe(403)
    expect((await score({ level: '1' }, 'analyst', 'no-such-theme')).status).toBe(404)
    expect(await scoreCount()).toBe(1)
  })

  it('lets only an admin reopen a locked week', async () => {
    const old = shiftIsoWeek(week, -4)
    await lockBefore(shiftIsoWeek(week, -2))
    const asAnalyst = await score({ intent: 'reopen', week: old })
    expect(asAnalyst.status).toBe(403)
    expect((await score({ intent: 'reopen', week: old }, 'admin')).status).toBe(200)
    expect((await score({ week: old, level: '2' })).status).toBe(200)
    expect((await score({ intent: 'relock', week: old }, 'admin')).status).toBe(200)
    expect((await score({ week: old, level: '3', reason: 'late' })).status).toBe(409)
  })
})

describe('the scoring page', () => {
  it('shows my score, my previous one and the team median per cell', async () => {
    await score({ level: '2', reason: 'x' }, 'second')
    const res = await load(scoreLoader, `/themes/${SLUG}/scores`)
    expect(res.status).toBe(200)
    const data = await res.json()
    expect(data.week).toBe(week)
    expect(data.lock.state).toBe('open')
    expect(data.cells['video.technology']).toMatchObject({
      mine: { level: 4, reason: 'Sora: DiT scales to video' },
      team: { median: 3, count: 2, min: 2, max: 4, disagreement: true },
    })
    expect(Object.keys(data.cells)).toHaveLength(30)
  })

  it("shows last week's team median in a cell nobody has scored this week yet", async () => {
    const lastWeek = shiftIsoWeek(week, -1)
    expect((await score({ modality: 'text', dimension: 'data', week: lastWeek, level: '4' }, 'second')).status).toBe(200)
    const data = await (await load(scoreLoader, `/themes/${SLUG}/scores`)).json()
    expect(data.cells['text.data']).toMatchObject({ team: null, teamBefore: { week: lastWeek, median: 4, count: 1 } })
    expect(data.cells['video.technology'].teamBefore).toBeNull()
  })

  it('is readable by a viewer, and refuses a future week with 400', async () => {
    const viewer = await (await load(scoreLoader, `/themes/${SLUG}/scores`, 'viewer')).json()
    expect(viewer.canScore).toBe(false)
    expect((await load(scoreLoader, `/themes/${SLUG}/scores?week=${shiftIsoWeek(week, 2)}`)).status).toBe(400)
    expect((await load(scoreLoader, `/themes/${SLUG}/scores?week=junk`)).status).toBe(400)
  })

  it('finds documents for evidence and links them to a score', async () => {
    const doc = await conn.db
      .insertInto('document')
      .values({
        title: 'CICC: AI ten-year outlook (17)',
        publisher: 'CICC',
        language: 'zh',
        content_hash: 'b'.repeat(64),
        body: '...',
        published_on: '2024-03-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const found = await (await load(evidenceLoader, `/themes/${SLUG}/evidence?q=ten-year`)).json()
    expect(found.documents.map((d: { id: number }) => d.id)).toEqual([doc.id])
    const res = await score({ level: '4', reason: 'Sora: DiT scales to video', documentId: String(doc.id) })
    expect(await res.json()).toMatchObject({ ok: true, outcome: 'replaced' })
    const moved = await (await load(movedLoader, `/themes/${SLUG}/moved?week=${week}`)).json()
    const mine = moved.moves.find((m: { analyst: string }) => m.analyst === 'The analyst')
    expect(mine).toMatchObject({
      kind: 'new',
      to: 4,
      reason: 'Sora: DiT scales to video',
      evidence: [{ documentId: doc.id, title: 'CICC: AI ten-year outlook (17)' }],
    })
  })
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
    expect(book.worksheets.map((w) => w.name)).toEqual(['Scores', 'Consensus'])
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

  it('adds a modality that then appears in the grid, and refuses a duplicate slug with 409', async () => {
    const fields = { intent: 'addVocabulary', kind: 'modality', slug: 'embodied', nameEn: 'Embodied', nameZh: '具身', position: '10' }
    expect((await post(fields)).status).toBe(200)
    expect((await post(fields)).status).toBe(409)
    const page = await (await load(scoreLoader, `/themes/${SLUG}/scores`)).json()
    expect(page.cells['embodied.technology']).toBeDefined()
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
