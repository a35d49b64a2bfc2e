import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { setTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createDimension, createModality, createRubric, createTheme, createUser } from '#tests/factories.ts'
import { scoreInput, scoringRefusal } from '#tests/fixtures/score-input.ts'

import { saveScore, type ScoreInput } from './score.server.ts'
import { currentTeamWeek, getWeekLock, relockWeek, reopenWeek } from './score-week.server.ts'

let conn: Connection
let themeId: number
let analyst: { id: number }
let admin: { id: number }
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')
const lastWeek = shiftIsoWeek(thisWeek, -1)

beforeAll(async () => {
  conn = await createTestDatabase()
  const rubric = await createRubric(conn.db, { levels: 5 })
  themeId = (await createTheme(conn.db, { rubricId: rubric.id })).id
  for (const slug of ['video', 'audio', 'any-to-any']) await createModality(conn.db, { themeId, slug })
  await createDimension(conn.db, { themeId, slug: 'technology' })
  analyst = await createUser(conn.db, { role: 'analyst' })
  admin = await createUser(conn.db, { role: 'admin' })
})
afterAll(async () => {
  await conn.close()
})

const input = (over: Partial<ScoreInput> = {}): ScoreInput => scoreInput({ themeId, week: thisWeek }, over)
const refusal = scoringRefusal
const scoresOf = (userId: number, modality = 'video') =>
  conn.db
    .selectFrom('score')
    .innerJoin('modality', 'modality.id', 'score.modality_id')
    .select(['score.id', 'score.level', 'score.reason', 'score.iso_week', 'score.rubric_id'])
    .where('score.user_id', '=', userId)
    .where('modality.slug', '=', modality)
    .orderBy('score.iso_week')
    .execute()

/** Moves a score's first save back in time, past (or not past) the correction window. */
const firstSavedMinutesAgo = (scoreId: number, minutes: number) =>
  conn.db
    .updateTable('score')
    .set({ created_at: new Date(Date.now() - minutes * 60_000) })
    .where('id', '=', scoreId)
    .execute()

describe('saving a score', () => {
  it('creates the score, then a second edit in the same week replaces it and is audited with old and new values', async () => {
    const first = await saveScore(conn.db, { id: analyst.id }, input({ week: lastWeek, level: 2 }))
    expect(first.outcome).toBe('created')
    await firstSavedMinutesAgo(first.scoreId, 3)
    const second = await saveScore(conn.db, { id: analyst.id }, input({ week: lastWeek, level: 3, reason: 'Sora shows DiT scales' }))
    expect(second).toMatchObject({ scoreId: first.scoreId, outcome: 'replaced', moved: true })
    const rows = await scoresOf(analyst.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ level: 3, reason: 'Sora shows DiT scales' })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('entity_type', '=', 'score')
      .where('entity_id', '=', String(first.scoreId))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['score.create', 'score.replace'])
    expect(audit[1].old_value).toMatchObject({ level: 2, reason: '' })
    expect(audit[1].new_value).toMatchObject({ level: 3, reason: 'Sora shows DiT scales', week: lastWeek })
    const revisions = await conn.db
      .selectFrom('score_revision')
      .select('level')
      .where('score_id', '=', first.scoreId)
      .orderBy('id')
      .execute()
    expect(revisions.map((r) => r.level)).toEqual([2, 3])
  })

  it('stores nothing new for a save that changes nothing', async () => {
    const before = await conn.db.selectFrom('audit_log').select('id').execute()
    const again = await saveScore(conn.db, { id: analyst.id }, input({ week: lastWeek, level: 3, reason: 'Sora shows DiT scales' }))
    expect(again.outcome).toBe('unchanged')
    expect(await conn.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length)
  })

  it('needs a reason when the level moves from last week, not when it stays', async () => {
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ level: 4 })))).toBe('reasonRequired')
    const same = await saveScore(conn.db, { id: analyst.id }, input({ level: 3 }))
    expect(same).toMatchObject({ outcome: 'created', moved: false })
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ level: 4, reason: '  ' })))).toBe('reasonRequired')
    expect((await scoresOf(analyst.id)).map((s) => s.level)).toEqual([3, 3])
  })

  it('links documents as evidence and refuses evidence that does not exist', async () => {
    const doc = await conn.db
      .insertInto('document')
      .values({
        title: 'CICC: AI ten-year outlook (17)',
        language: 'zh',
        content_hash: 'a'.repeat(64),
        body: 'Sora ...',
        published_on: '2024-03-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const saved = await saveScore(conn.db, { id: analyst.id }, input({ level: 4, reason: 'CICC report', documentIds: [doc.id] }))
    expect(saved.outcome).toBe('replaced')
    const evidence = await conn.db.selectFrom('score_evidence').select(['document_id']).where('score_id', '=', saved.scoreId).execute()
    expect(evidence).toEqual([{ document_id: doc.id }])
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ level: 5, reason: 'x', documentIds: [999_999] })))).toBe(
      'evidenceNotFound',
    )
    expect((await scoresOf(analyst.id)).at(-1)?.level).toBe(4)
  })

  it('refuses a level outside the rubric, an unknown modality and a future week, storing nothing', async () => {
    const count = async () => (await conn.db.selectFrom('score').select('id').execute()).length
    const before = await count()
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ modality: 'audio', level: 6 })))).toBe('levelOutsideRubric')
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ modality: 'smell' })))).toBe('unknownModality')
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ modality: 'audio', week: shiftIsoWeek(thisWeek, 1) })))).toBe(
      'futureWeek',
    )
    expect(await count()).toBe(before)
  })

  it('is backed by the database: a level outside the rubric breaks the foreign key, a second row the unique key', async () => {
    const [score] = await scoresOf(analyst.id)
    const row = await conn.db.selectFrom('score').selectAll().where('id', '=', score.id).executeTakeFirstOrThrow()
    const { id: _, created_at: __, updated_at: ___, ...copy } = row
    await expect(
      conn.db
        .insertInto('score')
        .values({ ...copy, iso_week: '2020-W01', level: 9 })
        .execute(),
    ).rejects.toMatchObject({ code: '23503' })
    await expect(conn.db.insertInto('score').values(copy).execute()).rejects.toMatchObject({ code: '23505' })
  })
})

