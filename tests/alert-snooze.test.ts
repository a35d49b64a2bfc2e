import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getSnoozes, WEBHOOK_DELIVERY_JOB_KIND } from '#app/models/mentions/index.server.ts'
import { createWebhook } from '#app/models/ops/index.server.ts'
import { action as snoozeAction } from '#app/routes/mentions_.snooze.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createDocument, createUser, createWatchlist, postForm, respond } from './factories.ts'

// Snoozing a company (team-wide): its alerts are still raised and listed, but not posted
// to the webhooks until the snooze ends; analysts may snooze, viewers may not.

let conn: Connection
let analystCookie: string
let viewerCookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  const analyst = await createUser(conn.db, { role: 'analyst' })
  analystCookie = await cookieFor(conn.db, analyst.id)
  viewerCookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  await createWebhook(conn.db, analyst, { name: 'Group bot', url: 'https://hooks.example.com/x', format: 'generic', enabled: true })
})
afterAll(async () => {
  await conn.close()
})

const snooze = (cookie: string, fields: Record<string, string>) =>
  respond(() => snoozeAction({ request: postForm('/mentions/snooze', fields, cookie), params: {}, context: contextFor(conn) }))
const today = () => new Date().toISOString().slice(0, 10)
const jobsFor = async (companyId: number) => {
  const alerts = await conn.db.selectFrom('mention_alert').select('id').where('company_id', '=', companyId).execute()
  const jobs = await conn.db.selectFrom('job').select('payload').where('kind', '=', WEBHOOK_DELIVERY_JOB_KIND).execute()
  return {
    alerts: alerts.length,
    posts: jobs.filter((j) => alerts.some((a) => (j.payload as { alertId: number }).alertId === a.id)).length,
  }
}

describe('snoozing a company', () => {
  it('keeps raising its alerts but posts none while snoozed', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Kuaishou' })
    await createWatchlist(conn.db, { entries: [{ companyId: company.id }] })
    expect((await snooze(viewerCookie, { companyId: String(company.id), days: '7' })).status).toBe(403)
    const res = await snooze(analystCookie, { companyId: String(company.id), days: '7', back: '/mentions?scope=watchlist-1' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/mentions?scope=watchlist-1')
    expect(Object.keys(await getSnoozes(conn.db))).toEqual([String(company.id)])
    await createDocument(conn.db, { publishedOn: today(), text: 'Kuaishou grew. '.repeat(5) })
    expect(await jobsFor(company.id)).toEqual({ alerts: 1, posts: 0 })
  })

  it('posts again after resuming, and refuses other lengths', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Zhipu' })
    await createWatchlist(conn.db, { entries: [{ companyId: company.id }] })
    expect((await snooze(analystCookie, { companyId: String(company.id), days: '3' })).status).toBe(400)
    await snooze(analystCookie, { companyId: String(company.id), days: '7' })
    await snooze(analystCookie, { companyId: String(company.id), days: '0', back: 'https://evil.example/' })
    expect(await getSnoozes(conn.db)).not.toHaveProperty(String(company.id))
    await createDocument(conn.db, { publishedOn: today(), text: 'Zhipu grew. '.repeat(5) })
    expect(await jobsFor(company.id)).toEqual({ alerts: 1, posts: 1 })
  })
})
