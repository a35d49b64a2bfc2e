import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as historyLoader } from '#app/routes/themes.$slug.history.tsx'
import { action as themeAction, loader as themeLoader } from '#app/routes/themes.$slug.tsx'
import { action as newAction, loader as newLoader } from '#app/routes/themes.new.tsx'
import type { Connection } from '#db/connection.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

let conn: Connection
let analyst: string
let viewer: string
const SLUG = 'multimodal-ai'

beforeAll(async () => {
  conn = await createTestDatabase()
  await seedDemoData(conn.db)
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const newTheme = (fields: Record<string, string>, cookie = analyst) =>
  respond(() => newAction({ request: postForm('/themes/new', fields, cookie), params: {}, context: contextFor(conn) }))
const edit = (fields: Record<string, string>, cookie = analyst, slug = SLUG) =>
  respond(() => themeAction({ request: postForm(`/themes/${slug}`, fields, cookie), params: { slug }, context: contextFor(conn) }))
async function page(slug = SLUG, cookie = analyst) {
  const res = await respond(() =>
    themeLoader({ request: getRequest(`/themes/${slug}`, cookie), params: { slug }, context: contextFor(conn) }),
  )
  expect(res.status).toBe(200)
  return res.json()
}
async function history(slug = SLUG, query = '') {
  const res = await respond(() =>
    historyLoader({ request: getRequest(`/themes/${slug}/history${query}`, viewer), params: { slug }, context: contextFor(conn) }),
  )
  expect(res.status).toBe(200)
  return res.json()
}
const themeCount = async () => (await conn.db.selectFrom('theme').select('id').execute()).length
const themeFields = {
  nameEn: 'Embodied AI',
  nameZh: '具身智能',
  stance: 'neutral',
  status: 'watching',
  summaryEn: '',
  summaryZh: '',
  parentId: '',
}

describe('creating a theme', () => {
  it('creates it with a slug suggested from the English name, audits it and goes to its page', async () => {
    const res = await newTheme({ ...themeFields, slug: '', thesisMd: '## Why\r\nRobots need models.' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/themes/embodied-ai')
    const data = await page('embodied-ai')
    expect(data.theme).toMatchObject({ nameZh: '具身智能', status: 'watching', thesisMd: '## Why\nRobots need models.' })
    const audit = await conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'theme.create').executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(String(data.theme.id))
  })

  it('refuses a slug that is taken with 409 next to the slug, and creates nothing', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, slug: SLUG })
    expect(res.status).toBe(409)
    expect((await res.json()).errors).toEqual({ slug: 'themeEdit.error.slugTaken' })
    expect(await themeCount()).toBe(before)
  })

  it('refuses empty names and a malformed slug with 400 messages next to each field', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, nameEn: '  ', nameZh: '', slug: 'Not A Slug!' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toMatchObject({
      nameEn: 'validation.required',
      nameZh: 'validation.required',
      slug: 'themeEdit.slugInvalid',
    })
    expect(await themeCount()).toBe(before)
  })

  it('refuses a 10 MB thesis with 413 and creates nothing', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, nameEn: 'Huge', slug: 'huge', thesisMd: 'x'.repeat(10 * 1024 * 1024) })
    expect(res.status).toBe(413)
    expect((await res.json()).errors.form).toBe('themeEdit.tooLarge')
    expect(await themeCount()).toBe(before)
  })

  it('is refused to viewers, page and form alike', async () => {
    const res = await newTheme({ ...themeFields, slug: 'viewer-theme' }, viewer)
    expect(res.status).toBe(403)
    const form = await respond(() => newLoader({ request: getRequest('/themes/new', viewer), params: {}, context: contextFor(conn) }))
    expect(form.status).toBe(403)
  })
})

