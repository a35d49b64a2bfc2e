import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as webhooksAction, loader as webhooksLoader } from '#app/routes/admin.webhooks.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

// Admin → Webhooks: an administrator picks how each webhook gets alerts (at once, daily
// or weekly digest); the choice is audited, a bad value is a 400, and only admins may.

let conn: Connection
let cookie: string
let analystCookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
  analystCookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

const post = (fields: Record<string, string>, as = cookie) =>
  respond(() => webhooksAction({ request: postForm('/admin/webhooks', fields, as), params: {}, context: contextFor(conn) }))
const hook = { name: 'Desk bot', url: 'https://hooks.example.com/x', format: 'wecom', enabled: 'on' }

describe('choosing a webhook delivery', () => {
  it('adds a webhook as a daily digest and switches it to weekly, audited', async () => {
    expect((await post({ ...hook, delivery: 'daily' })).status).toBe(200)
    const row = await conn.db.selectFrom('webhook').select(['id', 'delivery']).where('name', '=', 'Desk bot').executeTakeFirstOrThrow()
    expect(row.delivery).toBe('daily')
    expect((await post({ ...hook, id: String(row.id), delivery: 'weekly' })).status).toBe(200)
    const page = await (
      await respond(() => webhooksLoader({ request: getRequest('/admin/webhooks', cookie), params: {}, context: contextFor(conn) }))
    ).json()
    expect(page.webhooks.map((w: { delivery: string }) => w.delivery)).toEqual(['weekly'])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'new_value'])
      .where('action', '=', 'webhook.update')
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toMatchObject({ delivery: 'daily' })
    expect(audit.new_value).toMatchObject({ delivery: 'weekly' })
  })

  it('refuses an unknown delivery with a message, and non-admins', async () => {
    const bad = await post({ ...hook, name: 'Other', delivery: 'hourly' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toMatchObject({ delivery: 'validation.choice' })
    expect((await post({ ...hook, name: 'Other', delivery: 'daily' }, analystCookie)).status).toBe(403)
    expect(await conn.db.selectFrom('webhook').select('id').where('name', '=', 'Other').execute()).toEqual([])
  })
})
