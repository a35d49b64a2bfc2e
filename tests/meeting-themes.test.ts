import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as meetingAction, loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createUser, getRequest, postForm, respond } from './factories.ts'
import { createMeetingWeek, MEETING_THEME } from './fixtures/meeting-week.ts'

// A meeting that covers several themes (decision 040): the lead picks the further ones on
// the meeting page; the page then carries each theme's slides after the meeting's own.

let conn: Connection
let week: string
let cookies: { viewer: string; analyst: string }

beforeAll(async () => {
  conn = await createTestDatabase()
  const made = await createMeetingWeek(conn.db)
  week = made.week
  await createTheme(conn.db, { slug: 'humanoid-robots', nameEn: 'Humanoid robots', nameZh: '人形机器人', status: 'active' })
  await createTheme(conn.db, { slug: 'old-theme', status: 'archived' })
  cookies = {
    viewer: await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id),
    analyst: await cookieFor(conn.db, made.analysts[0].id),
  }
}, 120_000)
afterAll(() => conn.close())

const path = () => `/meetings/${week}?theme=${MEETING_THEME}`
const post = (fields: Record<string, string | string[]>, cookie: string) =>
  respond(() => meetingAction({ request: postForm(path(), fields, cookie), params: { week }, context: contextFor(conn) }))
const load = async () =>
  (await respond(() => meetingLoader({ request: getRequest(path(), cookies.viewer), params: { week }, context: contextFor(conn) }))).json()

describe('a meeting of several themes', () => {
  it('shows only its own theme until the lead adds another, then that theme’s slides after it', async () => {
    expect((await load()).more).toEqual([])
    expect((await post({ intent: 'themes', themes: 'humanoid-robots' }, cookies.viewer)).status).toBe(403)
    const refused = await post({ intent: 'themes', themes: ['humanoid-robots', 'old-theme'] }, cookies.analyst)
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors.themes).toBe('meeting.themes.unknown')

    expect((await post({ intent: 'themes', themes: ['humanoid-robots', MEETING_THEME] }, cookies.analyst)).status).toBe(200)
    const data = await load()
    expect(data.theme.slug).toBe(MEETING_THEME)
    expect(data.more.map((g: { theme: { slug: string } }) => g.theme.slug)).toEqual(['humanoid-robots'])
    expect(data.more[0].view.week).toBe(week)
    expect(data.more[0].charts).toBeTruthy()

    // Nothing ticked: back to one theme.
    expect((await post({ intent: 'themes' }, cookies.analyst)).status).toBe(200)
    expect((await load()).more).toEqual([])
  })
})
