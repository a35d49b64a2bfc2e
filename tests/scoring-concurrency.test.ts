import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as scoreAction } from '#app/routes/themes_.$slug.scores.tsx'
import { isoWeekOf } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, postForm, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'

// 50 analysts save at once through the route's action, each from two "tabs" writing the
// same cells. Nothing may be lost or duplicated: one row per analyst and cell, the stored
// value is the last save of that cell (its last revision), and every save left exactly one
// revision and one audit row. On Postgres (TEST_DATABASE_URL) the requests really run in
// parallel over a pool of 20 connections (a test below proves it); on PGlite they queue on
// its one connection, and a sequential interleaving checks "last write wins" against a
// known order.

let conn: Connection
const analysts: { id: number; cookie: string }[] = []
let themeId: number
const SLUG = 'multimodal-ai'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const CELLS = [
  ['video', 'technology'],
  ['image', 'data'],
  ['audio', 'adoption-2c'],
] as const

beforeAll(async () => {
  conn = await createTestDatabase()
  const grid = {
    modalities: ['video', 'image', 'audio'],
    dimensions: ['technology', 'data', 'adoption-2c'],
    theme: { slug: SLUG },
  } as const
  themeId = (await createScoringTheme(conn.db, grid)).theme.id
  for (let i = 0; i < 50; i++) {
    const user = await createUser(conn.db, { role: 'analyst' })
    analysts.push({ id: user.id, cookie: await cookieFor(conn.db, user.id) })
  }
}, 120_000)
afterAll(async () => {
  await conn.close()
})

interface Save {
  analyst: { id: number; cookie: string }
  modality: string
  dimension: string
  level: number
  reason: string
}

const post = (s: Save) =>
  respond(() =>
    scoreAction({
      request: postForm(
        `/themes/${SLUG}/scores`,
        { intent: 'score', modality: s.modality, dimension: s.dimension, week, level: String(s.level), reason: s.reason },
        s.analyst.cookie,
      ),
      params: { slug: SLUG },
      context: contextFor(conn),
    }),
  )

async function storedScores() {
  return conn.db
    .selectFrom('score')
    .innerJoin('modality', 'modality.id', 'score.modality_id')
    .innerJoin('scoring_dimension as d', 'd.id', 'score.dimension_id')
    .select(['score.id', 'score.user_id as userId', 'modality.slug as modality', 'd.slug as dimension', 'score.level', 'score.reason'])
    .where('score.theme_id', '=', themeId)
    .where('score.iso_week', '=', week)
    .execute()
}

async function checkInvariants(saves: Save[]) {
  const stored = await storedScores()
  const cellsSaved = new Set(saves.map((s) => `${s.analyst.id}:${s.modality}.${s.dimension}`))
  // No duplicates, nothing lost: exactly one row per analyst and cell saved.
  expect(stored).toHaveLength(cellsSaved.size)
  expect(new Set(stored.map((s) => `${s.userId}:${s.modality}.${s.dimension}`))).toEqual(cellsSaved)
  // The stored value is the last revision (the last save) of each cell.
  const last = await sql<{ score_id: number; level: number; reason: string }>`
    select distinct on (score_id) score_id, level, reason from score_revision where theme_id = ${themeId} and iso_week = ${week} order by score_id, id desc`.execute(
    conn.db,
  )
  const lastOf = new Map(last.rows.map((r) => [r.score_id, r]))
  for (const s of stored) expect(lastOf.get(s.id), `score ${s.id}`).toMatchObject({ level: s.level, reason: s.reason })
  // Every save (all differ) left one revision and one audit row.
  const revisions = await conn.db
    .selectFrom('score_revision')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('iso_week', '=', week)
    .execute()
  const audits = await conn.db.selectFrom('audit_log').select('id').where('action', 'in', ['score.create', 'score.replace']).execute()
  expect(revisions).toHaveLength(saves.length)
  expect(audits).toHaveLength(saves.length)
  // The audit is a chain per score: one create, then each replace's old value is the
  // previous save's new value (saves of one cell never read a stale "before").
  const trail = await conn.db
    .selectFrom('audit_log')
    .select(['entity_id', 'action', 'old_value', 'new_value'])
    .where('action', 'in', ['score.create', 'score.replace'])
    .orderBy('id')
    .execute()
  for (const s of stored) {
    const chain = trail.filter((a) => a.entity_id === String(s.id))
    expect(chain.map((a) => a.action)).toEqual(['score.create', ...chain.slice(1).map(() => 'score.replace')])
    chain.slice(1).forEach((a, k) => {
      const before = chain[k].new_value as { level: number; reason: string }
      expect(a.old_value).toMatchObject({ level: before.level, reason: before.reason })
    })
  }
  return stored
}

