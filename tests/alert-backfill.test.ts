import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as webhooksAction, loader as webhooksLoader } from '#app/routes/admin.webhooks.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createDocument,
  createUser,
  createWatchlist,
  getRequest,
  postForm,
  respond,
} from './factories.ts'

// A document published long before it was added (an archive being loaded) raises no
// mention alert; the cutoff in days is a team setting on the webhooks page.

let conn: Connection
let cookie: string
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
const fiveMentions = (name: string, n: number) => `Note ${n}. ${Array.from({ length: 5 }, () => `${name} grew.`).join(' ')}`
const alertsOf = (companyId: number) => conn.db.selectFrom('mention_alert').select('iso_week').where('company_id', '=', companyId).execute()

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('the back-fill cutoff', () => {
  it('raises no alert for a document published more than 14 days (the default) before it was added', async () => {
    const old = await createCompany(conn.db, { nameEn: 'Kuaishou' })
    const fresh = await createCompany(conn.db, { nameEn: 'Zhipu' })
    await createWatchlist(conn.db, { entries: [{ companyId: old.id }, { companyId: fresh.id }] })
    await createDocument(conn.db, { publishedOn: daysAgo(60), text: fiveMentions('Kuaishou', 1) })
    await createDocument(conn.db, { publishedOn: daysAgo(0), text: fiveMentions('Zhipu', 2) })
    expect(await alertsOf(old.id)).toEqual([])
    expect(await alertsOf(fresh.id)).toHaveLength(1)
  })

  it('is a setting: with 90 days the same kind of document raises its alert', async () => {
    const post = (days: string) =>
      respond(() =>
        webhooksAction({
          request: postForm('/admin/webhooks', { intent: 'backfill', days }, cookie),
          params: {},
          context: contextFor(conn),
        }),
      )
    expect((await post('0')).status).toBe(400)
    expect((await post('90')).status).toBe(200)
    const page = await respond(() =>
      webhooksLoader({ request: getRequest('/admin/webhooks', cookie), params: {}, context: contextFor(conn) }),
    )
    expect((await page.json()).backfillDays).toBe(90)
    const company = await createCompany(conn.db, { nameEn: 'Minimax' })
    await createWatchlist(conn.db, { entries: [{ companyId: company.id }] })
    await createDocument(conn.db, { publishedOn: daysAgo(60), text: fiveMentions('Minimax', 3) })
    expect(await alertsOf(company.id)).toHaveLength(1)
  })
})
