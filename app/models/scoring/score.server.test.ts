import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { setTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { consensusOf } from '#app/scoring/consensus.ts'
import { ScoringError } from '#app/scoring/errors.ts'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'

import { listConsensus, loadWeekScores } from './consensus-query.server.ts'
import { getThemeRubric, updateRubric } from './rubric.server.ts'
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
  await seedDemoData(conn.db)
  themeId = (await conn.db.selectFrom('theme').select('id').where('slug', '=', 'multimodal-ai').executeTakeFirstOrThrow()).id
  analyst = await createUser(conn.db, { role: 'analyst' })
  admin = await createUser(conn.db, { role: 'admin' })
})
afterAll(async () => {
  await conn.close()
})

const input = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  themeId,
  modality: 'video',
  dimension: 'technology',
  week: thisWeek,
  level: 2,
  reason: '',
  documentIds: [],
  mentionIds: [],
  ...over,
})
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => (error instanceof ScoringError ? error.reason : Promise.reject(error)),
  )
const scoresOf = (userId: number, modality = 'video') =>
  conn.db
    .selectFrom('score')
    .innerJoin('modality', 'modality.id', 'score.modality_id')
    .select(['score.id', 'score.level', 'score.reason', 'score.iso_week', 'score.rubric_id'])
    .where('score.user_id', '=', userId)
    .where('modality.slug', '=', modality)
    .orderBy('score.iso_week')
    .execute()

