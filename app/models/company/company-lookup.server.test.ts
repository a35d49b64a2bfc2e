import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompanies } from '#tests/fixtures/companies.ts'

import { findCompanyByIdentifier } from './company-lookup.server.ts'

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['Tencent', 'Alibaba', 'Meitu', 'Stability AI'])
})
afterAll(async () => {
  await conn.close()
})

describe('findCompanyByIdentifier', () => {
  it.each([
    ['0700.HK', 'Tencent', 'ticker'],
    ['700.hk', 'Tencent', 'ticker'],
    ['腾讯', 'Tencent', 'alias'],
    ['Ｔｅｎｃｅｎｔ', 'Tencent', 'alias'],
    ['9988.HK', 'Alibaba', 'ticker'],
    ['BABA', 'Alibaba', 'ticker'],
    ['美图', 'Meitu', 'alias'],
    ['stable diffusion', 'Stability AI', 'alias'],
  ])('%s is %s (by %s)', async (text, name, by) => {
    const match = await findCompanyByIdentifier(conn.db, text)
    expect(match?.nameEn).toContain(name)
    expect(match?.matchedBy).toBe(by)
  })

  it('finds nothing for unknown text', async () => {
    expect(await findCompanyByIdentifier(conn.db, 'Acme Widgets')).toBeNull()
    expect(await findCompanyByIdentifier(conn.db, '   ')).toBeNull()
  })
})
