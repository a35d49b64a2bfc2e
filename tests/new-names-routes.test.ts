import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as newCompanyAction, loader as newCompanyLoader } from '#app/routes/companies.new.tsx'
import { action, loader } from '#app/routes/mentions_.new-names.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createDocument, createUser, getRequest, postForm, respond } from './factories.ts'

// The "New names" page as people meet it: everyone reads, analysts decide, viewers are
// refused; adding goes through the company form or becomes a product alias, and either
// way the company's history is queued for re-matching.

let conn: Connection
let analyst: string
let viewer: string
let bytedanceId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  bytedanceId = (await createCompany(conn.db, { nameEn: 'ByteDance', nameZh: '字节跳动' })).id
  await createDocument(conn.db, { text: '字节跳动旗下即梦上线新功能，爱诗科技<b>跟进</b>。爱诗科技估值上升。', title: 'Week note' })
})
afterAll(async () => {
  await conn?.close()
})

const page = (query: string, cookie = viewer) =>
  respond(() => loader({ request: getRequest(`/mentions/new-names${query}`, cookie), params: {}, context: contextFor(conn) }))
const decide = (fields: Record<string, string>, cookie = analyst) =>
  respond(() => action({ request: postForm('/mentions/new-names', fields, cookie), params: {}, context: contextFor(conn) }))
const idOf = async (text: string) =>
  (await conn.db.selectFrom('new_name').select('id').where('display_text', '=', text).executeTakeFirstOrThrow()).id
const rematchJobs = async (companyId: number) =>
  (await conn.db.selectFrom('job').select('payload').where('kind', '=', 'rematch-company').execute()).filter(
    (j) => (j.payload as { companyId?: number }).companyId === companyId,
  )

describe('the New names page', () => {
  it('shows this week’s names to a viewer, most mentioned first, without the ways to decide', async () => {
    const res = await page('')
    expect(res.status).toBe(200)
    const data = await res.json()
    expect(data.canDecide).toBe(false)
    expect(data.names.map((n: { text: string }) => n.text)).toEqual(['爱诗科技', '即梦'])
    expect(data.names[0]).toMatchObject({ mentions: 2, documents: 1, sightings: [{ title: 'Week note' }] })
  })

  it('answers 400 for a week that is not an ISO week, and shows the current week', async () => {
    const res = await page('?week=2026-W99')
    expect(res.status).toBe(400)
    const data = await res.json()
    expect(data.error).toMatch(/^newnames\.error\.week/)
    expect(data.names).toHaveLength(2)
    expect((await (await page('?week=2020-W01')).json()).names).toEqual([])
  })

  it('refuses a viewer’s decision and a decision about no name', async () => {
    const id = await idOf('爱诗科技')
    expect((await decide({ intent: 'dismiss', id: String(id) }, viewer)).status).toBe(403)
    expect((await conn.db.selectFrom('new_name').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('new')
    expect((await decide({ intent: 'dismiss', id: 'x' })).status).toBe(400)
    expect((await decide({ intent: 'dismiss', id: '999999' })).status).toBe(404)
    expect((await decide({ intent: 'burn', id: String(id) })).status).toBe(400)
  })

  it('lets an analyst dismiss a name and undo it', async () => {
    const id = String(await idOf('爱诗科技'))
    expect((await decide({ intent: 'dismiss', id })).status).toBe(200)
    let data = await (await page('', analyst)).json()
    expect(data.names.map((n: { text: string }) => n.text)).toEqual(['即梦'])
    expect(data.dismissed.map((n: { text: string }) => n.text)).toEqual(['爱诗科技'])
    expect((await decide({ intent: 'dismiss', id })).status).toBe(409)
    expect((await decide({ intent: 'restore', id })).status).toBe(200)
    data = await (await page('', analyst)).json()
    expect(data.names.map((n: { text: string }) => n.text)).toContain('爱诗科技')
  })

  it('adds a product as an alias of its owner and queues the owner’s history for re-matching', async () => {
    const res = await decide({ intent: 'addProduct', id: String(await idOf('即梦')) })
    expect(res.status).toBe(200)
    const alias = await conn.db.selectFrom('company_alias').selectAll().where('text', '=', '即梦').executeTakeFirstOrThrow()
    expect(alias).toMatchObject({ company_id: bytedanceId, kind: 'product' })
    expect(await rematchJobs(bytedanceId)).toHaveLength(1)
    // An organisation has no owner to join.
    expect((await decide({ intent: 'addProduct', id: String(await idOf('爱诗科技')) })).status).toBe(400)
  })

  it('prefills the new-company form from a name and links the created company to it', async () => {
    const id = await idOf('爱诗科技')
    const form = await respond(() =>
      newCompanyLoader({ request: getRequest(`/companies/new?newName=${id}`, analyst), params: {}, context: contextFor(conn) }),
    )
    const { prefill } = await form.json()
    expect(prefill).toMatchObject({ newNameId: id, values: { nameZh: '爱诗科技', nameEn: '', region: 'domestic', listing: 'private' } })
    const created = await respond(() =>
      newCompanyAction({
        request: postForm(
          `/companies/new?newName=${id}`,
          {
            nameEn: 'AISHI Technology',
            nameZh: '爱诗科技',
            region: 'domestic',
            listing: 'private',
            vendorType: 'application_company',
            newNameId: String(id),
          },
          analyst,
        ),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(created.status).toBe(302)
    const companyId = Number(created.headers.get('Location')!.split('/').pop())
    const row = await conn.db.selectFrom('new_name').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'added', company_id: companyId })
    expect(await rematchJobs(companyId)).toHaveLength(1)
    expect((await (await page('', analyst)).json()).names).toEqual([])
  })
})