describe('saving a score', () => {
  it('creates the score, then a second edit in the same week replaces it and is audited with old and new values', async () => {
    const first = await saveScore(conn.db, { id: analyst.id }, input({ week: lastWeek, level: 2 }))
    expect(first.outcome).toBe('created')
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

describe('rubric versioning', () => {
  it('comes with the five-level default rubric and NASA TRL 1-9, every level named and anchored in both languages', async () => {
    const levelsOf = (slug: string) =>
      conn.db
        .selectFrom('rubric_level')
        .innerJoin('rubric', 'rubric.id', 'rubric_level.rubric_id')
        .select([
          'level',
          'rubric_level.name_en as nameEn',
          'rubric_level.name_zh as nameZh',
          'description_en as descriptionEn',
          'description_zh as descriptionZh',
        ])
        .where('rubric.slug', '=', slug)
        .orderBy('level')
        .execute()
    const standard = await levelsOf('default')
    expect(standard.map((l) => `${l.nameEn} ${l.nameZh}`)).toEqual([
      'Exploration 探索期',
      'Breakthrough 突破期',
      'Convergence 收敛期',
      'Application 应用期',
      'Maturity 成熟期',
    ])
    const trl = await levelsOf('nasa-trl')
    expect(trl.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (const l of [...standard, ...trl]) {
      expect(l.descriptionEn.length, `${l.nameEn} en`).toBeGreaterThan(20)
      expect(l.descriptionZh.length, `${l.nameEn} zh`).toBeGreaterThan(8)
      expect(l.nameZh).not.toBe(l.nameEn)
    }
  })

  it('edits an unused rubric in place but versions a used one; old scores keep their version', async () => {
    const current = (await getThemeRubric(conn.db, themeId))!
    expect(current.version).toBe(1)
    const levels = current.levels.map(({ level: _, ...l }) => l)
    levels[4] = { ...levels[4], descriptionEn: 'Everyone uses it; price is no longer the question.' }
    const result = await updateRubric(conn.db, { id: admin.id }, current.id, {
      nameEn: current.nameEn,
      nameZh: current.nameZh,
      levels: levels.slice(0, 4).concat(levels[4]),
    })
    expect(result).toMatchObject({ versioned: true, changed: true })
    const next = (await getThemeRubric(conn.db, themeId))!
    expect(next).toMatchObject({ id: result.id, slug: 'default', version: 2 })
    expect(next.levels[4].descriptionEn).toMatch(/^Everyone uses it/)
    const old = await conn.db.selectFrom('rubric').select(['superseded_at']).where('id', '=', current.id).executeTakeFirstOrThrow()
    expect(old.superseded_at).toBeInstanceOf(Date)
    expect((await scoresOf(analyst.id)).every((s) => s.rubric_id === current.id)).toBe(true)
    const oldLevels = await conn.db
      .selectFrom('rubric_level')
      .select('description_en')
      .where('rubric_id', '=', current.id)
      .where('level', '=', 5)
      .executeTakeFirstOrThrow()
    expect(oldLevels.description_en).toMatch(/^Used widely/)
    expect(await refusal(updateRubric(conn.db, { id: admin.id }, current.id, { nameEn: 'x', nameZh: 'x', levels }))).toBe(
      'rubricSuperseded',
    )
    // A new save uses version 2 and still counts with the version-1 scores of the same rubric.
    await saveScore(conn.db, { id: admin.id }, input({ level: 5 }))
    const rows = await listConsensus(
      conn.db,
      themeId,
      { rubricSlug: 'default', fromWeek: thisWeek, toWeek: thisWeek, modalityIds: undefined },
      2,
    )
    const video = rows.find((r) => r.count === 2)
    expect(video).toMatchObject({ median: 4.5, min: 4, max: 5, disagreement: false })
  })

  it('edits the NASA TRL rubric in place while nothing was scored on it', async () => {
    const trl = await conn.db.selectFrom('rubric').select('id').where('slug', '=', 'nasa-trl').executeTakeFirstOrThrow()
    const levels = await conn.db
      .selectFrom('rubric_level')
      .select(['name_en as nameEn', 'name_zh as nameZh', 'description_en as descriptionEn', 'description_zh as descriptionZh'])
      .where('rubric_id', '=', trl.id)
      .orderBy('level')
      .execute()
    const result = await updateRubric(conn.db, { id: admin.id }, trl.id, { nameEn: 'NASA TRL', nameZh: 'NASA 技术成熟度', levels })
    expect(result).toEqual({ id: trl.id, versioned: false, changed: true })
  })
})

describe('consensus in SQL', () => {
  it('matches the reference maths: even counts take the mean of the middle two, one scorer is their own median', async () => {
    const others = await Promise.all([1, 2, 3].map(() => createUser(conn.db, { role: 'analyst' })))
    const levels = [1, 2, 4, 5]
    for (const [i, user] of [analyst, ...others].entries()) {
      await saveScore(conn.db, { id: user.id }, input({ modality: 'image', dimension: 'data', level: levels[i], reason: 'r' }))
    }
    await saveScore(conn.db, { id: others[0].id }, input({ modality: '3d', dimension: 'data', level: 2 }))
    const rows = await listConsensus(
      conn.db,
      themeId,
      { rubricSlug: 'default', fromWeek: thisWeek, toWeek: thisWeek, dimensionId: undefined },
      2,
    )
    const byCount = (n: number) => rows.filter((r) => r.count === n)
    const { modalityId: _, dimensionId: __, week: ___, ...four } = byCount(4)[0]
    expect(four).toEqual(consensusOf(levels, 2))
    expect(four).toMatchObject({ median: 3, mean: 3, min: 1, max: 5, disagreement: true })
    expect(byCount(1).find((r) => r.median === 2)).toMatchObject({ mean: 2, min: 2, max: 2, disagreement: false })
  })
})

describe('scores as of an instant', () => {
  it('rebuilds a week as it stood before a later edit, from the revisions', async () => {
    const user = await createUser(conn.db, { role: 'analyst' })
    const first = await saveScore(conn.db, { id: user.id }, input({ modality: 'text', level: 3 }))
    const [{ saved_at: firstSavedAt }] = await conn.db
      .selectFrom('score_revision')
      .select('saved_at')
      .where('score_id', '=', first.scoreId)
      .execute()
    await new Promise((r) => setTimeout(r, 5))
    await saveScore(conn.db, { id: user.id }, input({ modality: 'text', level: 5, reason: 'GPT-5' }))
    const then = (await loadWeekScores(conn.db, themeId, thisWeek, firstSavedAt)).filter((s) => s.userId === user.id)
    const now = (await loadWeekScores(conn.db, themeId, thisWeek)).filter((s) => s.userId === user.id)
    expect(then.map((s) => s.level)).toEqual([3])
    expect(now.map((s) => s.level)).toEqual([5])
    await expect(conn.db.updateTable('score_revision').set({ level: 1 }).execute()).rejects.toMatchObject({ code: '42501' })
  })
})
