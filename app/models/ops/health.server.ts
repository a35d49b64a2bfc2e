import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

/** Throws unless the database answers within two seconds. */
export async function checkDatabase(db: DB): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), 2_000)
  })
  try {
    await Promise.race([sql`select 1`.execute(db), timeout])
  } finally {
    clearTimeout(timer)
  }
}
