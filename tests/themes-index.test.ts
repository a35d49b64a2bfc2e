import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader } from '#app/routes/themes._index.tsx'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createDimension,
  createMeeting,
  createModality,
  createRubric,
  createScore,
  createTheme,
  createThemeCompany,
  createUser,
  getRequest,
  respond,
} from './factories.ts'

// /themes lists the team's themes with this week's consensus moves, mentions and next
// meeting, archived ones in a table of their own; names in the reader's language.

let conn: Connection
let viewer: string
const week = isoWeekOf(new Date(), 'Asia/Shanghai')

interface Row {
  slug: string
  nameEn: string
  status: string
  stance: string
  companies: number
  consensusMoves: number
  mentions: number
  nextMeeting: { week: string; heldOn: string | null } | null
}

beforeAll(async () => {
  conn = await createTestDatabase()
  const rubric = await createRubric(conn.db)
  const robots = await createTheme(conn.db, {
    slug: 'robots',
    nameEn: 'Humanoid robots',
    nameZh: '人形机器人',
    stance: 'positive',
    rubricId: rubric.id,
  })
  await createTheme(conn.db, { slug: 'old-theme', nameEn: 'Metaverse', nameZh: '元宇宙', status: 'archived' })
  const [a, b] = [await createUser(conn.db, { role: 'analyst' }), await createUser(conn.db, { role: 'analyst' })]
  const hands = await createModality(conn.db, { themeId: robots.id })
  const [tech, cost] = [await createDimension(conn.db, { themeId: robots.id }), await createDimension(conn.db, { themeId: robots.id })]
  // Technology moves from 2 to 4 (both analysts); cost stays at 3.
  for (const user of [a, b]) {
    const cell = { themeId: robots.id, userId: user.id, modalityId: hands.id }
    await createScore(conn.db, { ...cell, dimensionId: tech.id, week: shiftIsoWeek(week, -1), level: 2 })
    await createScore(conn.db, { ...cell, dimensionId: tech.id, week, level: 4 })
    await createScore(conn.db, { ...cell, dimensionId: cost.id, week: shiftIsoWeek(week, -1), level: 3 })
    await createScore(conn.db, { ...cell, dimensionId: cost.id, week, level: 3 })
  }
  const ubtech = await createCompany(conn.db, { nameEn: 'Ubtech' })
  const gone = await createCompany(conn.db, { nameEn: 'Gone Robotics' })
  await createThemeCompany(conn.db, { themeId: robots.id, companyId: ubtech.id })
  await createThemeCompany(conn.db, { themeId: robots.id, companyId: gone.id, validFrom: new Date(Date.now() - 9e8), validTo: new Date() })
  // The weekly rollup: 5 + 2 mentions of the member, none counted for the company that left.
  await conn.db
    .insertInto('mention_week')
    .values([
      { company_id: ubtech.id, iso_week: week, language: 'en', mentions: 5, documents: 2 },
      { company_id: ubtech.id, iso_week: week, language: 'zh', mentions: 2, documents: 1 },
      { company_id: gone.id, iso_week: week, language: 'en', mentions: 9, documents: 3 },
      { company_id: ubtech.id, iso_week: shiftIsoWeek(week, -1), language: 'en', mentions: 40, documents: 9 },
    ])
    .execute()
  await createMeeting(conn.db, { themeId: robots.id, week: shiftIsoWeek(week, 1), heldOn: null })
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('/themes', () => {
  it('lists each theme with stance, status, consensus moves, mentions this week and the next meeting; archived apart', async () => {
    const res = await respond(() => loader({ request: getRequest('/themes', viewer), params: {}, context: contextFor(conn) }))
    expect(res.status).toBe(200)
    const data = (await res.json()) as { week: string; themes: Row[]; archived: Row[] }
    expect(data.week).toBe(week)
    expect(data.themes).toHaveLength(1)
    expect(data.themes[0]).toMatchObject({
      slug: 'robots',
      stance: 'positive',
      status: 'active',
      companies: 1,
      consensusMoves: 1,
      mentions: 7,
      nextMeeting: { week: shiftIsoWeek(week, 1), heldOn: null },
    })
    expect(data.archived.map((t) => t.slug)).toEqual(['old-theme'])
    expect(data.archived[0]).toMatchObject({ consensusMoves: 0, mentions: 0, nextMeeting: null })
  })
})
