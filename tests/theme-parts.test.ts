import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { cookieFor, createDataStock, createTheme, createThemePoint, createUser } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// The parts of a theme page an analyst edits: risks, application segments, the vendor
// map and data-exhaustion estimates, each change audited and shown in the history tab.

let conn: Connection
let analyst: string
let viewer: string
const SLUG = 'multimodal-ai'
const { edit, page, history } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)

beforeAll(async () => {
  conn = await createTestDatabase()
  const theme = await createTheme(conn.db, { slug: SLUG })
  await createThemePoint(conn.db, { themeId: theme.id, kind: 'risk', textEn: 'Compute stays expensive.' })
  // The first data stock, estimated once: 2023-2026.
  await createDataStock(conn.db, {
    themeId: theme.id,
    slug: 'high-quality-language',
    estimates: [{ source: 'Epoch AI', estimatedOn: '2022-10-26', yearFrom: 2023, yearTo: 2026 }],
  })
  await createDataStock(conn.db, { themeId: theme.id, estimates: [{}] })
  // A second theme with no companies or segments yet.
  await createTheme(conn.db, { slug: 'embodied-ai' })
  await createCompanies(conn.db, ['Tencent', 'Meitu'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('risks, segments and the vendor map', () => {
  it('adds, reorders and removes a risk, each audited', async () => {
    const res = await edit({
      intent: 'addPoint',
      formKey: 'add-risk',
      kind: 'risk',
      textEn: 'Regulation of generated content tightens.',
      textZh: '',
      expectedOn: '',
    })
    expect(res.status).toBe(200)
    let risks = (await page()).risks as { id: number; textEn: string }[]
    expect(risks.at(-1)?.textEn).toBe('Regulation of generated content tightens.')
    const added = risks.at(-1)!
    await edit({ intent: 'movePoint', formKey: 'x', pointId: String(added.id), direction: 'up' })
    risks = (await page()).risks
    expect(risks.at(-2)?.id).toBe(added.id)
    const empty = await edit({ intent: 'editPoint', formKey: 'x', pointId: String(added.id), textEn: ' ', textZh: '' })
    expect(empty.status).toBe(400)
    expect((await empty.json()).errors).toEqual({ textEn: 'themeEdit.pointTextRequired' })
    await edit({ intent: 'removePoint', formKey: 'x', pointId: String(added.id) })
    expect((await page()).risks.map((r: { id: number }) => r.id)).not.toContain(added.id)
    const { entries } = await history(SLUG, '?part=points')
    expect(entries.map((e: { action: string }) => e.action).slice(0, 3)).toEqual(['risk.remove', 'risk.move', 'risk.add'])
  })

  it('links a company picked by ticker with its role and exposure, then changes them', async () => {
    const theme = (await page('embodied-ai')).theme
    const res = await edit(
      {
        intent: 'linkCompany',
        formKey: 'link-company',
        company: '700.hk',
        role: 'enabler',
        exposure: 'low',
        note: '',
        reason: 'Robot brains',
      },
      analyst,
      'embodied-ai',
    )
    expect(res.status).toBe(200)
    let companies = (await page('embodied-ai')).companies as {
      id: number
      nameEn: string
      role: string
      exposure: string
      tickers: unknown[]
    }[]
    expect(companies).toHaveLength(1)
    expect(companies[0]).toMatchObject({ nameEn: 'Tencent', role: 'enabler', exposure: 'low' })
    expect(companies[0].tickers.length).toBeGreaterThan(0)
    const again = await edit(
      { intent: 'linkCompany', formKey: 'link-company', company: '腾讯', role: 'driver', exposure: 'high', reason: 'Again' },
      analyst,
      'embodied-ai',
    )
    expect(again.status).toBe(409)
    expect((await again.json()).errors).toEqual({ company: 'themeEdit.error.companyAlreadyLinked' })
    const unknown = await edit(
      { intent: 'linkCompany', formKey: 'link-company', company: 'No Such Co', role: 'driver', exposure: 'high', reason: 'Unknown' },
      analyst,
      'embodied-ai',
    )
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).errors.company).toBe('themeEdit.error.companyNotFound?text=No+Such+Co')
    await edit(
      { intent: 'editCompany', formKey: 'x', companyId: String(companies[0].id), role: 'driver', exposure: 'high', note: 'Robotics push' },
      analyst,
      'embodied-ai',
    )
    companies = (await page('embodied-ai')).companies
    expect(companies[0]).toMatchObject({ role: 'driver', exposure: 'high' })
    const audit = await conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'theme.company.edit').executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(String(theme.id))
    expect(audit.old_value).toMatchObject({ role: 'enabler', exposure: 'low' })
    expect(audit.new_value).toMatchObject({ role: 'driver', exposure: 'high', note: 'Robotics push' })
  })

  it('adds a 2C segment, links a company to it by alias and unlinks it', async () => {
    expect(
      (
        await edit(
          { intent: 'addSegment', formKey: 's', audience: '2C', nameEn: 'Companion robots', nameZh: '陪伴机器人' },
          analyst,
          'embodied-ai',
        )
      ).status,
    ).toBe(200)
    const dup = await edit(
      { intent: 'addSegment', formKey: 's', audience: '2C', nameEn: 'companion robots', nameZh: '陪伴' },
      analyst,
      'embodied-ai',
    )
    expect(dup.status).toBe(409)
    let segment = (await page('embodied-ai')).segments[0]
    await edit({ intent: 'linkSegmentCompany', formKey: 's', segmentId: String(segment.id), company: 'Meitu' }, analyst, 'embodied-ai')
    segment = (await page('embodied-ai')).segments[0]
    expect(segment.companies.map((c: { nameEn: string }) => c.nameEn)).toEqual(['Meitu'])
    await edit(
      { intent: 'unlinkSegmentCompany', formKey: 's', segmentId: String(segment.id), companyId: String(segment.companies[0].id) },
      analyst,
      'embodied-ai',
    )
    expect((await page('embodied-ai')).segments[0].companies).toEqual([])
    // A segment of another theme cannot be reached through this one.
    const other = await edit({ intent: 'removeSegment', formKey: 's', segmentId: String(segment.id) })
    expect(other.status).toBe(404)
  })
})

describe('data exhaustion', () => {
  it('adds a revision as a new estimate, which becomes the current one; the old one stays', async () => {
    const data = await page()
    const stock = data.stocks.find((s: { slug: string }) => s.slug === 'high-quality-language')
    const res = await edit({
      intent: 'addEstimate',
      formKey: `revise-${stock.id}`,
      stockId: String(stock.id),
      source: 'Epoch AI',
      estimatedOn: '2024-06-06',
      yearFrom: '2026',
      yearTo: '2032',
      note: 'Revised with better data.',
    })
    expect(res.status).toBe(200)
    const after = await page()
    const current = after.estimates.find((e: { stockId: number }) => e.stockId === stock.id)
    expect(current).toMatchObject({ yearFrom: 2026, yearTo: 2032, estimatedOn: '2024-06-06' })
    const revised = after.stocks.find((s: { id: number }) => s.id === stock.id).estimates
    expect(revised).toHaveLength(2)
    expect(revised[0]).toMatchObject({ yearFrom: 2023, isCurrent: false })
    expect(revised[1]).toMatchObject({ yearTo: 2032, isCurrent: true, shiftFrom: 3, shiftTo: 6 })
    const { entries } = await history(SLUG, '?part=data')
    const fields = entries[0].changes.map((c: { field: string }) => c.field)
    expect(fields.slice(0, 2)).toEqual(['estimatedOn', 'years'])
    expect(entries[0].changes[1]).toEqual({ field: 'years', kind: 'value', before: '2023–2026', after: '2026–2032' })
  })

  it('refuses the same source and date twice, a reversed range and a future date, changing nothing', async () => {
    const stock = (await page()).stocks[0]
    const count = async () => (await conn.db.selectFrom('data_exhaustion_estimate').select('id').execute()).length
    const before = await count()
    const base = {
      intent: 'addEstimate',
      formKey: 'e',
      stockId: String(stock.id),
      source: 'Epoch AI',
      estimatedOn: '2024-06-06',
      yearFrom: '2027',
      yearTo: '2030',
    }
    const dup = await edit(base)
    expect(dup.status).toBe(409)
    expect((await dup.json()).errors).toEqual({ estimatedOn: 'themeEdit.error.estimateExists' })
    const reversed = await edit({ ...base, estimatedOn: '2024-07-01', yearFrom: '2040', yearTo: '2030' })
    expect((await reversed.json()).errors).toEqual({ yearTo: 'themeEdit.yearOrder' })
    const future = await edit({ ...base, estimatedOn: '2999-01-01' })
    expect((await future.json()).errors).toEqual({ estimatedOn: 'themeEdit.dateInFuture' })
    expect(await count()).toBe(before)
  })

  it('adds a data stock; a second with the same name is refused', async () => {
    expect((await edit({ intent: 'addStock', formKey: 'add-stock', nameEn: 'Synthetic data', nameZh: '合成数据' })).status).toBe(200)
    const dup = await edit({ intent: 'addStock', formKey: 'add-stock', nameEn: 'SYNTHETIC DATA', nameZh: '合成' })
    expect(dup.status).toBe(409)
    expect((await page()).stocks.map((s: { slug: string }) => s.slug)).toContain('synthetic-data')
  })
})
