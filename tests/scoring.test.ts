import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as evidenceLoader } from '#app/routes/themes_.$slug.evidence.tsx'
import { loader as movedLoader } from '#app/routes/themes_.$slug.moved.tsx'
import { loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createUser } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'
import { scoringRoutes } from './fixtures/scoring-routes.ts'

// The scoring routes end to end (without a browser): every refusal is a 4xx that names the
// field and stores nothing; the pages get aggregates, not raw scores. Source views,
// exports and rubric administration are in scoring-admin.test.ts.

let conn: Connection
let themeId: number
const cookies: Record<'admin' | 'analyst' | 'viewer' | 'second', string> = { admin: '', analyst: '', viewer: '', second: '' }
const SLUG = 'multimodal-ai'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const { score, load } = scoringRoutes(() => ({ conn, cookies, slug: SLUG, week }))

beforeAll(async () => {
  conn = await createTestDatabase()
  const grid = { modalities: ['text', 'image', 'video', 'audio'], dimensions: ['technology', 'data'], theme: { slug: SLUG } } as const
  themeId = (await createScoringTheme(conn.db, grid)).theme.id
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    cookies[role] = await cookieFor(conn.db, (await createUser(conn.db, { role, displayName: `The ${role}` })).id)
  cookies.second = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Second analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

// A meeting of `meetingWeek` makes every earlier week read-only (app/scoring/week-lock.ts).
const lockBefore = async (meetingWeek: string) => {
  await conn.db
    .insertInto('meeting')
    .values({ theme_id: themeId, iso_week: meetingWeek })
    .onConflict((oc) => oc.columns(['theme_id', 'iso_week']).doNothing())
    .execute()
}
const scoreCount = async () => (await conn.db.selectFrom('score').select('id').execute()).length

describe('saving a score through the page', () => {
  it('saves, then replaces the same cell in the same week (one row)', async () => {
    const first = await score({ level: '3' })
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ ok: true, cell: 'video.technology', outcome: 'created' })
    const second = await score({ level: '4', reason: 'Sora: DiT scales to video' })
    // Within two minutes of the first save a new digit is a correction, not a move (issue 15).
    expect(await second.json()).toMatchObject({ ok: true, outcome: 'replaced', moved: false })
    expect(await scoreCount()).toBe(1)
    // The tests below change saved scores later than that: past the correction window.
    await conn.db
      .updateTable('score')
      .set({ created_at: new Date(Date.now() - 3 * 60_000) })
      .execute()
  })

  it.each([
    ['a level outside the rubric', { level: '9' }, 400, 'level', 'scoring.error.levelOutsideRubric'],
    ['a level that is not a number', { level: 'high' }, 400, 'level', 'scoring.levelInvalid'],
    ['an unknown modality', { modality: 'smell' }, 400, 'modality', 'scoring.error.unknownModality'],
    ['a malformed modality', { modality: '<b>' }, 400, 'modality', 'scoring.slugInvalid'],
    ['a week in the future', { week: shiftIsoWeek(week, 1) }, 400, 'week', 'scoring.error.futureWeek'],
    ['a week that does not exist', { week: '2026-W60' }, 400, 'week', 'scoring.weekInvalid'],
    ['a 100 KB reason', { level: '5', reason: 'x'.repeat(100 * 1024) }, 400, 'reason', 'validation.tooLong?max=500'],
    ['a changed level without a reason', { level: '2' }, 400, 'reason', 'scoring.error.reasonRequired'],
    ['evidence that does not exist', { level: '4', reason: 'r', documentId: '987654' }, 400, 'evidence', 'scoring.error.evidenceNotFound'],
    ['a week before the last meeting', { week: shiftIsoWeek(week, -3) }, 409, 'week', 'scoring.error.weekLocked'],
  ])('refuses %s with a clear 4xx and stores nothing', async (_name, fields, status, field, key) => {
    await lockBefore(shiftIsoWeek(week, -2))
    const before = await conn.db.selectFrom('score').select(['level', 'reason']).execute()
    const res = await score(fields as Record<string, string>)
    expect(res.status).toBe(status)
    const body = await res.json()
    expect(body.ok).toBe(false)
    expect(body.errors[field]).toBe(key)
    expect(await conn.db.selectFrom('score').select(['level', 'reason']).execute()).toEqual(before)
  })

  it('refuses a body over the size limit with 413', async () => {
    const res = await score({ reason: 'x'.repeat(1_100_000) })
    expect(res.status).toBe(413)
    expect(await scoreCount()).toBe(1)
  })

  it('refuses a viewer with 403 and an unknown theme with 404', async () => {
    expect((await score({ level: '1' }, 'viewer')).status).toBe(403)
    expect((await score({ level: '1' }, 'analyst', 'no-such-theme')).status).toBe(404)
    expect(await scoreCount()).toBe(1)
  })

  it('lets only an admin reopen a locked week', async () => {
    const old = shiftIsoWeek(week, -4)
    await lockBefore(shiftIsoWeek(week, -2))
    const asAnalyst = await score({ intent: 'reopen', week: old })
    expect(asAnalyst.status).toBe(403)
    expect((await score({ intent: 'reopen', week: old }, 'admin')).status).toBe(200)
    expect((await score({ week: old, level: '2' })).status).toBe(200)
    expect((await score({ intent: 'relock', week: old }, 'admin')).status).toBe(200)
    expect((await score({ week: old, level: '3', reason: 'late' })).status).toBe(409)
  })
})

