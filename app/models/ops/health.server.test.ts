import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Connection, openPglite } from '#db/connection.ts'
import { gate } from '#tests/gate.ts'

import { checkDatabase } from './health.server.ts'

// /healthz's probe on PGlite, whose one connection a job's transaction holds from begin to
// commit: a statement that just finished there shows the engine answering; a connection
// held with nothing finishing (a stuck transaction) is waited for, then reported down.

let conn: Connection

beforeAll(async () => {
  conn = await openPglite()
})

afterAll(async () => {
  await conn.close()
})

/** Holds the connection in a transaction that ran one statement, until `release` opens. */
function holdConnection(release: Promise<void>) {
  const started = gate()
  const done = conn.db.transaction().execute(async (tx) => {
    await sql`select 1`.execute(tx)
    started.open()
    await release
  })
  return { started: started.opened, done }
}

describe('checking the database while a transaction holds PGlite', () => {
  it('answers at once when a statement finished on the held connection just now', async () => {
    const release = gate()
    const held = holdConnection(release.opened)
    await held.started
    let committed = false
    void held.done.then(() => (committed = true))
    await checkDatabase(conn.db, { answeredWithinMs: 60_000 })
    expect(committed).toBe(false)
    release.open()
    await held.done
  })

  it('waits for the transaction when nothing finished recently, and probes after it', async () => {
    const release = gate()
    const held = holdConnection(release.opened)
    await held.started
    await new Promise((r) => setTimeout(r, 30))
    let committed = false
    void held.done.then(() => (committed = true))
    const check = checkDatabase(conn.db, { answeredWithinMs: 10 }).then(() => committed)
    setTimeout(release.open, 50)
    expect(await check).toBe(true)
  })

  it('reports the database down when the held connection gives no answer in time', async () => {
    const release = gate()
    const held = holdConnection(release.opened)
    await held.started
    await new Promise((r) => setTimeout(r, 30))
    await expect(checkDatabase(conn.db, { answeredWithinMs: 10, timeoutMs: 100 })).rejects.toThrow('did not answer in time')
    release.open()
    await held.done
    await checkDatabase(conn.db)
  })
})
