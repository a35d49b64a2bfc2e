import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadEstimatesAsOf } from '#app/models/meeting/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createDataStock, createTheme, createUser } from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// Data-exhaustion estimates from different sources stand side by side: a broker's estimate
// does not replace Epoch AI's as "current" nor show as a revision of it (it once showed
// as "-25 years"); a revision is the same source changing its own estimate.

let conn: Connection
let analyst: string
let viewer: string
let stockId: number
let themeId: number
const started = new Date()
const SLUG = 'multimodal-ai'
const { edit, page, history } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)

beforeAll(async () => {
  conn = await createTestDatabase()
  const theme = await createTheme(conn.db, { slug: SLUG })
  themeId = theme.id
  stockId = (
    await createDataStock(conn.db, {
      themeId: theme.id,
      nameEn: 'Low-quality language data',
      estimates: [{ source: 'Epoch AI', estimatedOn: '2022-10-26', yearFrom: 2030, yearTo: 2050 }],
    })
  ).id
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const addEstimate = (source: string, estimatedOn: string, yearFrom: number, yearTo: number) =>
  edit({
    intent: 'addEstimate',
    formKey: 'add-estimate',
    stockId: String(stockId),
    source,
    estimatedOn,
    yearFrom: String(yearFrom),
    yearTo: String(yearTo),
    note: '',
  })

type Current = { source: string; yearFrom: number; yearTo: number }
type Stock = { sources: { source: string; estimates: { isCurrent: boolean; shiftFrom: number | null; shiftTo: number | null }[] }[] }

describe('estimates by source', () => {
  it("shows a broker's estimate next to Epoch AI's, neither replacing nor revising it", async () => {
    expect((await addEstimate('Broker X', '2024-03-01', 2026, 2028)).status).toBe(200)
    const data = await page()
    expect((data.estimates as Current[]).map((e) => [e.source, e.yearFrom, e.yearTo])).toEqual([
      ['Epoch AI', 2030, 2050],
      ['Broker X', 2026, 2028],
    ])
    const [stock] = data.stocks as Stock[]
    expect(stock.sources.map((g) => g.source)).toEqual(['Epoch AI', 'Broker X'])
    expect(stock.sources.flatMap((g) => g.estimates.map((e) => [e.isCurrent, e.shiftFrom, e.shiftTo]))).toEqual([
      [true, null, null],
      [true, null, null],
    ])
    // The audit does not record it as revising Epoch AI's estimate either.
    const [entry] = (await history(SLUG, '?part=data')).entries
    expect(entry.changes.some((c: { field: string }) => c.field === 'yearFrom' && 'before' in c && c.before === 2030)).toBe(false)
  })

  it('reads a new estimate of the same source as its revision, and only that source moves', async () => {
    expect((await addEstimate('epoch ai', '2024-06-06', 2032, 2052)).status).toBe(200)
    const data = await page()
    expect((data.estimates as Current[]).map((e) => [e.source, e.yearFrom, e.yearTo])).toEqual([
      ['epoch ai', 2032, 2052],
      ['Broker X', 2026, 2028],
    ])
    const [stock] = data.stocks as Stock[]
    const epoch = stock.sources[0].estimates
    expect(epoch.map((e) => [e.isCurrent, e.shiftFrom, e.shiftTo])).toEqual([
      [false, null, null],
      [true, 2, 2],
    ])
    expect(stock.sources[1].estimates.map((e) => e.isCurrent)).toEqual([true])
  })

  it("the meeting's exhaustion slide reads the same: each source's current estimate, revisions only within a source", async () => {
    const { current, revisions } = await loadEstimatesAsOf(conn.db, themeId, started, new Date())
    expect(current.map((e) => [e.source, e.yearFrom, e.yearTo])).toEqual([
      ['epoch ai', 2032, 2052],
      ['Broker X', 2026, 2028],
    ])
    expect(revisions.map((r) => [r.source, r.shiftFrom, r.shiftTo])).toEqual([['epoch ai', 2, 2]])
  })
})
