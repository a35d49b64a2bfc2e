import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as companiesLoader } from '#app/routes/companies._index.tsx'
import { loader as searchLoader } from '#app/routes/search.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createUser, getRequest, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'

// Issue 16: the /companies text filter missed what the header search found (600519.SS,
// 腾讯控股, Hunyuan). Both now run the same search, so whatever one finds the other lists.

let conn: Connection
let viewer: string
beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Tencent', 'Baidu', 'OpenAI'])
  await createCompany(conn.db, { nameEn: 'Kweichow Moutai', nameZh: '贵州茅台', tickers: ['600519.SH'] })
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

async function listed(q: string): Promise<string[]> {
  const res = await respond(() =>
    companiesLoader({ request: getRequest(`/companies?q=${encodeURIComponent(q)}`, viewer), params: {}, context: contextFor(conn) }),
  )
  const data = (await res.json()) as { companies: { id: number; nameEn: string }[]; matchIds: number[] | null }
  const ids = new Set(data.matchIds ?? data.companies.map((c) => c.id))
  return data.companies.filter((c) => ids.has(c.id)).map((c) => c.nameEn)
}

async function headerFinds(q: string): Promise<string[]> {
  const res = await respond(() =>
    searchLoader({ request: getRequest(`/search?q=${encodeURIComponent(q)}&format=json`, viewer), params: {}, context: contextFor(conn) }),
  )
  return ((await res.json()) as { companies: { nameEn: string }[] }).companies.map((c) => c.nameEn)
}

describe('/companies text filter', () => {
  it.each([
    ['600519.SS', 'Kweichow Moutai'],
    ['腾讯控股', 'Tencent'],
    ['Hunyuan', 'Tencent'],
    ['hunyuan', 'Tencent'],
    ['ＢＩＤＵ', 'Baidu'],
    ['chatgpt', 'OpenAI'],
  ])('finds %s like the header search does', async (q, company) => {
    expect(await headerFinds(q)).toContain(company)
    expect(await listed(q)).toEqual([company])
  })

  it('lists every company when the filter is empty, and none for text nobody matches', async () => {
    expect(await listed('')).toHaveLength(4)
    expect(await listed('   ')).toHaveLength(4)
    expect(await listed('no such company zzz')).toEqual([])
  })
})
