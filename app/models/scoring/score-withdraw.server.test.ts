import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createDimension, createModality, createRubric, createTheme, createUser } from '#tests/factories.ts'
import { scoreInput, scoringRefusal } from '#tests/fixtures/score-input.ts'

import { listConsensus, loadWeekScores } from './consensus-query.server.ts'
import { saveScore, type ScoreInput } from './score.server.ts'
import { withdrawScore } from './score-withdraw.server.ts'

// Issue 15 item 7: an analyst withdraws a score (the cell is cleared, consensus stops
// counting it, the history and the audit log keep it), and a digit corrected within two
// minutes of the first save replaces it without a reason.

let conn: Connection
let themeId: number
let rubricSlug: string
let ana: { id: number }
let bo: { id: number }
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')
const lastWeek = shiftIsoWeek(thisWeek, -1)

beforeAll(async () => {
  conn = await createTestDatabase()
  const rubric = await createRubric(conn.db, { levels: 5 })
  rubricSlug = rubric.slug
  themeId = (await createTheme(conn.db, { rubricId: rubric.id })).id
  for (const slug of ['video', 'audio', 'text']) await createModality(conn.db, { themeId, slug })
  await createDimension(conn.db, { themeId, slug: 'technology' })
  ana = await createUser(conn.db, { role: 'analyst' })
  bo = await createUser(conn.db, { role: 'analyst' })
})
afterAll(async () => {
  await conn.close()
})

const input = (over: Partial<ScoreInput> = {}): ScoreInput => scoreInput({ themeId, week: thisWeek }, over)
const cell = (over: { modality?: string; week?: string; reason?: string } = {}) => ({
  themeId,
  modality: 'video',
  dimension: 'technology',
  week: thisWeek,
  reason: '',
  ...over,
})
const backdate = (scoreId: number, minutes: number) =>
  conn.db
    .updateTable('score')
    .set({ created_at: new Date(Date.now() - minutes * 60_000) })
    .where('id', '=', scoreId)
    .execute()

describe('correcting a digit', () => {
  it('replaces a fresh score without a reason, but asks for one once two minutes have passed', async () => {
    const first = await saveScore(conn.db, { id: ana.id }, input({ modality: 'audio', level: 2 }))
    const fixed = await saveScore(conn.db, { id: ana.id }, input({ modality: 'audio', level: 3 }))
    expect(fixed).toMatchObject({ scoreId: first.scoreId, outcome: 'replaced', moved: false })
    await backdate(first.scoreId, 3)
    expect(await scoringRefusal(saveScore(conn.db, { id: ana.id }, input({ modality: 'audio', level: 4 })))).toBe('reasonRequired')
  })

  it('still asks for a reason when the corrected level differs from last week', async () => {
    await saveScore(conn.db, { id: ana.id }, input({ modality: 'text', week: lastWeek, level: 2 }))
    await saveScore(conn.db, { id: ana.id }, input({ modality: 'text', level: 2 }))
    expect(await scoringRefusal(saveScore(conn.db, { id: ana.id }, input({ modality: 'text', level: 4 })))).toBe('reasonRequired')
    expect(await scoringRefusal(saveScore(conn.db, { id: ana.id }, input({ modality: 'text', level: 4, reason: 'GPT-5' })))).toBeNull()
  })
})

describe('withdrawing a score', () => {
  it('clears the cell: consensus no longer counts it, the history shows the withdrawal, the audit log keeps the old value', async () => {
    const mine = await saveScore(conn.db, { id: ana.id }, input({ level: 1 }))
    await saveScore(conn.db, { id: bo.id }, input({ level: 4 }))
    const video = async () => {
      const rows = await listConsensus(conn.db, themeId, { rubricSlug, fromWeek: thisWeek, toWeek: thisWeek }, 2)
      const id = (await conn.db.selectFrom('modality').select('id').where('slug', '=', 'video').executeTakeFirstOrThrow()).id
      return rows.find((r) => r.modalityId === id)
    }
    expect(await video()).toMatchObject({ count: 2, median: 2.5, disagreement: true })
    const beforeWithdrawal = new Date()

    await withdrawScore(conn.db, { id: ana.id }, cell({ reason: 'scored the wrong cell' }))
    expect(await conn.db.selectFrom('score').select('id').where('id', '=', mine.scoreId).executeTakeFirst()).toBeUndefined()
    expect(await video()).toMatchObject({ count: 1, median: 4, disagreement: false })

    const revisions = await conn.db
      .selectFrom('score_revision')
      .select(['level', 'withdrawn', 'reason'])
      .where('score_id', '=', mine.scoreId)
      .orderBy('id')
      .execute()
    expect(revisions).toEqual([
      { level: 1, withdrawn: false, reason: '' },
      { level: 1, withdrawn: true, reason: 'scored the wrong cell' },
    ])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'new_value'])
      .where('action', '=', 'score.withdraw')
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toMatchObject({ level: 1 })
    expect(audit.new_value).toMatchObject({ modality: 'video', week: thisWeek, reason: 'scored the wrong cell' })

    // The week as it stood before the withdrawal still has the score; as it stands now, not.
    const asOfBefore = await loadWeekScores(conn.db, themeId, thisWeek, beforeWithdrawal)
    expect(asOfBefore.filter((s) => s.userId === ana.id && s.level === 1)).toHaveLength(1)
    const asOfNow = await loadWeekScores(conn.db, themeId, thisWeek, new Date(Date.now() + 1000))
    expect(asOfNow.filter((s) => s.userId === ana.id && s.level === 1)).toHaveLength(0)
  })

  it('lets the analyst score the cell again, and refuses to withdraw what is not there', async () => {
    expect(await scoringRefusal(withdrawScore(conn.db, { id: ana.id }, cell()))).toBe('nothingToWithdraw')
    expect(await scoringRefusal(saveScore(conn.db, { id: ana.id }, input({ level: 3 })))).toBeNull()
    expect(await scoringRefusal(withdrawScore(conn.db, { id: bo.id }, cell({ modality: 'text' })))).toBe('nothingToWithdraw')
  })

  it('refuses a locked week and leaves the score', async () => {
    const old = shiftIsoWeek(thisWeek, -6)
    await saveScore(conn.db, { id: bo.id }, input({ week: old, level: 2 }))
    await conn.db
      .insertInto('meeting')
      .values({ theme_id: themeId, iso_week: shiftIsoWeek(thisWeek, -2) })
      .execute()
    expect(await scoringRefusal(withdrawScore(conn.db, { id: bo.id }, cell({ week: old })))).toBe('weekLocked')
    expect(await conn.db.selectFrom('score').select('id').where('iso_week', '=', old).execute()).toHaveLength(1)
  })
})
