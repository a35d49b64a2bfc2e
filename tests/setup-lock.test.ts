import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as setupAction } from '#app/routes/setup.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, postForm, respond, TEST_PASSWORD } from './factories.ts'

// First-run setup serialises on a row of app_setting ('setup.lock'). That row was never
// created, so SELECT ... FOR UPDATE locked nothing and concurrent setups on PostgreSQL
// could each create an administrator. On PGlite one connection serialises them anyway;
// the test runs on both.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

const PARALLEL = 12

async function setUpAtOnce(conn: Connection, prefix: string) {
  return Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      respond(() =>
        setupAction({
          request: postForm('/setup', { email: `${prefix}${i}@example.com`, displayName: `Admin ${i}`, password: TEST_PASSWORD }),
          params: {},
          context: contextFor(conn, `10.7.0.${i}`),
        }),
      ),
    ),
  )
}

describe('first-run setup under concurrency', () => {
  it('has the lock row from the migration', async () => {
    const row = await conn.db.selectFrom('app_setting').select('key').where('key', '=', 'setup.lock').executeTakeFirst()
    expect(row).toBeDefined()
  })

  it(`creates exactly one administrator from ${PARALLEL} simultaneous setup posts`, async () => {
    const responses = await setUpAtOnce(conn, 'first')
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 302)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL - 1)
    const users = await conn.db.selectFrom('app_user').select(['role']).execute()
    expect(users).toEqual([{ role: 'admin' }])
    const audits = await conn.db.selectFrom('audit_log').select('action').where('action', '=', 'user.setup_admin').execute()
    expect(audits).toHaveLength(1)
  })

  it('still holds when the lock row has been deleted: setup recreates it before locking', async () => {
    // The audit log keeps the first test's admin for ever, so this runs on a database of its own.
    const other = await createTestDatabase()
    try {
      await other.db.deleteFrom('app_setting').where('key', '=', 'setup.lock').execute()
      const responses = await setUpAtOnce(other, 'again')
      expect(responses.filter((r) => r.status === 302)).toHaveLength(1)
      expect(await other.db.selectFrom('app_user').select('id').execute()).toHaveLength(1)
    } finally {
      await other.close()
    }
  })
})
