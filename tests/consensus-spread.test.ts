import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as settingsAction, loader as settingsLoader } from '#app/routes/admin.settings.tsx'
import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'
import { scoringRoutes } from './fixtures/scoring-routes.ts'

// Issue 15 item 6: the consensus says how sure it is. Per cell the median, n, the
// interquartile range and the share within one level of the median; the disagreement rule
// is a team setting (range >= 2, or IQR >= 1.5); the consensus page shows week-over-week
// stability.

type Who = 'admin' | 'a1' | 'a2' | 'a3' | 'a4' | 'viewer'
let conn: Connection
const cookies = {} as Record<Who, string>
const SLUG = 'spread-theme'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const lastWeek = shiftIsoWeek(week, -1)
const { score, load } = scoringRoutes(() => ({ conn, cookies, slug: SLUG, week }))

beforeAll(async () => {
  conn = await createTestDatabase()
  await createScoringTheme(conn.db, { modalities: ['text', 'video'], dimensions: ['technology'], theme: { slug: SLUG } })
  cookies.admin = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
  cookies.viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  for (const who of ['a1', 'a2', 'a3', 'a4'] as const)
    cookies[who] = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  // Video: three analysts agree on 3, one says 1 (an outlier). Text: the team splits 1,1 / 4,4.
  const video = { a1: 3, a2: 3, a3: 3, a4: 1 }
  const text = { a1: 1, a2: 1, a3: 4, a4: 4 }
  for (const [who, level] of Object.entries(video)) {
    expect((await score({ week: lastWeek, level: String(level) }, who as Who)).status).toBe(200)
    expect((await score({ level: String(level) }, who as Who)).status).toBe(200)
  }
  for (const [who, level] of Object.entries(text)) {
    expect((await score({ modality: 'text', week: lastWeek, level: '2' }, who as Who)).status).toBe(200)
    expect((await score({ modality: 'text', level: String(level), reason: 'moved' }, who as Who)).status).toBe(200)
  }
})
afterAll(async () => {
  await conn.close()
})

const setRule = (rule: string, who: Who = 'admin') =>
  respond(() =>
    settingsAction({
      request: postForm('/admin/settings', { intent: 'disagreementRule', rule }, cookies[who]),
      params: {},
      context: contextFor(conn),
    }),
  )
const gridTeam = async () => {
  const data = await (await load(scoreLoader, `/themes/${SLUG}/scores`, 'a1')).json()
  return { video: data.cells['video.technology'].team, text: data.cells['text.technology'].team }
}

describe('consensus spread and the disagreement rule', () => {
  it('gives the grid n, IQR and the share within one level beside the median', async () => {
    const { video, text } = await gridTeam()
    expect(video).toEqual({ median: 3, count: 4, min: 1, max: 3, iqr: 0.5, withinOne: 0.75, disagreement: true })
    expect(text).toMatchObject({ median: 2.5, count: 4, iqr: 3, withinOne: 0, disagreement: true })
  })

  it('flags only a split team once an administrator picks the IQR rule, everywhere', async () => {
    expect((await setRule('iqr')).status).toBe(200)
    const { video, text } = await gridTeam()
    expect(video.disagreement).toBe(false)
    expect(text.disagreement).toBe(true)
    const page = await (await load(consensusLoader, `/themes/${SLUG}/consensus?d=technology&range=12`, 'a1')).json()
    expect(page.rule).toEqual({ kind: 'iqr' })
    expect(Object.keys(page.matrix.cells).filter((k) => page.matrix.cells[k].disagreement)).toEqual(['text.technology'])
    expect(page.matrix.cells['video.technology']).toMatchObject({ count: 4, iqr: 0.5 })
    const settings = await (
      await respond(() => settingsLoader({ request: getRequest('/admin/settings', cookies.admin), params: {}, context: contextFor(conn) }))
    ).json()
    expect(settings.rule).toBe('iqr')
    expect((await setRule('range')).status).toBe(200)
    expect((await gridTeam()).video.disagreement).toBe(true)
  })

  it('refuses an unknown rule with 400 and non-administrators with 403, and audits the change', async () => {
    const bad = await setRule('vibes')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.rule).toBe('consensus.settings.invalid')
    expect((await setRule('iqr', 'a1')).status).toBe(403)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select('new_value')
      .where('action', '=', 'settings.disagreement_rule')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.new_value)).toEqual(['iqr', 'range'])
  })

  it('shows week-over-week stability on the consensus page', async () => {
    const page = await (await load(consensusLoader, `/themes/${SLUG}/consensus?d=technology&range=12`, 'viewer')).json()
    // Video stayed at 3; text moved from 2 to 2.5.
    expect(page.history.stability).toEqual([{ week, compared: 2, moved: 1, meanChange: 0.25, stable: 0.5 }])
  })
})
