import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CliIo } from '#app/cli/io.ts'
import { main } from '#app/cli/themeradar.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'

// `npm run themeradar -- companies import`: a dry run changes nothing, --json is one
// object a script can read, and a file it cannot read is refused with what to do.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn?.close()
})

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', 'universe', name)

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: { SEED_DEMO: 'never' },
    openDatabase: async () => ({ ...conn, close: async () => undefined }),
  }
  const code = await main(argv, io)
  return { code, out, err }
}

const companies = async () =>
  Number(
    (
      await conn.db
        .selectFrom('company')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('themeradar companies import', () => {
  it('says what a dry run would do and changes nothing', async () => {
    const { code, out } = await run('companies', 'import', fixture('szse-a-list.xlsx'), '--dry-run')
    expect(code).toBe(0)
    expect(out[0]).toMatch(/\(szse\): would create 4, would update 0, left alone 0/u)
    expect(out[1]).toBe('Dry run: nothing was changed.')
    expect(await companies()).toBe(0)
  })

  it('imports and prints one JSON object with --json; the same file again creates nothing', async () => {
    const first = await run('companies', 'import', fixture('wind-export.xlsx'), '--json')
    expect(first.code).toBe(0)
    const result = JSON.parse(first.out.join('\n'))
    expect(result).toMatchObject({ format: 'wind', dryRun: false, created: 5, updated: 0, unchanged: 0, skipped: 1 })
    expect(result.createdCompanies).toContainEqual({ nameEn: '中国平安', nameZh: '中国平安', tickers: ['601318.SH', '2318.HK'] })
    expect(await companies()).toBe(5)
    const again = JSON.parse((await run('companies', 'import', fixture('wind-export.xlsx'), '--json', '--format', 'wind')).out[0])
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'user_id as userId'])
      .where('action', '=', 'company.universe_import')
      .execute()
    expect(audit).toEqual([
      { action: 'company.universe_import', userId: null },
      { action: 'company.universe_import', userId: null },
    ])
  })

  it('refuses an old binary Excel file with what to do, and bad options with the usage', async () => {
    const old = await run('companies', 'import', fixture('old-excel.xls'))
    expect(old.code).toBe(1)
    expect(old.err[0]).toMatch(/save it as \.xlsx or \.csv/u)
    expect((await run('companies', 'import', fixture('bse-list.csv'), '--format', 'nyse')).code).toBe(2)
    expect((await run('companies', 'import')).code).toBe(2)
    expect((await run('companies', 'import', fixture('no-such-file.csv'))).err[0]).toMatch(/no such file/u)
  })
})
