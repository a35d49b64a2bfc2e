import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createWebhook, listDeliveries, recordDelivery } from '#app/models/ops/index.server.ts'
import { action as webhooksAction } from '#app/routes/admin.webhooks.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, postForm, respond } from './factories.ts'

// Deleting a webhook asks what happens to its delivery log: kept (under the webhook's
// name) or deleted with it. Without an answer nothing is deleted.

let conn: Connection
let admin: { id: number }
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  admin = await createUser(conn.db, { role: 'admin' })
  cookie = await cookieFor(conn.db, admin.id)
})
afterAll(async () => {
  await conn.close()
})

async function hookWithLog(name: string) {
  const id = await createWebhook(conn.db, admin, { name, url: 'https://hooks.example.com/x', format: 'generic', enabled: true })
  await recordDelivery(conn.db, { webhookId: id, alertId: null, jobId: null, attempt: 1, outcome: 'sent', httpStatus: 200 })
  return id
}

const post = (fields: Record<string, string>) =>
  respond(() => webhooksAction({ request: postForm('/admin/webhooks', fields, cookie), params: {}, context: contextFor(conn) }))

describe('deleting a webhook', () => {
  it('asks about the log first and deletes nothing without an answer', async () => {
    const id = await hookWithLog('Unanswered')
    const res = await post({ intent: 'delete', id: String(id) })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual({ log: 'webhookdel.chooseLog' })
    expect(await conn.db.selectFrom('webhook').select('id').where('id', '=', id).execute()).toHaveLength(1)
  })

  it('keeps the delivery log under the webhook name when asked to', async () => {
    const id = await hookWithLog('Research group bot')
    expect((await post({ intent: 'delete', id: String(id), log: 'keep' })).status).toBe(200)
    expect(await conn.db.selectFrom('webhook').select('id').where('id', '=', id).execute()).toHaveLength(0)
    const kept = (await listDeliveries(conn.db)).filter((d) => d.webhookName === 'Research group bot')
    expect(kept).toMatchObject([{ webhookDeleted: true, outcome: 'sent' }])
  })

  it('removes the delivery log with the webhook when asked to, and audits the choice', async () => {
    const id = await hookWithLog('Old bot')
    expect((await post({ intent: 'delete', id: String(id), log: 'remove' })).status).toBe(200)
    expect((await listDeliveries(conn.db)).filter((d) => d.webhookName === 'Old bot')).toEqual([])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['new_value'])
      .where('action', '=', 'webhook.delete')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.new_value).toEqual({ keepLog: false, deliveriesRemoved: 1 })
    expect((await post({ intent: 'delete', id: String(id), log: 'remove' })).status).toBe(404)
  })
})
