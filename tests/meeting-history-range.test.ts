import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadMeetingView, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import { weekStartsAt } from '#app/scoring/week-time.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createScore, createUser } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// Issue 16: the meeting's history slide opens on the range that has data, as the meeting's
// week stood: a theme scored for five weeks charts those five weeks, not twelve with seven
// blank ones in front.

// The team's default clock.
const ZONE = 'Asia/Shanghai'
let conn: Connection
let week: string
let firstWeek: string

beforeAll(async () => {
  conn = await createTestDatabase()
  week = shiftIsoWeek(isoWeekOf(new Date(), ZONE), -10)
  firstWeek = shiftIsoWeek(week, -4)
  const grid = await createScoringTheme(conn.db, { modalities: ['video'], dimensions: ['technology'], theme: { slug: 'five-weeks' } })
  const analyst = await createUser(conn.db, { displayName: 'Ana' })
  const levels = [1, 1, 2, 2, 3]
  for (const [i, level] of levels.entries()) {
    const w = shiftIsoWeek(firstWeek, i)
    await createScore(conn.db, {
      themeId: grid.theme.id,
      modalityId: grid.modality.video,
      dimensionId: grid.dimension.technology,
      userId: analyst.id,
      week: w,
      level,
      savedAt: new Date(weekStartsAt(w, ZONE).getTime() + 30 * 3600_000),
    })
  }
  // Scored later, back-dated to a week before: the old meeting does not see it.
  await createScore(conn.db, {
    themeId: grid.theme.id,
    modalityId: grid.modality.video,
    dimensionId: grid.dimension.technology,
    userId: (await createUser(conn.db, { displayName: 'Bo' })).id,
    week: shiftIsoWeek(firstWeek, -3),
    level: 1,
    savedAt: new Date(weekStartsAt(shiftIsoWeek(week, 2), ZONE).getTime()),
  })
}, 120_000)
afterAll(async () => {
  await conn.close()
})

describe("the meeting's consensus history", () => {
  it('starts at the first scored week as the meeting week stood', async () => {
    const { theme } = await resolveMeetingTheme(conn.db, 'five-weeks')
    const view = await loadMeetingView(conn.db, theme!, week)
    expect(view.historyFrom).toBe(firstWeek)
    expect(view.history).toHaveLength(1)
    const rows = view.history[0].chart.rows
    expect(rows.map((r) => r.week)).toEqual([0, 1, 2, 3, 4].map((i) => shiftIsoWeek(firstWeek, i)))
    expect(rows.map((r) => r.m_video)).toEqual([1, 1, 2, 2, 3])
  })
})
