import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { enqueueJob } from '#app/models/ops/index.server.ts'
import { type Connection, openPglite } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'

import { startJobRunner } from './runner.server.ts'

// A job shares PGlite's one connection with the pages (decision 048): while the job's
// handler waits for the connection, a page's query that arrived later is answered first.

let conn: Connection

beforeAll(async () => {
  conn = await openPglite()
  await migrateToLatest(conn.db)
})

afterAll(async () => {
  await conn.close()
})

describe('a running job and the pages', () => {
  it("lets a page's query go before the job's queries that were already waiting", async () => {
    const order: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let handlerStarted!: () => void
    const started = new Promise<void>((resolve) => (handlerStarted = resolve))
    let finished!: () => void
    const done = new Promise<void>((resolve) => (finished = resolve))
    await enqueueJob(conn.db, { kind: 'test.ordering', total: 1, createdBy: null })
    const runner = startJobRunner(conn.db, {
      workerId: 'ordering',
      pollMs: 10,
      handlers: {
        'test.ordering': async (db) => {
          // The job holds the connection in a transaction and asks for it twice more meanwhile;
          // the page asks after both.
          const queued: Promise<unknown>[] = []
          await db.transaction().execute(async (tx) => {
            queued.push(sql`select 1`.execute(db).then(() => order.push('job query 1')))
            queued.push(sql`select 2`.execute(db).then(() => order.push('job query 2')))
            handlerStarted()
            await held
            await sql`select 0`.execute(tx)
          })
          await Promise.all(queued)
          finished()
          return {}
        },
      },
    })
    try {
      await started
      const page = sql`select 'page'`.execute(conn.db).then(() => order.push('page query'))
      release()
      await Promise.all([page, done])
      expect(order).toEqual(['page query', 'job query 1', 'job query 2'])
    } finally {
      await runner.stop()
    }
  })
})
