import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { saveMeetingNotes } from '#app/models/meeting/index.server.ts'
import { loadMeetingView, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import { getWeekLock, reopenWeek } from '#app/models/scoring/index.server.ts'
import { saveScore } from '#app/models/scoring/index.server.ts'
import { addEstimate } from '#app/models/theme/index.server.ts'
import { loader as indexLoader } from '#app/routes/meetings._index.tsx'
import { action as meetingAction, loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import { loader as exportLoader } from '#app/routes/meetings_.$week.export.tsx'
import { weekStartsAt } from '#app/scoring/week-time.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

// The weekly meeting reads a week as it stood when the week ended: scores, watchlist
// changes, estimates and the previous meeting's notes changed afterwards do not alter an
// old meeting. Weeks without data give empty slides; bad weeks and themes give 404s.

let conn: Connection
let ids: {
  theme: number
  rubric: number
  text: number
  video: number
  tech: number
  data: number
  watchlist: number
  company: number
  stock: number
}
let analysts: { id: number; displayName: string }[]
let admin: { id: number }
let companyName = ''
let cookies: { viewer: string; analyst: string }
const SLUG = 'multimodal-ai'
const TZ = 'Asia/Shanghai'
const current = isoWeekOf(new Date(), TZ)
// Well before the demo team's eight weeks, so only this file's data is there.
const week = shiftIsoWeek(current, -20)
const lastWeek = shiftIsoWeek(week, -1)
const at = (w: string, hours: number) => new Date(weekStartsAt(w, TZ).getTime() + hours * 3600_000)

/** An analyst's score of a past week as saved then: the score row and its revision. */
async function scoreAt(userId: number, modalityId: number, dimensionId: number, w: string, level: number, savedAt: Date, reason = '') {
  const values = {
    theme_id: ids.theme,
    user_id: userId,
    modality_id: modalityId,
    dimension_id: dimensionId,
    iso_week: w,
    rubric_id: ids.rubric,
    level,
    reason,
  }
  const score = await conn.db
    .insertInto('score')
    .values({ ...values, created_at: savedAt, updated_at: savedAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  await conn.db
    .insertInto('score_revision')
    .values({ ...values, score_id: score.id, saved_at: savedAt })
    .execute()
}

async function view(w: string) {
  const { theme } = await resolveMeetingTheme(conn.db, SLUG)
  return loadMeetingView(conn.db, theme!, w)
}

beforeAll(async () => {
  conn = await createTestDatabase()
  await seedDemoData(conn.db)
  const one = async (q: Promise<{ id: number } | undefined>) => (await q)!.id
  const theme = await conn.db.selectFrom('theme').select(['id', 'rubric_id']).where('slug', '=', SLUG).executeTakeFirstOrThrow()
  ids = {
    theme: theme.id,
    rubric: theme.rubric_id!,
    text: await one(conn.db.selectFrom('modality').select('id').where('slug', '=', 'text').executeTakeFirst()),
    video: await one(conn.db.selectFrom('modality').select('id').where('slug', '=', 'video').executeTakeFirst()),
    tech: await one(conn.db.selectFrom('scoring_dimension').select('id').where('slug', '=', 'technology').executeTakeFirst()),
    data: await one(conn.db.selectFrom('scoring_dimension').select('id').where('slug', '=', 'data').executeTakeFirst()),
    watchlist: await one(conn.db.selectFrom('watchlist').select('id').where('theme_id', '=', theme.id).executeTakeFirst()),
    company: 0,
    stock: await one(conn.db.selectFrom('data_stock').select('id').where('theme_id', '=', theme.id).orderBy('position').executeTakeFirst()),
  }
  // A company not yet on the theme's watchlist.
  ids.company = await one(
    conn.db
      .selectFrom('company')
      .select('id')
      .where('id', 'not in', conn.db.selectFrom('watchlist_entry').select('company_id').where('watchlist_id', '=', ids.watchlist))
      .orderBy('id')
      .executeTakeFirst(),
  )
  companyName = (await conn.db.selectFrom('company').select('name_en').where('id', '=', ids.company).executeTakeFirstOrThrow()).name_en
  analysts = [
    await createUser(conn.db, { displayName: 'Ana' }),
    await createUser(conn.db, { displayName: 'Bo' }),
    await createUser(conn.db, { displayName: 'Cy' }),
  ]
  admin = await createUser(conn.db, { role: 'admin' })
  cookies = {
    viewer: await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id),
    analyst: await cookieFor(conn.db, analysts[0].id),
  }
  // Last week everyone had video x technology at 2; this week two moved it to 3 and one to 5.
  for (const a of analysts) await scoreAt(a.id, ids.video, ids.tech, lastWeek, 2, at(lastWeek, 30))
  await scoreAt(analysts[0].id, ids.video, ids.tech, week, 3, at(week, 26), 'Sora-class demos')
  await scoreAt(analysts[1].id, ids.video, ids.tech, week, 3, at(week, 27), 'more papers')
  await scoreAt(analysts[2].id, ids.video, ids.tech, week, 5, at(week, 28), '=HYPERLINK("http://evil.example","x")')
  // A company added to the theme's watchlist during the week.
  await conn.db
    .insertInto('watchlist_entry')
    .values({
      watchlist_id: ids.watchlist,
      company_id: ids.company,
      rationale: 'AI design tools in e-commerce',
      added_by: analysts[0].id,
      added_at: at(week, 50),
    })
    .execute()
}, 120_000)
afterAll(async () => {
  await conn.close()
})

describe('a meeting as it stood at the end of its week', () => {
  it('shows the consensus, the change since the previous meeting, the moves and the disagreement', async () => {
    const v = await view(week)
    expect(v.isPast).toBe(true)
    expect(v.previousWeek).toBe(lastWeek)
    const cell = v.matrix.cells['video.technology']
    expect(cell).toMatchObject({
      median: 3,
      min: 3,
      max: 5,
      count: 3,
      previousMedian: 2,
      disagreement: true,
    })
    expect(v.moves.map((m) => [m.analyst, m.from, m.to])).toEqual([
      ['Ana', 2, 3],
      ['Bo', 2, 3],
      ['Cy', 2, 5],
    ])
    expect(v.matrix.disagreements).toHaveLength(1)
    expect(v.matrix.disagreements[0].scores.map((s) => s.level)).toEqual([5, 3, 3])
    expect(v.history).toHaveLength(1)
    expect(v.history[0].dimension.slug).toBe('technology')
    const rows = v.history[0].chart.rows
    expect(rows.at(-1)).toMatchObject({ week, m_video: 3 })
    expect(rows.at(-2)).toMatchObject({ week: lastWeek, m_video: 2 })
    expect(v.watchlists.events.map((e) => [e.kind, e.nameEn, e.text])).toEqual([['add', companyName, 'AI design tools in e-commerce']])
  })

  it('is unchanged when a score, a watchlist, an estimate and the notes change after the week', async () => {
    const before = await view(week)
    // An analyst changes their score in the old week (an administrator reopens it first if a meeting locked it).
    if ((await getWeekLock(conn.db, ids.theme, week, current)).state === 'locked')
      await reopenWeek(conn.db, { id: admin.id }, ids.theme, week)
    const outcome = await saveScore(
      conn.db,
      { id: analysts[2].id },
      {
        themeId: ids.theme,
        modality: 'video',
        dimension: 'technology',
        week,
        level: 3,
        reason: 'on reflection',
        documentIds: [],
        mentionIds: [],
      },
    )
    expect(outcome.outcome).toBe('replaced')
    await addEstimate(conn.db, { id: analysts[0].id }, ids.theme, ids.stock, {
      source: 'Later paper',
      estimatedOn: new Date().toISOString().slice(0, 10),
      yearFrom: 2031,
      yearTo: 2040,
      note: '',
    })
    await conn.db
      .updateTable('watchlist_entry')
      .set({ removed_at: new Date(), removed_reason: 'later' })
      .where('watchlist_id', '=', ids.watchlist)
      .where('company_id', '=', ids.company)
      .execute()
    await saveMeetingNotes(conn.db, { id: admin.id }, ids.theme, lastWeek, {
      notesMd: 'written long after',
      actionsMd: '- later',
    })

    const after = await view(week)
    expect(after.matrix).toEqual(before.matrix)
    expect(after.moves).toEqual(before.moves)
    expect(after.history).toEqual(before.history)
    expect(after.watchlists).toEqual(before.watchlists)
    expect(after.estimates).toEqual(before.estimates)
    // The previous meeting now exists, but its notes were written after this week ended.
    expect(after.previousNotes).toMatchObject({
      week: lastWeek,
      notesMd: '',
      actionsMd: '',
    })
    // The week in progress sees the new estimate.
    const now = await view(current)
    expect(now.estimates.current.map((e) => e.source)).toContain('Later paper')
  })

  it('opens the next meeting with the notes saved at this one', async () => {
    const previous = shiftIsoWeek(current, -1)
    await saveMeetingNotes(conn.db, { id: admin.id }, ids.theme, previous, {
      notesMd: 'Video moved: **watch Sora**',
      actionsMd: '- Bo: check 3D datasets',
    })
    const v = await view(current)
    expect(v.previousNotes).toMatchObject({
      week: previous,
      notesMd: 'Video moved: **watch Sora**',
      actionsMd: '- Bo: check 3D datasets',
    })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('action', '=', 'meeting.notes')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.new_value).toMatchObject({
      week: previous,
      notesMd: 'Video moved: **watch Sora**',
    })
  })

  it('gives empty slides for a week without data', async () => {
    const v = await view('2019-W10')
    expect(v.matrix.cells).toEqual({})
    expect(v.moves).toEqual([])
    expect(v.history).toEqual([])
    expect(v.watchlists.events).toEqual([])
    expect(v.estimates.current).toEqual([])
    expect(v.documents.total).toBe(0)
    expect(v.mentions.top).toEqual([])
    expect(v.previousNotes).toBeNull()
  })
})

describe('the meeting routes', () => {
  const get = (path: string, week: string, cookie = cookies.viewer) =>
    respond(() =>
      meetingLoader({
        request: getRequest(path, cookie),
        params: { week },
        context: contextFor(conn),
      }),
    )

  it('answers 404 with a message for weeks that do not exist and unknown themes', async () => {
    for (const bad of ['2026-W60', 'foo', '2025-W53']) expect((await get(`/meetings/${bad}`, bad)).status).toBe(404)
    const res = await get(`/meetings/${week}?theme=no-such-theme`, week)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ messageKey: 'meeting.themeNotFound', params: { slug: 'no-such-theme' } })
  })

  it('renders a week, empty or not, and /meetings goes to this week', async () => {
    expect((await get(`/meetings/2019-W10`, '2019-W10')).status).toBe(200)
    const res = await get(`/meetings/${week}?theme=${SLUG}`, week)
    const data = await res.json()
    expect(data.charts.history).toHaveLength(1)
    expect(data.charts.history[0].svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(data.charts.history[0].svg).not.toMatch(/<script|on\w+=/i)
    const index = await respond(() =>
      indexLoader({
        request: getRequest('/meetings?theme=multimodal-ai', cookies.viewer),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(index.headers.get('Location')).toBe(`/meetings/${current}?theme=multimodal-ai`)
  })

  it('lets an analyst save notes, refuses viewers, over-long text and future weeks', async () => {
    const post = (w: string, fields: Record<string, string>, cookie: string) =>
      respond(() =>
        meetingAction({
          request: postForm(`/meetings/${w}?theme=${SLUG}`, fields, cookie),
          params: { week: w },
          context: contextFor(conn),
        }),
      )
    expect((await post(current, { notesMd: 'x', actionsMd: '' }, cookies.viewer)).status).toBe(403)
    const tooLong = await post(current, { notesMd: 'x'.repeat(20_001), actionsMd: '' }, cookies.analyst)
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json()).errors.notesMd).toBe('validation.tooLong?max=20000')
    const future = await post(shiftIsoWeek(current, 2), { notesMd: 'x', actionsMd: '' }, cookies.analyst)
    expect(future.status).toBe(400)
    expect(
      await conn.db.selectFrom('meeting').select('id').where('iso_week', '=', shiftIsoWeek(current, 2)).executeTakeFirst(),
    ).toBeUndefined()
    const ok = await post(current, { notesMd: '<script>alert(1)</script> decided', actionsMd: '- a' }, cookies.analyst)
    expect(ok.status).toBe(200)
    const page = await (await get(`/meetings/${current}?theme=${SLUG}`, current)).json()
    expect(page.notesHtml).not.toContain('<script>')
    expect(page.notesHtml).toContain('decided')
  })

  it('exports the meeting as XLSX with formula-like text neutralised', async () => {
    const res = await respond(() =>
      exportLoader({
        request: getRequest(`/meetings/${week}/export?theme=${SLUG}`, cookies.viewer),
        params: { week },
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(8)
    const moves = workbook.worksheets[2]
    const reasons = moves.getColumn(6).values.map(String)
    expect(reasons).toContain(`'=HYPERLINK("http://evil.example","x")`)
    expect(reasons.some((r) => r.startsWith('='))).toBe(false)
  })
})
