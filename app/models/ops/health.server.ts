import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { engineAnsweredWhileBusy } from '#db/pglite-driver.ts'

export interface CheckDatabaseOptions {
  /** How long the probe may take before the database counts as down. */
  timeoutMs?: number
  /**
   * PGlite only: a statement finished this recently on the connection another task holds
   * is answer enough (decision 048). Its one connection is held for a whole transaction,
   * so a probe queued behind a bulk upload's transaction would time the queue.
   */
  answeredWithinMs?: number
}

/** Throws unless the database answers in time. */
export async function checkDatabase(db: DB, options: CheckDatabaseOptions = {}): Promise<void> {
  if (engineAnsweredWhileBusy(db, options.answeredWithinMs ?? 1_000)) return
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), options.timeoutMs ?? 2_000)
  })
  try {
    await Promise.race([sql`select 1`.execute(db), timeout])
  } finally {
    clearTimeout(timer)
  }
}