describe('locked weeks', () => {
  it('locks nothing while the theme has no meeting, and refuses the future', async () => {
    expect((await getWeekLock(conn.db, themeId, thisWeek, thisWeek)).state).toBe('open')
    expect((await getWeekLock(conn.db, themeId, shiftIsoWeek(thisWeek, -30), thisWeek)).state).toBe('open')
    expect((await getWeekLock(conn.db, themeId, shiftIsoWeek(thisWeek, 1), thisWeek)).state).toBe('future')
  })

  it('makes the weeks before the last meeting read-only, and an admin can reopen one', async () => {
    const meetingWeek = shiftIsoWeek(thisWeek, -3)
    // A meeting planned for next week locks nothing yet.
    await conn.db
      .insertInto('meeting')
      .values({ theme_id: themeId, iso_week: shiftIsoWeek(thisWeek, 1) })
      .execute()
    expect((await getWeekLock(conn.db, themeId, lastWeek, thisWeek)).state).toBe('open')
    await conn.db.insertInto('meeting').values({ theme_id: themeId, iso_week: meetingWeek }).execute()
    expect((await getWeekLock(conn.db, themeId, meetingWeek, thisWeek)).state).toBe('open')
    expect((await getWeekLock(conn.db, themeId, shiftIsoWeek(thisWeek, -2), thisWeek)).state).toBe('open')
    const older = shiftIsoWeek(thisWeek, -5)
    expect((await getWeekLock(conn.db, themeId, older, thisWeek)).state).toBe('locked')
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ modality: 'audio', week: older, level: 4 })))).toBe('weekLocked')
    await reopenWeek(conn.db, { id: admin.id }, themeId, older)
    expect((await getWeekLock(conn.db, themeId, older, thisWeek)).state).toBe('open')
    await saveScore(conn.db, { id: analyst.id }, input({ modality: 'audio', week: older, level: 4 }))
    await relockWeek(conn.db, { id: admin.id }, themeId, older)
    expect(await refusal(saveScore(conn.db, { id: analyst.id }, input({ modality: 'audio', week: older, level: 5, reason: 'x' })))).toBe(
      'weekLocked',
    )
    expect(await refusal(reopenWeek(conn.db, { id: admin.id }, themeId, thisWeek))).toBe('notLocked')
    const audit = await conn.db.selectFrom('audit_log').select('action').where('action', 'like', 'score.week_%').execute()
    expect(audit.map((a) => a.action)).toEqual(['score.week_reopen', 'score.week_relock'])
  })

  it('locks last week as soon as this week has a meeting', async () => {
    expect((await getWeekLock(conn.db, themeId, lastWeek, thisWeek)).state).toBe('open')
    await conn.db.insertInto('meeting').values({ theme_id: themeId, iso_week: thisWeek }).execute()
    expect((await getWeekLock(conn.db, themeId, lastWeek, thisWeek)).state).toBe('locked')
    expect((await getWeekLock(conn.db, themeId, thisWeek, thisWeek)).state).toBe('open')
    await conn.db.deleteFrom('meeting').where('theme_id', '=', themeId).where('iso_week', '=', thisWeek).execute()
  })
})

describe('the team time zone', () => {
  it('decides which ISO week is the current one, as an admin sets it', async () => {
    // Sunday 20:00 UTC: already Monday of the next ISO week in Shanghai, still Sunday in New York.
    const instant = new Date('2025-01-05T20:00:00Z')
    expect(await currentTeamWeek(conn.db, instant)).toBe('2025-W02')
    const early = input({ modality: 'any-to-any', week: '2025-W02', level: 1 })
    expect((await saveScore(conn.db, { id: analyst.id }, early, instant)).outcome).toBe('created')
    await setTeamTimeZone(conn.db, { id: admin.id }, 'America/New_York')
    try {
      expect(await currentTeamWeek(conn.db, instant)).toBe('2025-W01')
      expect(await refusal(saveScore(conn.db, { id: analyst.id }, { ...early, level: 2, reason: 'x' }, instant))).toBe('futureWeek')
    } finally {
      await setTeamTimeZone(conn.db, { id: admin.id }, 'Asia/Shanghai')
    }
  })
})