describe('editing the thesis', () => {
  it('saves, audits old and new text, and the history tab shows who and a word diff', async () => {
    const before = (await page()).theme.thesisMd as string
    const after = before.replace('Progress is uneven across modalities.', 'Progress is very uneven across modalities.')
    const res = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: after })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, formKey: 'thesis' })
    const audit = await conn.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'theme.thesis')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toEqual({ thesisMd: before })
    expect(audit.new_value).toEqual({ thesisMd: after })

    const { entries } = await history(SLUG, '?part=thesis')
    expect(entries[0]).toMatchObject({ action: 'thesis', actorName: 'Ana Analyst' })
    const diff = entries[0].changes[0].diff as { kind: string; text?: string }[]
    expect(diff).toContainEqual({ kind: 'ins', text: 'very ' })
    expect(diff.some((p) => p.kind === 'skip')).toBe(true)
    expect(diff.filter((p) => p.kind === 'del')).toEqual([])
  })

  it('renders markup in the thesis inert, and a preview changes nothing', async () => {
    const preview = await edit({ intent: 'preview', formKey: 'thesis', thesisMd: '**bold** <script>alert(1)</script>' })
    const body = await preview.json()
    expect(body.previewHtml).toContain('<strong>bold</strong>')
    expect(body.previewHtml).not.toContain('<script')
    await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'Safe <img src=x onerror=alert(1)> text' })
    const data = await page()
    expect(data.thesisHtml).not.toContain('<img')
    expect(data.thesisHtml).toContain('&lt;img')
  })

  it('refuses a 10 MB thesis with 413 and one over 100,000 characters with 400, leaving the thesis alone', async () => {
    const before = (await page()).theme.thesisMd
    const huge = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'x'.repeat(10 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).errors.form).toBe('themeEdit.tooLarge')
    const long = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'y'.repeat(100_001) })
    expect(long.status).toBe(400)
    expect(await long.json()).toMatchObject({ formKey: 'thesis', errors: { thesisMd: 'validation.tooLong?max=100000' } })
    expect((await page()).theme.thesisMd).toBe(before)
  })
})

describe('theme details and archiving', () => {
  it('refuses empty names next to the fields and a parent loop', async () => {
    const res = await edit({ intent: 'details', formKey: 'details', ...themeFields, nameEn: '', nameZh: '' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toMatchObject({ nameEn: 'validation.required', nameZh: 'validation.required' })
    const child = await page('embodied-ai')
    const parent = await page()
    // Embodied AI under Multimodal AI is fine; then Multimodal AI under Embodied AI would loop.
    expect(
      (await edit({ intent: 'details', formKey: 'details', ...themeFields, parentId: String(parent.theme.id) }, analyst, 'embodied-ai'))
        .status,
    ).toBe(200)
    const loop = await edit({
      intent: 'details',
      formKey: 'details',
      ...themeFields,
      nameEn: 'Multimodal AI',
      nameZh: '多模态 AI',
      parentId: String(child.theme.id),
    })
    expect(loop.status).toBe(400)
    expect((await loop.json()).errors).toEqual({ parentId: 'themeEdit.error.parentCycle' })
    expect((await page()).subThemes.map((s: { slug: string }) => s.slug)).toEqual(['embodied-ai'])
  })

  it('archives a theme to its own home-page list and unarchives it to the status it had', async () => {
    expect((await edit({ intent: 'archive', formKey: 'archive' }, analyst, 'embodied-ai')).status).toBe(200)
    const home = await (await respond(() => homeLoader({ request: getRequest('/', viewer), params: {}, context: contextFor(conn) }))).json()
    expect(home.archived.map((t: { slug: string }) => t.slug)).toEqual(['embodied-ai'])
    expect(home.themes.map((t: { slug: string }) => t.slug)).not.toContain('embodied-ai')
    expect(home.canCreate).toBe(false)
    await edit({ intent: 'unarchive', formKey: 'archive' }, analyst, 'embodied-ai')
    expect((await page('embodied-ai')).theme.status).toBe('watching')
  })
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
      { intent: 'linkCompany', formKey: 'link-company', company: '700.hk', role: 'enabler', exposure: 'low', note: '' },
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
      { intent: 'linkCompany', formKey: 'link-company', company: '腾讯', role: 'driver', exposure: 'high' },
      analyst,
      'embodied-ai',
    )
    expect(again.status).toBe(409)
    expect((await again.json()).errors).toEqual({ company: 'themeEdit.error.companyAlreadyLinked' })
    const unknown = await edit(
      { intent: 'linkCompany', formKey: 'link-company', company: 'No Such Co', role: 'driver', exposure: 'high' },
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

describe('viewers', () => {
  it('see everything and can change nothing', async () => {
    const data = await page(SLUG, viewer)
    expect(data.canEdit).toBe(false)
    expect(data.risks.length).toBeGreaterThan(0)
    const before = data.theme.thesisMd
    const res = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'viewer was here' }, viewer)
    expect(res.status).toBe(403)
    expect((await page()).theme.thesisMd).toBe(before)
    const { entries } = await history()
    expect(entries.length).toBeGreaterThan(0)
  })

  it('an unknown theme is a 404, for reading and for editing', async () => {
    expect((await edit({ intent: 'archive' }, analyst, 'no-such-theme')).status).toBe(404)
    const res = await respond(() =>
      historyLoader({ request: getRequest('/themes/nope/history', viewer), params: { slug: 'nope' }, context: contextFor(conn) }),
    )
    expect(res.status).toBe(404)
  })
})
