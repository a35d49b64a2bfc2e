import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { sql } from 'kysely'
import type { TestProject } from 'vitest/node'

import { openPglite, openPostgres } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'

// Migrating a fresh PGlite costs ~3 s; loading a dump of a migrated one ~1 s. Build the
// dump once per run and hand its path to the test files. On Postgres, a migrated template
// database plays the same part (CREATE DATABASE ... TEMPLATE is a file copy).
export default async function setup(project: TestProject) {
  const dir = path.resolve('.cache/test')
  mkdirSync(dir, { recursive: true })
  const dumpPath = path.join(dir, `pglite-template-${process.pid}.tar.gz`)
  const template = await openPglite()
  await migrateToLatest(template.db)
  const dump = await template.dump!()
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  await template.close()
  project.provide('pgliteTemplatePath', dumpPath)

  const serverUrl = process.env.TEST_DATABASE_URL
  let templateDb: string | undefined
  if (serverUrl) {
    templateDb = `themeradar_tpl_${process.pid}`
    const admin = openPostgres(serverUrl, { max: 1 })
    await sql`drop database if exists ${sql.id(templateDb)}`.execute(admin.db)
    await sql`create database ${sql.id(templateDb)}`.execute(admin.db)
    await admin.close()
    const tpl = openPostgres(withDatabase(serverUrl, templateDb), { max: 1 })
    await migrateToLatest(tpl.db)
    await tpl.close()
    project.provide('postgresTemplateDb', templateDb)
  }

  return async () => {
    if (serverUrl && templateDb) {
      const admin = openPostgres(serverUrl, { max: 1 })
      await sql`drop database if exists ${sql.id(templateDb)}`.execute(admin.db)
      await admin.close()
    }
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplateDb?: string
  }
}
