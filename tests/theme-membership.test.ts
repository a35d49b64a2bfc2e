import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getCompany } from '#app/models/company/company.server.ts'
import { listMembershipSinceLastMeeting, listThemeMembersAsOf } from '#app/models/theme/index.server.ts'
import { loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import { loader as themeLoader } from '#app/routes/themes.$slug.tsx'
import { weekEndsAt, weekStartsAt } from '#app/scoring/week-time.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createMeeting,
  createTheme,
  createThemeCompany,
  createUser,
  getRequest,
  respond,
} from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// Membership over time (decision 039): a company's link to a theme has a reason and a
// period; removing it ends the period, adding it again starts a new one, and a past week
// (the theme page as a week ended, the meeting of that week) shows the members as they were.

const TZ = 'Asia/Shanghai'
const SLUG = 'humanoid-robots'
const PAST = 'humanoid-past'
let conn: Connection
let analyst: string
let viewer: string
const { edit, page } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)
const day = (week: string, n: number) => new Date(weekStartsAt(week, TZ).getTime() + n * 86_400_000 + 3_600_000)

interface Change {
  kind: string
  nameEn: string
  reason: string
}
const changesOf = (data: { membership: { changes: Change[] } }) => data.membership.changes.map((c) => `${c.kind} ${c.nameEn}`)

beforeAll(async () => {
  conn = await createTestDatabase()
  await createTheme(conn.db, { slug: SLUG })
  await createCompany(conn.db, { nameEn: 'Ubtech', nameZh: '优必选', aliases: [{ text: '优必选' }] })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('adding, removing and adding again', () => {
  it('asks for a reason, ends the membership on removal and starts a new period on re-adding', async () => {
    const noReason = await edit({
      intent: 'linkCompany',
      formKey: 'link-company',
      company: '优必选',
      role: 'driver',
      exposure: 'high',
      reason: ' ',
    })
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).errors.reason).toBeTruthy()

    const reason = 'Walker S humanoids in car factories'
    const added = await edit({
      intent: 'linkCompany',
      formKey: 'link-company',
      company: '优必选',
      role: 'driver',
      exposure: 'high',
      reason,
    })
    expect(added.status).toBe(200)
    let data = await page()
    expect(data.companies).toMatchObject([{ nameEn: 'Ubtech', reason }])
    expect(data.membership.changes).toMatchObject([{ kind: 'joined', nameEn: 'Ubtech', reason }])
    const companyId = data.companies[0].id as number
    expect((await getCompany(conn.db, companyId))?.themes.map((t: { slug: string }) => t.slug)).toContain(SLUG)

    expect((await edit({ intent: 'unlinkCompany', formKey: `company-${companyId}`, companyId: String(companyId) })).status).toBe(200)
    data = await page()
    expect(data.companies).toEqual([])
    expect(changesOf(data).sort()).toEqual(['joined Ubtech', 'left Ubtech'])
    // The company page lists only the themes it belongs to now.
    expect((await getCompany(conn.db, companyId))?.themes.map((t: { slug: string }) => t.slug)).not.toContain(SLUG)

    const again = await edit({
      intent: 'linkCompany',
      formKey: 'link-company',
      company: 'Ubtech',
      role: 'enabler',
      exposure: 'low',
      reason: 'Back',
    })
    expect(again.status).toBe(200)
    data = await page()
    expect(data.companies).toMatchObject([{ nameEn: 'Ubtech', role: 'enabler', reason: 'Back' }])
    expect(changesOf(data).sort()).toEqual(['joined Ubtech', 'joined Ubtech', 'left Ubtech'])
    const periods = await conn.db
      .selectFrom('theme_company')
      .select(['valid_from', 'valid_to', 'reason'])
      .where('company_id', '=', companyId)
      .orderBy('id')
      .execute()
    expect(periods).toHaveLength(2)
    expect(periods[0]).toMatchObject({ reason })
    expect(periods[0].valid_to).toBeInstanceOf(Date)
    expect(periods[1]).toMatchObject({ reason: 'Back', valid_to: null })
  })
})

