import { readFileSync } from 'node:fs'

import { sql } from 'kysely'
import { inject } from 'vitest'

import { type Connection, openPglite, openPostgres } from '../db/connection.ts'

let counter = 0

/**
 * A fresh, migrated database of the test file's own: an in-memory PGlite loaded from the
 * run's template dump, or, when TEST_DATABASE_URL is set, a new database on that server
 * copied from the run's migrated template. close() drops what it created. The template
 * holds only what the migrations create: tests make their rows with tests/factories.ts.
 * `kind: 'pglite'` asks for PGlite even when a server is set (to compare the two).
 */
export async function createTestDatabase(options: { kind?: 'pglite' } = {}): Promise<Connection> {
  const serverUrl = process.env.TEST_DATABASE_URL
  const templateDb = inject('postgresTemplateDb')
  if (serverUrl && templateDb && options.kind !== 'pglite') {
    const name = `themeradar_t_${process.pid}_${Date.now().toString(36)}_${counter++}`
    const admin = openPostgres(serverUrl, { max: 1 })
    await sql`create database ${sql.id(name)} template ${sql.id(templateDb)}`.execute(admin.db)
    const conn = openPostgres(withDatabase(serverUrl, name), { max: 20 })
    return {
      ...conn,
      async close() {
        await conn.close()
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
        await admin.close()
      },
    }
  }
  const dump = readFileSync(inject('pgliteTemplatePath'))
  return openPglite({ loadDataDir: new Blob([dump]) })
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
