import { type Kysely, Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { migrations } from '#db/migrations/index.ts'

import { openEmptyDatabase } from './fixtures/migration-db.ts'

// The membership-periods migration (2026-12-05T01-00-00_theme_membership_periods, decision
// 039) on a database holding links from before it: every link stays, current, with its
// note as its reason, starting when the audit log says it was linked, else when the theme
// was created. Afterwards a company can have one open period per theme and later ones.

const MINE = '2026-12-05T01-00-00_theme_membership_periods'
const BEFORE = Object.keys(migrations)
  .sort()
  .filter((name) => name < MINE)
  .at(-1) as string

let conn: Connection
let drop: () => Promise<void>

beforeAll(async () => {
  ;({ conn, drop } = await openEmptyDatabase('themeradar_tc'))
})
afterAll(async () => {
  await drop()
})

const migrator = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } })
const one = async (q: Promise<{ rows: Array<{ id: number }> }>) => (await q).rows[0].id

describe('the membership-periods migration', () => {
  it('keeps every link as a current member with a start date and its note as reason', async () => {
    const db = conn.db as Kysely<any>
    expect((await migrator(db).migrateTo(BEFORE)).error).toBeUndefined()
    const created = new Date('2026-09-01T02:00:00Z')
    const linked = new Date('2026-10-15T03:00:00Z')
    const theme = await one(
      sql<{
        id: number
      }>`insert into theme (slug, name_en, name_zh, created_at) values ('robots', 'Robots', '机器人', ${created}) returning id`.execute(db),
    )
    const company = (name: string) =>
      one(
        sql<{
          id: number
        }>`insert into company (name_en, region, is_listed, vendor_type) values (${name}, 'domestic', true, 'big_tech') returning id`.execute(
          db,
        ),
      )
    const [ubtech, unitree] = [await company('Ubtech'), await company('Unitree')]
    await sql`insert into theme_company (theme_id, company_id, role, exposure, note)
      values (${theme}, ${ubtech}, 'driver', 'high', 'Walker S'), (${theme}, ${unitree}, 'enabler', 'low', '')`.execute(db)
    await sql`insert into audit_log (at, action, entity_type, entity_id, new_value)
      values (${linked}, 'theme.company.link', 'theme', ${String(theme)}, ${JSON.stringify({ companyId: ubtech })}::jsonb)`.execute(db)

    expect((await migrator(db).migrateTo(MINE)).error).toBeUndefined()
    const rows = await db
      .selectFrom('theme_company')
      .select(['company_id', 'role', 'exposure', 'note', 'reason', 'valid_from', 'valid_to'])
      .orderBy('company_id')
      .execute()
    expect(rows).toEqual([
      { company_id: ubtech, role: 'driver', exposure: 'high', note: 'Walker S', reason: 'Walker S', valid_from: linked, valid_to: null },
      { company_id: unitree, role: 'enabler', exposure: 'low', note: '', reason: '', valid_from: created, valid_to: null },
    ])

    // One open period per company and theme; an ended one makes room for the next.
    const again = sql`insert into theme_company (theme_id, company_id, role, exposure) values (${theme}, ${ubtech}, 'driver', 'high')`
    await expect(again.execute(db)).rejects.toMatchObject({ code: '23505' })
    await sql`update theme_company set valid_to = now() where company_id = ${ubtech}`.execute(db)
    await again.execute(db)
    const periods = await db.selectFrom('theme_company').select('valid_to').where('company_id', '=', ubtech).execute()
    expect(periods).toHaveLength(2)
  })
})