describe('a past week', () => {
  let themeId: number
  let leaver: number
  let joiner: number
  beforeAll(async () => {
    themeId = (await createTheme(conn.db, { slug: PAST })).id
    leaver = (await createCompany(conn.db, { nameEn: 'Leaver Robotics', nameZh: '离开机器人' })).id
    joiner = (await createCompany(conn.db, { nameEn: 'Joiner Motion', nameZh: '加入运动' })).id
    // Leaver: a member from W40 until Wednesday of W44; Joiner: from Tuesday of W44 on.
    await createThemeCompany(conn.db, {
      themeId,
      companyId: leaver,
      reason: 'Actuators',
      validFrom: day('2026-W40', 0),
      validTo: day('2026-W44', 2),
    })
    await createThemeCompany(conn.db, { themeId, companyId: joiner, reason: 'Reducers for hands', validFrom: day('2026-W44', 1) })
  })

  it('the theme page shows the members as any week ended, in the address ?members=', async () => {
    const asOf = async (week: string) => {
      const res = await respond(() =>
        themeLoader({ request: getRequest(`/themes/${PAST}?members=${week}`, viewer), params: { slug: PAST }, context: contextFor(conn) }),
      )
      expect(res.status).toBe(200)
      return (await res.json()).membership.asOf
    }
    expect((await asOf('2026-W42')).members.map((m: { nameEn: string }) => m.nameEn)).toEqual(['Leaver Robotics'])
    expect((await asOf('2026-W45')).members.map((m: { nameEn: string }) => m.nameEn)).toEqual(['Joiner Motion'])
    expect((await asOf('2026-W39')).members).toEqual([])
    // Lower case is read as the same week; nonsense is ignored.
    expect(await asOf('2026-w42')).toMatchObject({ week: '2026-W42', ended: true })
    expect(await asOf('nonsense')).toBeNull()
    const members = await listThemeMembersAsOf(conn.db, themeId, weekEndsAt('2026-W44', TZ))
    expect(members).toMatchObject([{ nameEn: 'Joiner Motion', reason: 'Reducers for hands' }])
  })

  it('the meeting of that week shows who joined and left, and a week without changes shows none', async () => {
    const meeting = async (week: string) => {
      const res = await respond(() =>
        meetingLoader({ request: getRequest(`/meetings/${week}?theme=${PAST}`, viewer), params: { week }, context: contextFor(conn) }),
      )
      expect(res.status).toBe(200)
      return (await res.json()).membership
    }
    const w44 = await meeting('2026-W44')
    expect(w44.size).toBe(1)
    expect(w44.changes.map((c: Change) => `${c.kind} ${c.nameEn}`)).toEqual(['left Leaver Robotics', 'joined Joiner Motion'])
    expect(w44.changes[1].reason).toBe('Reducers for hands')
    expect(await meeting('2026-W42')).toMatchObject({ size: 1, changes: [] })
  })
})

describe('since the last meeting', () => {
  it('counts from the end of the latest earlier meeting week', async () => {
    const themeId = (await createTheme(conn.db, { slug: 'since-meeting' })).id
    const thisWeek = isoWeekOf(new Date(), TZ)
    const meetingWeek = shiftIsoWeek(thisWeek, -2)
    await createMeeting(conn.db, { themeId, week: meetingWeek })
    const before = (await createCompany(conn.db, { nameEn: 'Before Meeting Co' })).id
    const after = (await createCompany(conn.db, { nameEn: 'After Meeting Co' })).id
    await createThemeCompany(conn.db, { themeId, companyId: before, validFrom: day(shiftIsoWeek(thisWeek, -3), 2) })
    await createThemeCompany(conn.db, { themeId, companyId: after, validFrom: day(shiftIsoWeek(thisWeek, -1), 2) })
    const since = await listMembershipSinceLastMeeting(conn.db, themeId)
    expect(since.lastMeetingWeek).toBe(meetingWeek)
    expect(since.changes.map((c) => c.nameEn)).toEqual(['After Meeting Co'])
  })
})
