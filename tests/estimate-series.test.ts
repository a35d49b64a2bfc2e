import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addEstimateSeries, addSeriesEstimate, listEstimateSeries } from '#app/models/theme/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createTheme, createUser } from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// Estimates beyond data exhaustion (market size, cost per unit, adoption share) with a
// unit: each source keeps its own current estimate, a revision is the same source changing
// its value, and bad values (a negative size, a share over 100%) are refused with a message.

let conn: Connection
let analyst: string
let viewer: string
let themeId: number
let actor: { id: number; ip: string }
const SLUG = 'humanoid-robots'
const { edit, page, history } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)

beforeAll(async () => {
  conn = await createTestDatabase()
  themeId = (await createTheme(conn.db, { slug: SLUG })).id
  const analystUser = await createUser(conn.db, { role: 'analyst' })
  actor = { id: analystUser.id, ip: '127.0.0.1' }
  analyst = await cookieFor(conn.db, analystUser.id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

type Listed = Awaited<ReturnType<typeof listEstimateSeries>>

describe('estimate series (model)', () => {
  let seriesId: number
  it('keeps a current estimate per source and reads a revision only within a source', async () => {
    seriesId = await addEstimateSeries(conn.db, actor, themeId, { nameEn: 'Cost per unit', nameZh: '单位成本', unit: 'USD k per unit' })
    await addSeriesEstimate(conn.db, actor, themeId, seriesId, { source: 'Goldman', estimatedOn: '2024-01-10', valueLow: 150, note: '' })
    await addSeriesEstimate(conn.db, actor, themeId, seriesId, {
      source: 'Broker Y',
      estimatedOn: '2024-03-01',
      valueLow: 30,
      valueHigh: 50,
      note: '',
    })
    await addSeriesEstimate(conn.db, actor, themeId, seriesId, {
      source: ' goldman ',
      estimatedOn: '2024-06-01',
      valueLow: 120,
      refersToYear: 2030,
      note: '',
    })
    const [series] = await listEstimateSeries(conn.db, themeId)
    expect(series.unit).toBe('USD k per unit')
    expect(series.sources.map((s) => [s.source, s.current.low, s.current.high, s.previous?.low ?? null, s.current.changeLow])).toEqual([
      [' goldman ', 120, 120, 150, -30],
      ['Broker Y', 30, 50, null, null],
    ])
    expect(series.sources[0].current.refersToYear).toBe(2030)
  })

  it('refuses a negative value, a reversed range and a share over 100%, and saves nothing', async () => {
    const share = await addEstimateSeries(conn.db, actor, themeId, { nameEn: 'Adoption share', nameZh: '渗透率', unit: '%' })
    await expect(
      addSeriesEstimate(conn.db, actor, themeId, share, {
        source: 'IDC',
        estimatedOn: '2024-01-01',
        valueLow: 40,
        valueHigh: 120,
        note: '',
      }),
    ).rejects.toMatchObject({
      messageKey: 'estimates.shareOver100',
      status: 400,
    })
    await expect(addEstimateSeries(conn.db, actor, themeId, { nameEn: 'adoption SHARE', nameZh: '重复', unit: '%' })).rejects.toMatchObject(
      {
        messageKey: 'estimates.seriesExists',
      },
    )
    const listed: Listed = await listEstimateSeries(conn.db, themeId)
    expect(listed.find((s) => s.id === share)?.sources).toEqual([])
  })
})

describe('estimate series (theme page)', () => {
  const addSeries = (fields: Record<string, string>, cookie = analyst) =>
    edit({ intent: 'addSeries', formKey: 'add-series', ...fields }, cookie)
  const addEstimate = (seriesId: number, fields: Record<string, string>) =>
    edit({
      intent: 'addSeriesEstimate',
      formKey: 'add-series-estimate',
      seriesId: String(seriesId),
      estimatedOn: '2024-05-01',
      note: '',
      ...fields,
    })
  const marketSize = async () => ((await page()).series as Listed).find((s) => s.nameEn === 'Market size')

  it('lets an analyst add a series, but not a viewer', async () => {
    expect((await addSeries({ nameEn: 'Market size', nameZh: '市场规模', unit: 'USD bn' }, viewer)).status).toBe(403)
    expect(await marketSize()).toBeUndefined()
    expect((await addSeries({ nameEn: 'Market size', nameZh: '市场规模', unit: 'USD bn' })).status).toBe(200)
    expect((await marketSize())?.unit).toBe('USD bn')
  })

  it('answers bad input with a 4xx and a message next to the field', async () => {
    const id = (await marketSize())!.id
    const negative = await addEstimate(id, { source: 'IDC', valueLow: '-5' })
    expect(negative.status).toBe(400)
    expect((await negative.json()).errors.valueLow).toBe('estimates.valueNegative')
    const reversed = await addEstimate(id, { source: 'IDC', valueLow: '10', valueHigh: '5' })
    expect((await reversed.json()).errors.valueHigh).toBe('estimates.rangeOrder')
    expect((await addEstimate(id, { source: 'IDC', valueLow: 'lots' })).status).toBe(400)
    expect((await addSeries({ nameEn: 'No unit', nameZh: '无单位', unit: '' })).status).toBe(400)
    expect((await addEstimate(999_999, { source: 'IDC', valueLow: '5' })).status).toBe(404)
  })

  it('shows two sources side by side and a revision of one, recorded in the history', async () => {
    const id = (await marketSize())!.id
    expect((await addEstimate(id, { source: 'IDC', valueLow: '38', estimatedOn: '2024-01-15', refersToYear: '2030' })).status).toBe(200)
    expect((await addEstimate(id, { source: 'Morgan Stanley', valueLow: '20', valueHigh: '30', estimatedOn: '2024-02-01' })).status).toBe(
      200,
    )
    expect((await addEstimate(id, { source: 'IDC', valueLow: '45', estimatedOn: '2024-06-01', refersToYear: '2030' })).status).toBe(200)
    // The same source on the same date is not a second estimate.
    expect((await addEstimate(id, { source: 'IDC', valueLow: '46', estimatedOn: '2024-06-01' })).status).toBe(409)
    const series = (await marketSize())!
    expect(series.sources.map((s) => [s.source, s.current.low, s.current.high, s.previous?.low ?? null, s.current.changeLow])).toEqual([
      ['IDC', 45, 45, 38, 7],
      ['Morgan Stanley', 20, 30, null, null],
    ])
    const { entries } = await history(SLUG, '')
    const actions = entries.map((e: { action: string }) => e.action)
    expect(actions).toContain('series_estimate.add')
    expect(actions).toContain('estimate_series.add')
    // The history reads IDC's second estimate as a revision of IDC's first (38 -> 45), not of Morgan Stanley's.
    type Change = { field: string; before?: unknown; after?: unknown }
    const revision = entries.find(
      (e: { action: string; changes: Change[] }) => e.action === 'series_estimate.add' && e.changes.some((c) => 'before' in c),
    )
    expect(revision.changes.find((c: Change) => c.field === 'valueLow')).toMatchObject({ before: 38, after: 45 })
  })
})
