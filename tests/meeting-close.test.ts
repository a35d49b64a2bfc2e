import { type Kysely, Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeMeetingWeeks, getMeeting, openMeetingWeeks, saveMeetingNotes } from '#app/models/meeting/index.server.ts'
import { currentTeamWeek, getWeekLock } from '#app/models/scoring/index.server.ts'
import { action as meetingAction } from '#app/routes/meetings.$week.tsx'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import { type Connection, openPglite } from '#db/connection.ts'
import { migrations } from '#db/migrations/index.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createUser, postForm, respond } from './factories.ts'

// Closing the weeks before a meeting is its own action (decision 040): saving notes locks
// nothing; "Close week" does, says who and when, and an administrator can open it again.
// The migration keeps every week that a notes save had locked locked.

let conn: Connection
let thisWeek: string
let lastWeek: string
let lead: { id: number }
let admin: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  thisWeek = await currentTeamWeek(conn.db)
  lastWeek = shiftIsoWeek(thisWeek, -1)
  lead = await createUser(conn.db, { displayName: 'Lena Lead', role: 'analyst' })
  admin = await createUser(conn.db, { displayName: 'Ada Admin', role: 'admin' })
})
afterAll(() => conn.close())

const stateOf = async (themeId: number, week: string) => (await getWeekLock(conn.db, themeId, week, thisWeek)).state

describe('closing the weeks before a meeting', () => {
  it('leaves last week open when the notes are saved, and locks it once the lead closes', async () => {
    const theme = await createTheme(conn.db)
    await saveMeetingNotes(conn.db, lead, theme.id, thisWeek, { notesMd: 'Agenda: video.', actionsMd: '' }, 0)
    expect(await stateOf(theme.id, lastWeek)).toBe('open')

    expect(await closeMeetingWeeks(conn.db, lead, theme.id, thisWeek)).toBe('closed')
    expect(await stateOf(theme.id, lastWeek)).toBe('locked')
    expect(await stateOf(theme.id, thisWeek)).toBe('open')
    const meeting = await getMeeting(conn.db, theme.id, thisWeek)
    expect(meeting).toMatchObject({ closedBy: 'Lena Lead', notesMd: 'Agenda: video.' })
    expect(meeting?.closedAt).toBeInstanceOf(Date)
    expect(await closeMeetingWeeks(conn.db, lead, theme.id, thisWeek)).toBe('unchanged')

    expect(await openMeetingWeeks(conn.db, admin, theme.id, thisWeek)).toBe('opened')
    expect(await stateOf(theme.id, lastWeek)).toBe('open')
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'user_id as userId'])
      .where('entity_type', '=', 'meeting')
      .where('entity_id', '=', String(meeting!.id))
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'meeting.notes', userId: lead.id },
      { action: 'meeting.close', userId: lead.id },
      { action: 'meeting.reopen', userId: admin.id },
    ])
  })

  it('closes a meeting without notes, and notes saved afterwards are not a conflict', async () => {
    const theme = await createTheme(conn.db)
    await closeMeetingWeeks(conn.db, lead, theme.id, thisWeek)
    expect(await stateOf(theme.id, lastWeek)).toBe('locked')
    // The notes form was opened before the close, at version 0 (no meeting yet).
    expect(await saveMeetingNotes(conn.db, admin, theme.id, thisWeek, { notesMd: 'Decided.', actionsMd: '' }, 0)).toBe('updated')
    expect(await getMeeting(conn.db, theme.id, thisWeek)).toMatchObject({ notesMd: 'Decided.', version: 1, closedBy: 'Lena Lead' })
  })
})

describe('the Close week button', () => {
  const as = async (week: string, fields: Record<string, string>, userId: number, slug: string) =>
    respond(async () =>
      meetingAction({
        request: postForm(`/meetings/${week}?theme=${slug}`, fields, await cookieFor(conn.db, userId)),
        params: { week },
        context: contextFor(conn),
      }),
    )

  it('is for analysts and up; opening again is for administrators; a future week is refused with a message', async () => {
    const theme = await createTheme(conn.db, { status: 'active' })
    const viewer = await createUser(conn.db, { role: 'viewer' })
    expect((await as(thisWeek, { intent: 'close' }, viewer.id, theme.slug)).status).toBe(403)
    const future = await as(shiftIsoWeek(thisWeek, 1), { intent: 'close' }, lead.id, theme.slug)
    expect(future.status).toBe(400)
    expect((await future.json()).errors.form).toBe('meeting.close.futureWeek')

    const closed = await as(thisWeek, { intent: 'close' }, lead.id, theme.slug)
    expect(closed.status).toBe(200)
    expect(await closed.json()).toEqual({ ok: true, intent: 'close' })
    expect(await stateOf(theme.id, lastWeek)).toBe('locked')
    expect((await as(thisWeek, { intent: 'open' }, lead.id, theme.slug)).status).toBe(403)
    expect(await stateOf(theme.id, lastWeek)).toBe('locked')
    expect((await as(thisWeek, { intent: 'open' }, admin.id, theme.slug)).status).toBe(200)
    expect(await stateOf(theme.id, lastWeek)).toBe('open')
    expect((await as(thisWeek, { intent: 'shred' }, lead.id, theme.slug)).status).toBe(400)
  })
})

describe('the migration', () => {
  const MINE = '2026-12-05T01-10-00_meeting_close'
  const names = Object.keys(migrations).sort()
  const BEFORE = names[names.indexOf(MINE) - 1]
  const migrator = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } })

  it('closes every meeting that exists, as of its first notes save and by whoever made it', async () => {
    const old = await openPglite()
    try {
      const db = old.db as Kysely<any>
      expect((await migrator(db).migrateTo(BEFORE)).error).toBeUndefined()
      const user = (
        await sql<{
          id: number
        }>`insert into app_user (email, display_name, password_hash, role) values ('l@x.test', 'L', 'x', 'admin') returning id`.execute(db)
      ).rows[0].id
      const theme = (await sql<{ id: number }>`insert into theme (slug, name_en, name_zh) values ('t', 'T', '题') returning id`.execute(db))
        .rows[0].id
      const saved = (
        await sql<{
          id: number
        }>`insert into meeting (theme_id, iso_week, updated_at) values (${theme}, '2026-W40', '2026-10-05T08:00:00Z') returning id`.execute(
          db,
        )
      ).rows[0].id
      await sql`insert into audit_log (at, user_id, action, entity_type, entity_id) values ('2026-10-01T09:00:00Z', ${user}, 'meeting.notes', 'meeting', ${String(saved)})`.execute(
        db,
      )
      await sql`insert into audit_log (at, user_id, action, entity_type, entity_id) values ('2026-10-03T09:00:00Z', null, 'meeting.notes', 'meeting', ${String(saved)})`.execute(
        db,
      )
      const seeded = (
        await sql<{
          id: number
        }>`insert into meeting (theme_id, iso_week, updated_at) values (${theme}, '2026-W41', '2026-10-12T08:00:00Z') returning id`.execute(
          db,
        )
      ).rows[0].id
      expect((await migrator(db).migrateTo(MINE)).error).toBeUndefined()
      const rows = await sql<{ id: number; closedAt: Date; closedBy: number | null }>`
        select id, closed_at as "closedAt", closed_by as "closedBy" from meeting order by id`.execute(db)
      expect(rows.rows).toEqual([
        { id: saved, closedAt: new Date('2026-10-01T09:00:00Z'), closedBy: user },
        { id: seeded, closedAt: new Date('2026-10-12T08:00:00Z'), closedBy: null },
      ])
    } finally {
      await old.close()
    }
  }, 180_000)
})
