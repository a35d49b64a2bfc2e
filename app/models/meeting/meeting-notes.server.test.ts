import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EditConflict } from '#app/utils/edit-conflict.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createTheme, createUser } from '#tests/factories.ts'

import { getMeeting, saveMeetingNotes } from './index.server.ts'

// Meeting notes carry the version the form was opened at; 0 means no meeting row yet.

let conn: Connection
let ana: { id: number }
let bo: { id: number }
const WEEK = '2026-W49'

beforeAll(async () => {
  conn = await createTestDatabase()
  ana = await createUser(conn.db, { displayName: 'Ana Analyst' })
  bo = await createUser(conn.db, { displayName: 'Bo Analyst' })
})
afterAll(() => conn.close())

async function refusal(run: Promise<unknown>): Promise<EditConflict> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(EditConflict)
  return error as EditConflict
}

describe('saving meeting notes from a version', () => {
  it('takes the first of two first saves and refuses the second with the saved notes', async () => {
    const theme = await createTheme(conn.db)
    expect(await saveMeetingNotes(conn.db, ana, theme.id, WEEK, { notesMd: 'Ana: video moved.', actionsMd: '- call Kuaishou' }, 0)).toBe(
      'created',
    )
    const conflict = await refusal(saveMeetingNotes(conn.db, bo, theme.id, WEEK, { notesMd: 'Bo: video stalled.', actionsMd: '' }, 0))
    expect(conflict).toMatchObject({ status: 409, messageKey: 'meeting.notes.conflict', field: 'notesMd', version: 1 })
    expect(conflict.current).toEqual({ notesMd: 'Ana: video moved.', actionsMd: '- call Kuaishou' })
    expect(conflict.yours).toEqual({ notesMd: 'Bo: video stalled.', actionsMd: '' })

    expect(
      await saveMeetingNotes(conn.db, bo, theme.id, WEEK, { notesMd: 'Ana: video moved. Bo: agreed.', actionsMd: '- call Kuaishou' }, 1),
    ).toBe('updated')
    expect(await getMeeting(conn.db, theme.id, WEEK)).toMatchObject({
      notesMd: 'Ana: video moved. Bo: agreed.',
      version: 2,
      updatedBy: 'Bo Analyst',
    })
  })

  it('lets exactly one of two concurrent saves from one version win', async () => {
    const theme = await createTheme(conn.db)
    await saveMeetingNotes(conn.db, ana, theme.id, WEEK, { notesMd: 'Start.', actionsMd: '' }, 0)
    for (const base of [1, 2]) {
      const results = await Promise.allSettled([
        saveMeetingNotes(conn.db, ana, theme.id, WEEK, { notesMd: `Ana ${base}`, actionsMd: '' }, base),
        saveMeetingNotes(conn.db, bo, theme.id, WEEK, { notesMd: `Bo ${base}`, actionsMd: '' }, base),
      ])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!
      const saved = await getMeeting(conn.db, theme.id, WEEK)
      expect((refused.reason as EditConflict).current.notesMd).toBe(saved?.notesMd)
      expect(saved?.version).toBe(base + 1)
    }
  })

  it('lets exactly one of two concurrent first saves create the meeting', async () => {
    const theme = await createTheme(conn.db)
    const results = await Promise.allSettled([
      saveMeetingNotes(conn.db, ana, theme.id, WEEK, { notesMd: 'Ana first.', actionsMd: '' }, 0),
      saveMeetingNotes(conn.db, bo, theme.id, WEEK, { notesMd: 'Bo first.', actionsMd: '' }, 0),
    ])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused')).sort()).toEqual(['created', 'refused'])
    expect((await getMeeting(conn.db, theme.id, WEEK))?.version).toBe(1)
  })

  it('saves without a version as before (last write wins)', async () => {
    const theme = await createTheme(conn.db)
    await saveMeetingNotes(conn.db, ana, theme.id, WEEK, { notesMd: 'One.', actionsMd: '' })
    await saveMeetingNotes(conn.db, bo, theme.id, WEEK, { notesMd: 'Two.', actionsMd: '' })
    expect(await getMeeting(conn.db, theme.id, WEEK)).toMatchObject({ notesMd: 'Two.', version: 2 })
  })
})
