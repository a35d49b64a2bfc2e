import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { action as webhooksAction, loader as webhooksLoader } from '#app/routes/admin.webhooks.tsx'
import { loader as companyLoader } from '#app/routes/companies.$id.tsx'
import { loader as mentionsLoader } from '#app/routes/mentions.tsx'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createThemeCompany, createUser, getRequest, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'

// The dashboard and webhook pages as a browser meets them: defaults, bad weeks, roles.

let conn: Connection
let admin: string
let viewer: string
let week: string
let baiduId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  admin = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  week = await currentTeamWeek(conn.db)
  const { Baidu, Tencent } = await createCompanies(conn.db, ['Baidu', 'Tencent'])
  baiduId = Baidu.id
  // The dashboard opens on the first theme; Baidu is on it.
  const theme = await createTheme(conn.db, { nameEn: 'A first theme' })
  for (const company of [Baidu, Tencent]) await createThemeCompany(conn.db, { themeId: theme.id, companyId: company.id })
  // No published date: the document counts in the week it is stored, i.e. this week.
  await ingestDocument(conn.db, {
    text: '百度发布了新的多模态模型。<script>alert(1)</script> 百度 and Baidu again.',
    title: 'This week',
    publisher: 'CICC',
  })
})
afterAll(async () => {
  await conn?.close()
})

const mentions = (query: string, cookie = viewer) =>
  respond(() => mentionsLoader({ request: getRequest(`/mentions${query}`, cookie), params: {}, context: contextFor(conn) }))

describe('the mentions dashboard', () => {
  it('shows the last 8 weeks of the first theme to a viewer by default', async () => {
    const res = await mentions('')
    expect(res.status).toBe(200)
    const data = await res.json()
    expect(data.values).toMatchObject({ to: week })
    expect(data.view.weekly).toHaveLength(8)
    expect(data.view.top[0]).toMatchObject({ nameEn: 'Baidu', mentions: 3, documents: 1 })
  })

  it('answers 400 with a message next to the week that is not an ISO week, and still shows the default view', async () => {
    const res = await mentions('?from=2026-W60&to=last-week')
    expect(res.status).toBe(400)
    const data = await res.json()
    expect(data.errors).toEqual({ from: `mentions.error.week?week=${week}`, to: `mentions.error.week?week=${week}` })
    expect(data.view.weekly).toHaveLength(8)
  })

  it('refuses a backwards or too long range', async () => {
    expect((await (await mentions('?from=2026-W10&to=2026-W01')).json()).errors).toEqual({ from: 'mentions.error.order' })
    expect((await (await mentions('?from=2020-W01&to=2026-W01')).json()).errors).toEqual({ from: 'mentions.error.tooLong?max=104' })
  })

  it('says so when the theme or watchlist does not exist', async () => {
    const res = await mentions('?scope=watchlist-99999')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual({ scope: 'mentions.error.scope' })
  })

  it('filters by publisher', async () => {
    expect((await (await mentions('?publisher=Nobody')).json()).view.top).toEqual([])
    expect((await (await mentions('?publisher=CICC')).json()).view.top).toHaveLength(1)
  })

  it('needs a signed-in user', async () => {
    const res = await respond(() => mentionsLoader({ request: getRequest('/mentions'), params: {}, context: contextFor(conn) }))
    expect([302, 401, 403]).toContain(res.status)
  })
})

describe('the company page', () => {
  it('has weekly counts and the latest snippets as text', async () => {
    const res = await respond(() =>
      companyLoader({ request: getRequest(`/companies/${baiduId}`, viewer), params: { id: String(baiduId) }, context: contextFor(conn) }),
    )
    const data = await res.json()
    expect(data.mentionWeeks).toHaveLength(26)
    expect(data.mentionWeeks.at(-1)).toEqual({ week, mentions: 3, documents: 1 })
    expect(data.snippets[0]).toMatchObject({ title: 'This week', publisher: 'CICC', aliasText: '百度' })
  })
})

describe('the webhooks page', () => {
  const post = (fields: Record<string, string>, cookie = admin) =>
    respond(() => webhooksAction({ request: postForm('/admin/webhooks', fields, cookie), params: {}, context: contextFor(conn) }))

  it('lets an administrator add, edit and switch off a webhook, audited', async () => {
    expect(
      (await post({ name: 'Team WeCom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', format: 'wecom', enabled: 'on' }))
        .status,
    ).toBe(200)
    const [hook] = await conn.db.selectFrom('webhook').selectAll().execute()
    expect(hook).toMatchObject({ name: 'Team WeCom', format: 'wecom', enabled: true })
    expect((await post({ id: String(hook.id), name: 'Team WeCom', url: hook.url, format: 'wecom' })).status).toBe(200)
    expect((await conn.db.selectFrom('webhook').select('enabled').executeTakeFirstOrThrow()).enabled).toBe(false)
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('entity_type', '=', 'webhook')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update'])
    expect(JSON.stringify(audit)).not.toContain('k1') // the bot key stays out of the audit log
  })

  it('refuses a bad address or format with a message on the field, storing nothing', async () => {
    const before = await conn.db.selectFrom('webhook').select('id').execute()
    const res = await post({ name: 'x', url: 'ftp://example.com/hook', format: 'slack' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual({ url: 'feeds.urlInvalid', format: 'validation.choice' })
    expect(await conn.db.selectFrom('webhook').select('id').execute()).toEqual(before)
  })

  it('says when the webhook to edit is gone', async () => {
    const res = await post({ id: '99999', name: 'x', url: 'https://example.com/h', format: 'generic' })
    expect(res.status).toBe(404)
  })

  it('answers a test message for an unknown or malformed webhook with a 4xx, posting nothing', async () => {
    expect((await post({ intent: 'test', id: '99999' })).status).toBe(404)
    const bad = await post({ intent: 'test', id: 'x' })
    expect(bad.status).toBe(400)
    expect(await conn.db.selectFrom('webhook_delivery').select('id').where('alert_id', 'is', null).execute()).toEqual([])
  })

  it('is closed to viewers', async () => {
    expect((await post({ name: 'x', url: 'https://example.com/h', format: 'generic' }, viewer)).status).toBe(403)
    expect((await post({ intent: 'test', id: '1' }, viewer)).status).toBe(403)
    expect(
      (await respond(() => webhooksLoader({ request: getRequest('/admin/webhooks', viewer), params: {}, context: contextFor(conn) })))
        .status,
    ).toBe(403)
  })
})
