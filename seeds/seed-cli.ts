import { openAppDatabase } from '#app/models/db.server.ts'
import { readEnv } from '#app/utils/env.server.ts'
import { migrateToLatest } from '#db/migrate.ts'

import { seedDemoTeamHistory } from './load/team-history.ts'
import { seedDemoData } from './seed.ts'

// `npm run seed`: migrate, then load the demo data set. Safe to run again at any time.

async function main(): Promise<number> {
  const env = readEnv()
  const conn = await openAppDatabase(env)
  try {
    await migrateToLatest(conn.db)
    const { created } = await seedDemoData(conn.db)
    console.log(created > 0 ? `Demo data: ${created} rows created` : 'Demo data already loaded: nothing changed')
    if (env.SEED_DEMO_HISTORY === 'on') {
      const history = await seedDemoTeamHistory(conn.db)
      console.log(
        history.created > 0 ? `Demo team history: ${history.created} rows created` : 'Demo team history already loaded: nothing changed',
      )
    }
    return 0
  } finally {
    await conn.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
