import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeTranslate } from '#app/i18n/messages.server.ts'
import { loader as consensusLoader } from '#app/routes/themes_.$slug.consensus.tsx'
import { loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { isoWeekOf } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createUser } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'
import { scoringRoutes } from './fixtures/scoring-routes.ts'

// Withdrawing a score through the scoring page's form (issue 15 item 7): the cell is
// empty afterwards for the analyst and the team median; refusals are 4xx with a message.

let conn: Connection
const cookies: Record<'analyst' | 'viewer' | 'second', string> = { analyst: '', viewer: '', second: '' }
const SLUG = 'withdraw-theme'
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const { score, load } = scoringRoutes(() => ({ conn, cookies, slug: SLUG, week }))
const withdraw = (who: 'analyst' | 'viewer' | 'second' = 'analyst') => score({ intent: 'withdraw', level: '' }, who)

beforeAll(async () => {
  conn = await createTestDatabase()
  await createScoringTheme(conn.db, { modalities: ['text', 'video'], dimensions: ['technology'], theme: { slug: SLUG } })
  for (const role of ['analyst', 'viewer'] as const) cookies[role] = await cookieFor(conn.db, (await createUser(conn.db, { role })).id)
  cookies.second = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

const videoCell = async (who: 'analyst' | 'second' = 'analyst') => {
  const data = await (await load(scoreLoader, `/themes/${SLUG}/scores`, who)).json()
  return data.cells['video.technology']
}

describe('withdrawing a score on the scoring page', () => {
  it('clears the analyst’s cell and takes the score out of the team median', async () => {
    expect((await score({ level: '1' })).status).toBe(200)
    expect((await score({ level: '5' }, 'second')).status).toBe(200)
    expect((await videoCell()).team).toMatchObject({ count: 2, median: 3 })

    const res = await withdraw()
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, cell: 'video.technology', outcome: 'withdrawn' })
    const cell = await videoCell()
    expect(cell.mine).toBeNull()
    expect(cell.team).toMatchObject({ count: 1, median: 5 })
    // The consensus page lists the withdrawal under the week's heatmap.
    const page = await (await load(consensusLoader, `/themes/${SLUG}/consensus?week=${week}`, 'second')).json()
    expect(page.withdrawals).toEqual([expect.objectContaining({ level: 1, modalityEn: 'Video', dimensionEn: 'Technology' })])
  })

  it('answers 404 with a message when there is nothing to withdraw, and 403 to a viewer', async () => {
    const res = await withdraw()
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.errors.form).toBe('withdraw.nothing')
    expect(makeTranslate('zh-CN')('withdraw.nothing')).toContain('撤回')
    expect((await withdraw('viewer')).status).toBe(403)
    expect((await videoCell('second')).mine).toMatchObject({ level: 5 })
  })

  it('lets a digit be corrected within two minutes without a reason', async () => {
    expect((await score({ modality: 'text', level: '2' })).status).toBe(200)
    const fixed = await score({ modality: 'text', level: '4' })
    expect(fixed.status).toBe(200)
    expect(await fixed.json()).toMatchObject({ outcome: 'replaced', moved: false })
  })
})
