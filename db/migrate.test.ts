import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestDatabase } from '../tests/db.ts'
import type { Connection } from './connection.ts'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

describe('migrations', () => {
  it('are all applied to the test database and a second run is a no-op', async () => {
    const again = await migrateToLatest(conn.db)
    expect(again.results).toEqual([])
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(conn.db)
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort())
  })

  it('returns the same JS types on PGlite and Postgres', async () => {
    const { rows } = await sql<{ n: unknown; d: unknown; x: unknown; t: unknown }>`
      select count(*) as n, date '2026-11-23' as d, 2.5::numeric as x, now() as t`.execute(conn.db)
    expect(rows[0]).toMatchObject({ n: 1, d: '2026-11-23', x: 2.5 })
    expect(rows[0].t).toBeInstanceOf(Date)
  })

  it('keeps the audit log append-only', async () => {
    await conn.db.insertInto('audit_log').values({ action: 'test.write', entity_type: 'test' }).execute()
    await expect(conn.db.updateTable('audit_log').set({ action: 'rewritten' }).execute()).rejects.toMatchObject({ code: '42501' })
    await expect(conn.db.deleteFrom('audit_log').execute()).rejects.toMatchObject({ code: '42501' })
    const rows = await conn.db.selectFrom('audit_log').select('action').execute()
    expect(rows).toEqual([{ action: 'test.write' }])
  })

  it('refuses malformed tickers and inverted year ranges in the database itself', async () => {
    const company = await conn.db
      .insertInto('company')
      .values({ name_en: 'Tencent', region: 'domestic', is_listed: true, vendor_type: 'big_tech' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(
      conn.db.insertInto('company_ticker').values({ company_id: company.id, exchange: 'HK', code: '700' }).execute(),
    ).rejects.toMatchObject({ code: '23514' })
    await expect(
      conn.db.insertInto('company_ticker').values({ company_id: company.id, exchange: 'SH', code: 'ABC' }).execute(),
    ).rejects.toMatchObject({ code: '23514' })
    const theme = await conn.db
      .insertInto('theme')
      .values({ slug: 'ai', name_en: 'AI', name_zh: '人工智能' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const stock = await conn.db
      .insertInto('data_stock')
      .values({ theme_id: theme.id, slug: 'hq-text', name_en: 'HQ text', name_zh: '高质量文本' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(
      conn.db
        .insertInto('data_exhaustion_estimate')
        .values({ data_stock_id: stock.id, source: 'Epoch AI', estimated_on: '2022-10-26', year_from: 2050, year_to: 2030 })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' })
  })
})
