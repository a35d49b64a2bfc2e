import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestDatabase } from '../tests/db.ts'
import { gate } from '../tests/gate.ts'
import { type Connection, openPglite } from './connection.ts'
import { asBackgroundWork, engineAnsweredWhileBusy, isBackgroundWork } from './pglite-driver.ts'

// PGlite's one connection, shared by pages and background jobs (decision 048): a page's
// query goes before the job's queries that wait for the connection, a transaction keeps
// the connection until it ends, and values and errors come back as they did before.

let conn: Connection

beforeAll(async () => {
  conn = await openPglite()
  await sql`create table item (id int primary key, label text not null)`.execute(conn.db)
})

afterAll(async () => {
  await conn.close()
})

describe('the PGlite connection between requests and background work', () => {
  it("answers a request's query before background queries that were waiting longer", async () => {
    const order: string[] = []
    const held = gate()
    const started = gate()
    // A background transaction holds the connection until the test lets it go.
    const job = asBackgroundWork(() =>
      conn.db.transaction().execute(async (tx) => {
        started.open()
        await held.opened
        await sql`select 1`.execute(tx)
        order.push('job transaction')
      }),
    )
    await started.opened
    const queued = [1, 2, 3].map((n) =>
      asBackgroundWork(() => sql`select ${n}::int as n`.execute(conn.db)).then(() => order.push(`job query ${n}`)),
    )
    const page = sql`select 'page' as p`.execute(conn.db).then(() => order.push('page query'))
    held.open()
    await Promise.all([job, page, ...queued])
    expect(order).toEqual(['job transaction', 'page query', 'job query 1', 'job query 2', 'job query 3'])
  })

  it('still serves background work while requests keep coming', async () => {
    const order: string[] = []
    const held = gate()
    const started = gate()
    const job = asBackgroundWork(() =>
      conn.db.transaction().execute(async () => {
        started.open()
        await held.opened
      }),
    )
    await started.opened
    const waiting = asBackgroundWork(() => sql`select 1`.execute(conn.db)).then(() => order.push('job'))
    const pages = Array.from({ length: 40 }, (_, i) => sql`select ${i}::int`.execute(conn.db).then(() => order.push('page')))
    held.open()
    await Promise.all([job, waiting, ...pages])
    expect(order.indexOf('job')).toBeGreaterThan(0)
    expect(order.indexOf('job')).toBeLessThan(order.length - 1)
  })

  it('keeps a transaction whole: a page sees none of it before the commit and none of it after a rollback', async () => {
    const inserted = gate()
    const seen = gate()
    let seenDuring: unknown[] | undefined
    const failing = asBackgroundWork(() =>
      conn.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('item' as never)
          .values({ id: 1, label: 'first' } as never)
          .execute()
        inserted.open()
        await seen.opened
        await tx
          .insertInto('item' as never)
          .values({ id: 1, label: 'again' } as never)
          .execute()
      }),
    )
    await inserted.opened
    // Queued behind the open transaction: it is answered only once the transaction ends.
    const page = sql<{ id: number }>`select id from item`.execute(conn.db).then((r) => (seenDuring = r.rows))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seenDuring).toBeUndefined()
    seen.open()
    await expect(failing).rejects.toMatchObject({ code: '23505' })
    await page
    expect(seenDuring).toEqual([])

    await asBackgroundWork(() =>
      conn.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('item' as never)
          .values({ id: 2, label: 'kept' } as never)
          .execute()
        await tx
          .insertInto('item' as never)
          .values({ id: 3, label: 'kept too' } as never)
          .execute()
      }),
    )
    expect((await sql<{ id: number }>`select id from item order by id`.execute(conn.db)).rows).toEqual([{ id: 2 }, { id: 3 }])
  })

  it('reports how many rows a statement changed', async () => {
    const result = await sql`update item set label = 'changed'`.execute(conn.db)
    expect(result.numAffectedRows).toBe(2n)
  })
})

describe('values through either driver', () => {
  it('gives file bytes back exactly as stored, as a Uint8Array', async () => {
    const db = await createTestDatabase()
    try {
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 7 + (i >> 8)) % 256)
      const part = bytes.subarray(1000, 1010)
      const row = (
        await sql<{ whole: Uint8Array; part: Uint8Array; empty: Uint8Array; length: number }>`
          select ${bytes}::bytea as whole, ${part}::bytea as part, ''::bytea as empty, length(${bytes}::bytea) as length`.execute(db.db)
      ).rows[0]
      expect(row.length).toBe(300_000)
      expect(row.whole).toBeInstanceOf(Uint8Array)
      expect(Buffer.compare(Buffer.from(row.whole), Buffer.from(bytes))).toBe(0)
      expect([...row.part]).toEqual([...part])
      expect(row.empty.length).toBe(0)
    } finally {
      await db.close()
    }
  })
})

describe('two copies of the driver module in one process', () => {
  // The server's own modules and the Remix bundle each load a copy of pglite-driver.ts:
  // what one copy records, the other must read (/healthz reads through the bundle's).
  it('share the background mark and what the connection is doing', async () => {
    const second = './pglite-driver.ts?copy'
    const copy = (await import(/* @vite-ignore */ second)) as typeof import('./pglite-driver.ts')
    expect(copy.engineAnsweredWhileBusy).not.toBe(engineAnsweredWhileBusy)
    expect(copy.asBackgroundWork(() => isBackgroundWork())).toBe(true)

    const started = gate()
    const held = gate()
    const job = conn.db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx)
      started.open()
      await held.opened
    })
    await started.opened
    expect(copy.engineAnsweredWhileBusy(conn.db, 60_000)).toBe(true)
    held.open()
    await job
    expect(copy.engineAnsweredWhileBusy(conn.db, 60_000)).toBe(false)
  })
})
