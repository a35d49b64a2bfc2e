import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { isDatabaseUnavailable } from '#app/models/db.server.ts'

import { type Connection, openPglite } from './connection.ts'
import { PgliteThread } from './pglite-thread.ts'

// PGlite in a worker thread of its own (decision 049): the thread that serves pages keeps
// answering while the engine works, errors keep their SQLSTATE, and an engine thread that
// dies is reported as the database being unavailable, then started again on its data.

describe('the engine in its own thread', () => {
  let conn: Connection

  beforeAll(async () => {
    conn = await openPglite()
  })

  afterAll(async () => {
    await conn.close()
  })

  it('leaves this thread free while a long statement runs', async () => {
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 2)
    try {
      // Some hundreds of milliseconds of work inside the engine.
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from generate_series(1, 3000000) g where md5(g::text) like 'a%'`.execute(conn.db)
      expect(rows[0].n).toBeGreaterThan(100_000)
    } finally {
      clearInterval(timer)
    }
    // In-thread, the timer could not fire once before the statement returned.
    expect(ticks).toBeGreaterThanOrEqual(5)
  })

  it('keeps the SQLSTATE, constraint and detail of a database error', async () => {
    await sql`create table tag (name text constraint tag_name_key unique)`.execute(conn.db)
    await sql`insert into tag values ('ai')`.execute(conn.db)
    const error = await sql`insert into tag values ('ai')`.execute(conn.db).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: '23505', constraint: 'tag_name_key', table: 'tag' })
    expect((error as Error).message).toMatch(/duplicate key/)
    expect((error as { detail: string }).detail).toMatch(/\(name\)=\(ai\)/)
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('hands a dump back that opens as a copy of the database', async () => {
    await sql`create table note (body text)`.execute(conn.db)
    await sql`insert into note values ('数据耗尽 estimate')`.execute(conn.db)
    const copy = await openPglite({ loadDataDir: await conn.dump!() })
    try {
      const { rows } = await sql<{ body: string }>`select body from note`.execute(copy.db)
      expect(rows).toEqual([{ body: '数据耗尽 estimate' }])
    } finally {
      await copy.close()
    }
  })
})

describe('an engine thread that dies', () => {
  const dirs: string[] = []
  // The server's log says so when the engine stops; here that line is expected.
  const logged = () => vi.mocked(console.error).mock.calls.map((args) => args.join(' '))
  beforeEach(() => {
    vi.mocked(console.error).mockImplementation(() => undefined)
  })
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('fails what was waiting as unavailable, then starts again on its data directory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-engine-'))
    dirs.push(dataDir)
    const engine = await PgliteThread.start({ dataDir })
    try {
      await engine.query('create table kept (n int)', [])
      await engine.query('insert into kept values (1), (2)', [])
      const waiting = engine.query('select count(*) from generate_series(1, 20000000)', [])
      await engine.crashForTests()
      const error = await waiting.catch((e: unknown) => e)
      expect(isDatabaseUnavailable(error)).toBe(true)
      expect(logged()).toEqual([expect.stringMatching(/embedded database stopped/)])
      const { rows } = await engine.query<{ n: number }>('select n from kept order by n', [])
      expect(rows).toEqual([{ n: 1 }, { n: 2 }])
    } finally {
      await engine.close()
    }
  })

  it('without a data directory, keeps failing as unavailable instead of coming back empty', async () => {
    const engine = await PgliteThread.start()
    try {
      await engine.query('create table lost (n int)', [])
      await engine.crashForTests()
      const error = await engine.query('select * from lost', []).catch((e: unknown) => e)
      expect(isDatabaseUnavailable(error)).toBe(true)
    } finally {
      await engine.close()
    }
  })

  it('refuses queries once closed', async () => {
    const engine = await PgliteThread.start()
    await engine.close()
    expect(engine.closed).toBe(true)
    await expect(engine.query('select 1', [])).rejects.toThrow(/closed/)
  })
})
