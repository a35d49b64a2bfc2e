import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadMeetingView, resolveMeetingTheme, saveMeetingNotes } from '#app/models/meeting/index.server.ts'
import { getWeekLock, reopenWeek, saveScore } from '#app/models/scoring/index.server.ts'
import { addEstimate } from '#app/models/theme/index.server.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createUser } from './factories.ts'
import { createMeetingWeek, MEETING_THEME } from './fixtures/meeting-week.ts'

// The weekly meeting reads a week as it stood when the week ended: scores, watchlist
// changes, estimates and the previous meeting's notes changed afterwards do not alter an
// old meeting. Weeks without data give empty slides. The routes are in meetings-routes.test.ts.

let conn: Connection
let current: string
let week: string
let lastWeek: string
let themeId: number
let watchlistId: number
let stockId: number
let company: { id: number; nameEn: string }
let analysts: { id: number; displayName: string }[]
let admin: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  ;({ current, week, lastWeek, analysts, themeId, watchlistId, stockId, company } = await createMeetingWeek(conn.db))
  admin = await createUser(conn.db, { role: 'admin' })
}, 120_000)
afterAll(async () => {
  await conn.close()
})

async function view(w: string) {
  const { theme } = await resolveMeetingTheme(conn.db, MEETING_THEME)
  return loadMeetingView(conn.db, theme!, w)
}

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
    expect(v.watchlists.events.map((e) => [e.kind, e.nameEn, e.text])).toEqual([['add', company.nameEn, 'AI design tools in e-commerce']])
  })

  it('is unchanged when a score, a watchlist, an estimate and the notes change after the week', async () => {
    const before = await view(week)
    // An analyst changes their score in the old week (an administrator reopens it first if a meeting locked it).
    if ((await getWeekLock(conn.db, themeId, week, current)).state === 'locked') await reopenWeek(conn.db, { id: admin.id }, themeId, week)
    const outcome = await saveScore(
      conn.db,
      { id: analysts[2].id },
      {
        themeId: themeId,
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
    await addEstimate(conn.db, { id: analysts[0].id }, themeId, stockId, {
      source: 'Later paper',
      estimatedOn: new Date().toISOString().slice(0, 10),
      yearFrom: 2031,
      yearTo: 2040,
      note: '',
    })
    await conn.db
      .updateTable('watchlist_entry')
      .set({ removed_at: new Date(), removed_reason: 'later' })
      .where('watchlist_id', '=', watchlistId)
      .where('company_id', '=', company.id)
      .execute()
    await saveMeetingNotes(conn.db, { id: admin.id }, themeId, lastWeek, {
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
    await saveMeetingNotes(conn.db, { id: admin.id }, themeId, previous, {
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
