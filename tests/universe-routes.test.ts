import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action, loader } from '#app/routes/companies.import.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, respond } from './factories.ts'

// The universe upload page: analysts and administrators preview and import; viewers are
// refused; a file it cannot read gets a 4xx with what to do.

let conn: Connection
let analyst: string
let admin: string
let viewer: string
beforeAll(async () => {
  conn = await createTestDatabase()
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  admin = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

function upload(name: string, fields: Record<string, string>, cookie: string) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  form.append('file', new File([readFileSync(path.join(import.meta.dirname, 'fixtures', 'universe', name))], name))
  const request = new Request('http://localhost/companies/import', { method: 'POST', body: form, headers: { Cookie: cookie } })
  return respond(() => action({ request, params: {}, context: contextFor(conn) }))
}
const companies = async () => (await conn.db.selectFrom('company').select('id').execute()).length

describe('/companies/import', () => {
  it('refuses viewers, to look and to post', async () => {
    expect(
      (await respond(() => loader({ request: getRequest('/companies/import', viewer), params: {}, context: contextFor(conn) }))).status,
    ).toBe(403)
    expect((await upload('bse-list.csv', { intent: 'apply' }, viewer)).status).toBe(403)
    expect(await companies()).toBe(0)
  })

  it('previews without changing anything, then an administrator imports, audited', async () => {
    const preview = await upload('ifind-export.xlsx', { intent: 'preview' }, analyst)
    expect(preview.status).toBe(200)
    const body = await preview.json()
    expect(body).toMatchObject({ ok: true, intent: 'preview', format: 'ifind', plan: { counts: { created: 3, updated: 0, unchanged: 0 } } })
    expect(body.plan.created.items[0]).toMatchObject({ nameZh: '寒武纪', tickers: [{ ticker: '688256.SH', board: 'star' }] })
    expect(await companies()).toBe(0)

    const applied = await (
      await upload('ifind-export.xlsx', { intent: 'apply', format: 'auto', vendorType: 'model_company' }, admin)
    ).json()
    expect(applied.plan.counts.created).toBe(3)
    expect(await companies()).toBe(3)
    const vendor = await conn.db.selectFrom('company').select('vendor_type').distinct().execute()
    expect(vendor).toEqual([{ vendor_type: 'model_company' }])
    const audit = await conn.db.selectFrom('audit_log').select(['action', 'ip']).where('action', '=', 'company.universe_import').execute()
    expect(audit).toHaveLength(1)
  })

  it('answers an old Excel file, a wrong layout and a missing file with a 4xx and a message', async () => {
    const old = await upload('old-excel.xls', { intent: 'preview' }, analyst)
    expect(old.status).toBe(415)
    expect((await old.json()).errors).toEqual({ file: 'universe.file.oldExcel' })
    const wrong = await upload('bse-list.csv', { intent: 'preview', format: 'hkex' }, analyst)
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors).toEqual({ file: 'universe.file.wrongLayout?format=hkex' })
    const badFormat = await upload('bse-list.csv', { intent: 'preview', format: 'excel97' }, analyst)
    expect(badFormat.status).toBe(400)
  })
})
