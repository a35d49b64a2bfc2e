import { openAppDatabase } from '#app/models/db.server.ts'
import { readEnv } from '#app/utils/env.server.ts'

import { migrateToLatest } from './migrate.ts'

// `npm run migrate`: brings the app's database (DATABASE_URL, or the PGlite under DATA_DIR)
// to the latest migration. The app and `npm run seed` also migrate on start; this is for
// upgrading a database before starting a new version.

async function main(): Promise<number> {
  const conn = await openAppDatabase(readEnv())
  try {
    const { results = [] } = await migrateToLatest(conn.db)
    const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName)
    console.log(applied.length > 0 ? `Migrated: ${applied.join(', ')}` : 'Database already at the latest migration')
    return 0
  } finally {
    await conn.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
