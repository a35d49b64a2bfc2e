import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader } from '#app/routes/companies.match.tsx'
import { loader as newCompanyLoader } from '#app/routes/companies.new.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createUser, getRequest, respond } from './factories.ts'

// GET /companies/match, what the company picker asks as a person types: the header
// search's companies by name, alias or ticker, best first; and "create the company"
// opening the new-company form with the typed name in the right language's field.

let conn: Connection
let analyst: string

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompany(conn.db, { nameEn: 'Tencent', nameZh: '腾讯控股', tickers: ['0700.HK'], aliases: ['腾讯', 'Hunyuan'] })
  await createCompany(conn.db, { nameEn: 'Kweichow Moutai', nameZh: '贵州茅台', tickers: ['600519.SS'] })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

const match = async (q: string, cookie: string | undefined = analyst) =>
  respond(() =>
    loader({ request: getRequest(`/companies/match?q=${encodeURIComponent(q)}`, cookie), params: {}, context: contextFor(conn) }),
  )
const names = async (q: string) => ((await (await match(q)).json()) as { companies: { nameEn: string }[] }).companies.map((c) => c.nameEn)

describe('/companies/match', () => {
  it('finds a company by Chinese alias, ticker in any form and product alias; nothing for an unknown name', async () => {
    expect(await names('腾讯')).toEqual(['Tencent'])
    expect(await names('700.hk')).toEqual(['Tencent'])
    expect(await names('600519.SS')).toEqual(['Kweichow Moutai'])
    expect(await names('hunyuan')).toEqual(['Tencent'])
    expect(await names('Zyxw Robotics')).toEqual([])
    expect(await names('')).toEqual([])
    const body = await (await match('0700')).json()
    expect(body.companies[0]).toMatchObject({ nameEn: 'Tencent', nameZh: '腾讯控股', tickers: ['0700.HK'], matchedBy: 'ticker' })
  })

  it('answers only to people signed in', async () => {
    const res = await match('腾讯', '')
    expect(res.status).toBeGreaterThanOrEqual(300)
    expect(res.status).toBeLessThan(500)
  })

  it('opens the new-company form with the typed name in the English or Chinese field', async () => {
    const prefill = async (name: string) =>
      (
        await (
          await respond(() =>
            newCompanyLoader({
              request: getRequest(`/companies/new?name=${encodeURIComponent(name)}`, analyst),
              params: {},
              context: contextFor(conn),
            }),
          )
        ).json()
      ).typedName
    expect(await prefill('Zyxw Robotics')).toEqual({ nameEn: 'Zyxw Robotics' })
    expect(await prefill('星尘智能')).toEqual({ nameZh: '星尘智能' })
  })
})
