import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { consensusOf } from '#app/scoring/consensus.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createDimension, createModality, createRubric, createTheme, createUser } from '#tests/factories.ts'
import { scoreInput, scoringRefusal } from '#tests/fixtures/score-input.ts'

import { listConsensus, loadWeekScores } from './consensus-query.server.ts'
import { getThemeRubric, updateRubric } from './rubric.server.ts'
import { saveScore, type ScoreInput } from './score.server.ts'

// Rubric versions and the consensus the database computes, on a theme with the usual
// five-level rubric: a used rubric is versioned, not edited, and scores of both versions
// count together; the SQL median agrees with the reference maths.

let conn: Connection
let themeId: number
let analyst: { id: number }
let admin: { id: number }
let nasaTrl: { id: number }
const thisWeek = isoWeekOf(new Date(), 'Asia/Shanghai')

beforeAll(async () => {
  conn = await createTestDatabase()
  const levels = [1, 2, 3, 4, 5].map((level) => ({
    descriptionEn: level === 5 ? 'Used widely; the cost is what decides.' : `Anchor of level ${level}.`,
  }))
  const rubric = await createRubric(conn.db, { slug: 'default', nameEn: 'Modality maturity', nameZh: '模态成熟度', levels })
  nasaTrl = await createRubric(conn.db, { slug: 'nasa-trl', levels: 9 })
  themeId = (await createTheme(conn.db, { rubricId: rubric.id })).id
  for (const slug of ['text', 'image', 'video', '3d']) await createModality(conn.db, { themeId, slug })
  for (const slug of ['technology', 'data']) await createDimension(conn.db, { themeId, slug })
  analyst = await createUser(conn.db, { role: 'analyst' })
  admin = await createUser(conn.db, { role: 'admin' })
  // The analyst's video x technology this week, on version 1 of the rubric.
  await saveScore(conn.db, analyst, input({ level: 4 }))
})
afterAll(async () => {
  await conn.close()
})

const input = (over: Partial<ScoreInput> = {}): ScoreInput => scoreInput({ themeId, week: thisWeek }, over)
const refusal = scoringRefusal
const scoresOf = (userId: number) =>
  conn.db.selectFrom('score').select(['score.id', 'score.level', 'score.rubric_id']).where('score.user_id', '=', userId).execute()

describe('rubric versioning', () => {
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
    const trl = nasaTrl
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
