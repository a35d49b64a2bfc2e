import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fieldError } from '#app/components/form.tsx'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { loader as companiesLoader } from '#app/routes/companies._index.tsx'
import { action as companyAction, loader as companyLoader } from '#app/routes/companies.$id.tsx'
import { action as newAction, loader as newLoader } from '#app/routes/companies.new.tsx'
import { loader as searchLoader } from '#app/routes/search.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createThemeCompany, createUser, getRequest, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'

let conn: Connection
let analyst: string
let analystZh: string
let viewer: string
let tencentId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  const { Tencent } = await createCompanies(conn.db, ['Tencent', 'OpenAI', 'Alibaba', 'Baidu'])
  tencentId = Tencent.id
  const theme = await createTheme(conn.db, { slug: 'multimodal-ai', nameEn: 'Multimodal AI', nameZh: '多模态 AI' })
  await createTheme(conn.db, { slug: 'embodied-ai', nameEn: 'Embodied AI', nameZh: '具身智能' })
  await createThemeCompany(conn.db, { themeId: theme.id, companyId: tencentId })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  const zh = await createUser(conn.db, { role: 'analyst' })
  await conn.db.updateTable('app_user').set({ locale: 'zh-CN' }).where('id', '=', zh.id).execute()
  analystZh = await cookieFor(conn.db, zh.id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const en = makeTranslate('en')
const zh = makeTranslate('zh-CN')
const base = {
  nameEn: 'Zhipu AI',
  nameZh: '智谱',
  region: 'domestic',
  listing: 'private',
  vendorType: 'model_company',
  tickers: '',
  aliases: '',
}

const create = (fields: Record<string, string | string[]>, cookie = analyst) =>
  respond(() => newAction({ request: postForm('/companies/new', fields, cookie), params: {}, context: contextFor(conn) }))
const edit = (id: number, fields: Record<string, string | string[]>, cookie = analyst) =>
  respond(() =>
    companyAction({ request: postForm(`/companies/${id}`, fields, cookie), params: { id: String(id) }, context: contextFor(conn) }),
  )
const search = async (q: string) =>
  (
    await respond(() =>
      searchLoader({
        request: getRequest(`/search?q=${encodeURIComponent(q)}&format=json`, viewer),
        params: {},
        context: contextFor(conn),
      }),
    )
  ).json()

async function rowCounts() {
  const tables = ['company', 'company_alias', 'company_ticker', 'audit_log'] as const
  return Promise.all(
    tables.map(async (table) =>
      Number(
        (
          await conn.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  )
}

describe('creating a company', () => {
  it('creates it with normalised tickers and aliases, audits it, and opens its page', async () => {
    const res = await create({ ...base, tickers: '600519.SS, 1234 HK', aliases: 'GLM\n智谱清言\n\n', modalityIds: [] })
    expect(res.status).toBe(302)
    const id = Number(res.headers.get('Location')!.split('/').at(-1))
    const page = await (
      await respond(() =>
        companyLoader({ request: getRequest(`/companies/${id}`, analyst), params: { id: String(id) }, context: contextFor(conn) }),
      )
    ).json()
    expect(page.tickers.map((t: { code: string; exchange: string }) => `${t.code}.${t.exchange}`)).toEqual(['600519.SH', '1234.HK'])
    expect(page.aliases.map((a: { text: string }) => a.text).sort()).toEqual(['GLM', 'Zhipu AI', '智谱', '智谱清言'].sort())
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('entity_type', '=', 'company')
      .where('entity_id', '=', String(id))
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].new_value).toMatchObject({ nameEn: 'Zhipu AI', tickers: ['600519.SH', '1234.HK'] })
  })

  it('refuses an empty name with 400 next to the field and creates nothing', async () => {
    const before = await rowCounts()
    const res = await create({ ...base, nameEn: '   ' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors.nameEn).toBe('validation.required')
    expect(body.values.nameZh).toBe('智谱')
    expect(await rowCounts()).toEqual(before)
  })

  it('names the ticker it cannot read', async () => {
    const before = await rowCounts()
    const res = await create({ ...base, nameEn: 'Newco', nameZh: '', tickers: 'BABA2, 0700.HK' })
    expect(res.status).toBe(400)
    expect(fieldError(en, (await res.json()).errors.tickers)).toBe(
      '"BABA2" is not a ticker we recognise. Use forms such as 600519.SH, 0700.HK or BABA.',
    )
    expect(await rowCounts()).toEqual(before)
  })

  it("refuses 700.HK because Tencent has 0700.HK, naming Tencent in the reader's language", async () => {
    const before = await rowCounts()
    const res = await create({ ...base, nameEn: 'Newco', nameZh: '', tickers: '700.HK' })
    expect(res.status).toBe(409)
    expect(fieldError(en, (await res.json()).errors.tickers)).toBe('0700.HK already belongs to Tencent.')
    const zhRes = await create({ ...base, nameEn: 'Newco', nameZh: '', tickers: '00700 HK' }, analystZh)
    expect(fieldError(zh, (await zhRes.json()).errors.tickers)).toBe('0700.HK 已属于腾讯。')
    expect(await rowCounts()).toEqual(before)
  })

  it("refuses an alias another company has, naming it, and a name that is another company's alias", async () => {
    const before = await rowCounts()
    const res = await create({ ...base, nameEn: 'Newco', nameZh: '', aliases: 'Newco Cloud\nchatgpt' })
    expect(res.status).toBe(409)
    expect(fieldError(en, (await res.json()).errors.aliases)).toBe('"chatgpt" is already an alias of OpenAI.')
    const byName = await create({ ...base, nameEn: 'Newco', nameZh: '腾讯控股' }, analystZh)
    expect(fieldError(zh, (await byName.json()).errors.nameZh)).toBe('“腾讯控股”已是腾讯的别名。')
    expect(await rowCounts()).toEqual(before)
  })

  it('is refused to viewers (403), who also cannot open the form', async () => {
    const before = await rowCounts()
    expect((await create(base, viewer)).status).toBe(403)
    expect(
      (await respond(() => newLoader({ request: getRequest('/companies/new', viewer), params: {}, context: contextFor(conn) }))).status,
    ).toBe(403)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('editing on the company page', () => {
  it('adds, edits and removes an alias, with audit rows holding old and new values', async () => {
    const added = await edit(tencentId, { intent: 'addAlias', text: 'WeChat', language: 'any', kind: 'product', caseSensitive: 'on' })
    expect(added.status).toBe(200)
    const alias = await conn.db.selectFrom('company_alias').selectAll().where('normalised_text', '=', 'wechat').executeTakeFirstOrThrow()
    expect(alias).toMatchObject({ company_id: tencentId, kind: 'product', case_sensitive: true, is_ambiguous: false })
    await edit(tencentId, {
      intent: 'updateAlias',
      aliasId: String(alias.id),
      text: 'Weixin',
      language: 'en',
      kind: 'product',
      ambiguous: 'on',
    })
    await edit(tencentId, { intent: 'removeAlias', aliasId: String(alias.id) })
    const trail = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('entity_id', '=', String(tencentId))
      .where('action', 'like', 'company.alias%')
      .orderBy('id')
      .execute()
    expect(trail.map((a) => a.action)).toEqual(['company.alias_add', 'company.alias_update', 'company.alias_remove'])
    expect(trail[1].old_value).toMatchObject({ text: 'WeChat', caseSensitive: true, isAmbiguous: false })
    expect(trail[1].new_value).toMatchObject({ text: 'Weixin', caseSensitive: false, isAmbiguous: true })
  })

  it('refuses a duplicate alias with the other company named next to the field', async () => {
    const res = await edit(tencentId, { intent: 'addAlias', text: 'ＯｐｅｎＡＩ', language: 'any', kind: 'name' })
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.target).toBe('alias:new')
    expect(fieldError(en, body.errors.text)).toBe('"ＯｐｅｎＡＩ" is already an alias of OpenAI.')
  })

  it('adds a ticker in any style, refuses a bad or taken one, and edits the profile', async () => {
    expect((await edit(tencentId, { intent: 'addTicker', ticker: 'tcehy' })).status).toBe(200)
    const bad = await edit(tencentId, { intent: 'addTicker', ticker: '12345678' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.ticker).toMatch(/^companyEdit\.tickerInvalid\?/)
    const taken = await edit(tencentId, { intent: 'addTicker', ticker: 'BABA' })
    expect(fieldError(en, (await taken.json()).errors.ticker)).toBe('BABA already belongs to Alibaba.')
    const profile = {
      intent: 'profile',
      nameEn: 'Tencent',
      nameZh: '腾讯',
      region: 'domestic',
      listing: 'listed',
      vendorType: 'big_tech',
      website: 'not a url',
      notesMd: 'Hunyuan.',
    }
    const refused = await edit(tencentId, profile)
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors.website).toBe('companyEdit.websiteInvalid')
    expect((await edit(tencentId, { ...profile, website: 'tencent.com' })).status).toBe(200)
    const row = await conn.db.selectFrom('company').select(['website', 'notes_md']).where('id', '=', tencentId).executeTakeFirstOrThrow()
    expect(row).toEqual({ website: 'https://tencent.com', notes_md: 'Hunyuan.' })
  })

  it('refuses every edit from a viewer, and hides the controls', async () => {
    const before = await rowCounts()
    expect((await edit(tencentId, { intent: 'addAlias', text: 'Viewer alias', language: 'any', kind: 'name' }, viewer)).status).toBe(403)
    expect(await rowCounts()).toEqual(before)
    const page = await (
      await respond(() =>
        companyLoader({
          request: getRequest(`/companies/${tencentId}`, viewer),
          params: { id: String(tencentId) },
          context: contextFor(conn),
        }),
      )
    ).json()
    expect(page.canEdit).toBe(false)
    expect(page.themes.map((t: { slug: string }) => t.slug)).toContain('multimodal-ai')
    const list = await (
      await respond(() => companiesLoader({ request: getRequest('/companies', viewer), params: {}, context: contextFor(conn) }))
    ).json()
    expect(list.canEdit).toBe(false)
  })

  it('answers 404 for an unknown company and 400 for a malformed form', async () => {
    expect((await edit(999_999, { intent: 'removeAlias', aliasId: '1' })).status).toBe(404)
    expect((await edit(tencentId, { intent: 'bogus' })).status).toBe(400)
  })
})

describe('search', () => {
  it.each([
    ['Ｏｐｅｎ ＡＩ', 'OpenAI'],
    ['openai', 'OpenAI'],
    ['OpenAI', 'OpenAI'],
    ['腾讯', 'Tencent'],
    ['700.hk', 'Tencent'],
  ])('%s finds %s first', async (q, name) => {
    const { companies } = await search(q)
    expect(companies[0].nameEn).toBe(name)
  })

  it.each(['multimodal', '多模态'])('%s finds the theme', async (q) => {
    const { themes } = await search(q)
    expect(themes.map((t: { slug: string }) => t.slug)).toEqual(['multimodal-ai'])
  })

  it('finds a company created a moment ago by its full-width name', async () => {
    const { companies } = await search('ＺＨＩＰＵ')
    expect(companies[0]).toMatchObject({ nameEn: 'Zhipu AI', match: { by: 'alias', rank: 1 } })
  })

  it('sends signed-out readers to sign in', async () => {
    const res = await respond(() => searchLoader({ request: getRequest('/search?q=x'), params: {}, context: contextFor(conn) }))
    expect(res.status).toBe(302)
  })
})