// 300 saves in one test take ~10 s alone and several times that on a loaded two-core runner.
describe('50 analysts saving at once', { timeout: 120_000 }, () => {
  it('loses nothing and duplicates nothing, including one analyst in two tabs', async () => {
    const saves: Save[] = []
    for (const [i, analyst] of analysts.entries()) {
      for (const [c, [modality, dimension]] of CELLS.entries()) {
        // Two tabs of the same analyst save the same cell with different levels.
        for (const tab of [0, 1])
          saves.push({ analyst, modality, dimension, level: 1 + ((i + c + tab * 2) % 5), reason: `tab ${tab} of analyst ${i}` })
      }
    }
    const results = await Promise.all(saves.map(post))
    expect(results.map((r) => r.status)).toEqual(saves.map(() => 200))
    const stored = await checkInvariants(saves)
    // Whichever tab came last, the stored value is one that tab sent.
    for (const s of stored) {
      const sent = saves.filter((x) => x.analyst.id === s.userId && x.modality === s.modality && x.dimension === s.dimension)
      expect(sent.some((x) => x.level === s.level && x.reason === s.reason)).toBe(true)
    }
  })

  // Proof that the requests above were not queued one by one: while one cell's saves wait
  // for its lock (held here on a connection of the pool), every other save completes.
  it.runIf(process.env.TEST_DATABASE_URL)('runs saves in parallel on Postgres: other cells finish while one cell waits', async () => {
    expect(conn.kind).toBe('postgres')
    const ids = await conn.db
      .selectNoFrom((eb) => [
        eb.selectFrom('modality').select('id').where('slug', '=', 'video').as('video'),
        eb.selectFrom('scoring_dimension').select('id').where('slug', '=', 'technology').as('tech'),
      ])
      .executeTakeFirstOrThrow()
    const [held, ...others] = analysts.slice(0, 10)
    const key = `score:${themeId}:${held.id}:${ids.video}:${ids.tech}:${week}`
    await conn.db.connection().execute(async (holder) => {
      await sql`select pg_advisory_lock(hashtextextended(${key}, 0))`.execute(holder)
      const waiting = [0, 1].map((tab) =>
        post({ analyst: held, modality: 'video', dimension: 'technology', level: 1 + tab, reason: `held tab ${tab}` }),
      )
      const free = await Promise.all(
        others.map((analyst) => post({ analyst, modality: 'image', dimension: 'data', level: 2, reason: 'parallel' })),
      )
      expect(free.map((r) => r.status)).toEqual(others.map(() => 200))
      const blocked = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(
        holder,
      )
      expect(blocked.rows[0].n).toBeGreaterThanOrEqual(1)
      await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(holder)
      expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([200, 200])
    })
    const cell = await storedScores()
    expect(cell.filter((s) => s.userId === held.id && s.modality === 'video' && s.dimension === 'technology')).toHaveLength(1)
  })

  it('keeps the last write of each cell when saves interleave in a known order', async () => {
    const before = await storedScores()
    await conn.db.deleteFrom('score').where('theme_id', '=', themeId).execute()
    const saves: Save[] = []
    // Three rounds; within a round every analyst saves each cell in turn.
    for (let round = 0; round < 3; round++) {
      for (const [i, analyst] of analysts.slice(0, 20).entries()) {
        for (const [modality, dimension] of CELLS)
          saves.push({ analyst, modality, dimension, level: 1 + ((i + round) % 5), reason: `round ${round}` })
      }
    }
    for (const s of saves) expect((await post(s)).status).toBe(200)
    const stored = await storedScores()
    for (const s of stored) {
      const lastSent = saves.filter((x) => x.analyst.id === s.userId && x.modality === s.modality && x.dimension === s.dimension).at(-1)!
      expect({ level: s.level, reason: s.reason }).toEqual({ level: lastSent.level, reason: lastSent.reason })
    }
    expect(stored).toHaveLength(20 * CELLS.length)
    expect(before.length).toBe(50 * CELLS.length)
  })
})