describe('the scoring page', () => {
  it('shows my score, my previous one and the team median per cell', async () => {
    await score({ level: '2', reason: 'x' }, 'second')
    const res = await load(scoreLoader, `/themes/${SLUG}/scores`)
    expect(res.status).toBe(200)
    const data = await res.json()
    expect(data.week).toBe(week)
    expect(data.lock.state).toBe('open')
    expect(data.cells['video.technology']).toMatchObject({
      mine: { level: 4, reason: 'Sora: DiT scales to video' },
      team: { median: 3, count: 2, min: 2, max: 4, disagreement: true },
    })
    expect(Object.keys(data.cells)).toHaveLength(4 * 2) // every modality x dimension
  })

  it("shows last week's team median in a cell nobody has scored this week yet", async () => {
    const lastWeek = shiftIsoWeek(week, -1)
    expect((await score({ modality: 'text', dimension: 'data', week: lastWeek, level: '4' }, 'second')).status).toBe(200)
    const data = await (await load(scoreLoader, `/themes/${SLUG}/scores`)).json()
    expect(data.cells['text.data']).toMatchObject({ team: null, teamBefore: { week: lastWeek, median: 4, count: 1 } })
    expect(data.cells['video.technology'].teamBefore).toBeNull()
  })

  it('is readable by a viewer, and refuses a future week with 400', async () => {
    const viewer = await (await load(scoreLoader, `/themes/${SLUG}/scores`, 'viewer')).json()
    expect(viewer.canScore).toBe(false)
    expect((await load(scoreLoader, `/themes/${SLUG}/scores?week=${shiftIsoWeek(week, 2)}`)).status).toBe(400)
    expect((await load(scoreLoader, `/themes/${SLUG}/scores?week=junk`)).status).toBe(400)
  })

  it('finds documents for evidence and links them to a score', async () => {
    const doc = await conn.db
      .insertInto('document')
      .values({
        title: 'CICC: AI ten-year outlook (17)',
        publisher: 'CICC',
        language: 'zh',
        content_hash: 'b'.repeat(64),
        body: '...',
        published_on: '2024-03-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const found = await (await load(evidenceLoader, `/themes/${SLUG}/evidence?q=ten-year`)).json()
    expect(found.documents.map((d: { id: number }) => d.id)).toEqual([doc.id])
    const res = await score({ level: '4', reason: 'Sora: DiT scales to video', documentId: String(doc.id) })
    expect(await res.json()).toMatchObject({ ok: true, outcome: 'replaced' })
    const moved = await (await load(movedLoader, `/themes/${SLUG}/moved?week=${week}`)).json()
    const mine = moved.moves.find((m: { analyst: string }) => m.analyst === 'The analyst')
    expect(mine).toMatchObject({
      kind: 'new',
      to: 4,
      reason: 'Sora: DiT scales to video',
      evidence: [{ documentId: doc.id, title: 'CICC: AI ten-year outlook (17)' }],
    })
  })
})
