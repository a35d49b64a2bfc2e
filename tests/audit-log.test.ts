import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as auditLoader } from '#app/routes/admin.audit.tsx'
import { loader as exportLoader } from '#app/routes/admin.audit_.export.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createDocument, createUser, createWatchlist, getRequest, respond } from './factories.ts'

// The audit log as an administrator reads it: who did what to which named object, filters
// by person, action, object and days in the team time zone, and the same rows as CSV.

let conn: Connection
let adminCookie: string
let wangId: number
let documentId: number
let watchlistId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  const admin = await createUser(conn.db, { role: 'admin', displayName: 'Admin' })
  adminCookie = await cookieFor(conn.db, admin.id)
  wangId = (await createUser(conn.db, { displayName: 'Wang Fang' })).id
  const doc = await createDocument(conn.db, { title: 'Q3 multimodal AI report' })
  documentId = doc.document.id
  watchlistId = (await createWatchlist(conn.db, { name: 'Core AI' })).id
  // Written as the models write them, at chosen instants (the log is append-only).
  // 2025-03-03 23:30 in Shanghai (the default team zone) is 15:30 UTC; 2025-03-04 00:30 there is 16:30 UTC.
  const rows: [number, string, string, number, string, unknown][] = [
    [wangId, 'document.update', 'document', documentId, '2025-03-03T15:30:00Z', { title: 'x' }],
    [wangId, 'watchlist.update', 'watchlist', watchlistId, '2025-03-03T16:30:00Z', null],
    [admin.id, 'user.change_role', 'user', wangId, '2025-03-04T02:00:00Z', null],
    [admin.id, 'document.delete', 'document', 999_999, '2025-03-05T02:00:00Z', null],
  ]
  for (const [userId, action, type, id, at, newValue] of rows)
    await conn.db
      .insertInto('audit_log')
      .values({
        user_id: userId,
        action,
        entity_type: type,
        entity_id: String(id),
        at: new Date(at),
        new_value: newValue ? JSON.stringify(newValue) : null,
      })
      .execute()
})
afterAll(async () => {
  await conn.close()
})

async function page(query = '') {
  const res = await respond(() =>
    auditLoader({ request: getRequest(`/admin/audit${query}`, adminCookie), params: {}, context: contextFor(conn) }),
  )
  expect(res.status).toBe(200)
  return res.json()
}

describe('the audit log page', () => {
  it('names and links each object, and keeps the id of one deleted since', async () => {
    const { entries, targets } = await page()
    expect(entries.slice(0, 4).map((e: { action: string }) => e.action)).toEqual([
      'document.delete',
      'user.change_role',
      'watchlist.update',
      'document.update',
    ])
    expect(targets[`document:${documentId}`]).toEqual({
      nameEn: 'Q3 multimodal AI report',
      nameZh: 'Q3 multimodal AI report',
      href: `/documents/${documentId}`,
    })
    expect(targets[`watchlist:${watchlistId}`]).toMatchObject({ nameEn: 'Core AI', href: `/watchlists/${watchlistId}` })
    expect(targets[`user:${wangId}`]).toMatchObject({ nameEn: 'Wang Fang' })
    expect(targets['document:999999']).toBeUndefined()
  })

  it('filters by person, action, object and days in the team time zone', async () => {
    const actions = async (q: string) => (await page(q)).entries.map((e: { action: string }) => e.action)
    expect(await actions(`?user=${wangId}`)).toEqual(['watchlist.update', 'document.update'])
    expect(await actions('?action=document.update')).toEqual(['document.update'])
    expect(await actions('?type=document&to=2025-12-31')).toEqual(['document.delete', 'document.update'])
    expect(await actions('?from=2025-03-04&to=2025-03-04')).toEqual(['user.change_role', 'watchlist.update'])
    expect(await actions('?to=2025-03-03')).toEqual(['document.update'])
    const { choices } = await page()
    expect(choices.people.map((p: { name: string }) => p.name)).toEqual(['Admin', 'Wang Fang'])
    expect(choices.entityTypes).toEqual(expect.arrayContaining(['document', 'user', 'watchlist']))
    // A bad filter value is ignored, not an error.
    expect(await actions('?from=yesterday&user=abc&to=2025-12-31')).toHaveLength(4)
  })
})

describe('the CSV export', () => {
  it('writes the filtered rows with team-time timestamps, a sentence and the raw values', async () => {
    const res = await respond(() =>
      exportLoader({
        request: getRequest(`/admin/audit/export?user=${wangId}&to=2025-12-31`, adminCookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('Time (Asia/Shanghai),Person,Action,What happened,Object type,Object id,Object,Before (JSON),After (JSON)')
    expect(lines.slice(1)).toEqual([
      `2025-03-04 00:30:00,Wang Fang,watchlist.update,Wang Fang edited the watchlist Core AI,Watchlist,${watchlistId},Core AI,,`,
      `2025-03-03 23:30:00,Wang Fang,document.update,Wang Fang edited the document Q3 multimodal AI report,Document,${documentId},Q3 multimodal AI report,,"{""title"":""x""}"`,
    ])
  })

  it('is for administrators only', async () => {
    const viewer = await createUser(conn.db, { role: 'viewer' })
    const cookie = await cookieFor(conn.db, viewer.id)
    const res = await respond(() =>
      exportLoader({ request: getRequest('/admin/audit/export', cookie), params: {}, context: contextFor(conn) }),
    )
    expect(res.status).toBe(403)
  })
})
