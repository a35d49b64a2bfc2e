import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { PriorityPgliteDialect } from './pglite-driver.ts'
import { PgliteThread } from './pglite-thread.ts'
import type { Database } from './types.ts'
import { parsers } from './value-parsers.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Connection {
  db: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
  /** PGlite only: a tarball of the data directory, loadable with openPglite({ loadDataDir }). */
  dump?(): Promise<Blob>
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Connection> {
  // The engine runs in a worker thread of its own (decision 049).
  const client = await PgliteThread.start(options)
  const dialect = new PriorityPgliteDialect(client)
  const db = new Kysely<Database>({ dialect })
  dialect.track(db)
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy()
      await client.close()
    },
    dump: () => client.dumpDataDir(),
  }
}

export interface PostgresOptions {
  max?: number
  searchPath?: string
  /** How long a query waits for a connection (a free one, or a new one) before failing; no limit by default. */
  connectionTimeoutMs?: number
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Connection {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 0,
    // Notices a server that vanished without closing the connection (host down, network cut).
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  })
  // A client that loses its server (restart, pg_terminate_backend) emits 'error'; with no
  // listener Node ends the process. The pool listens only while a client is idle, so every
  // client gets its own listener for the time it is checked out too. The pool drops broken
  // clients and the next query opens a new connection.
  pool.on('connect', (client) => client.on('error', (error) => console.warn('[db] connection lost:', error.message)))
  // Idle clients report here as well as to their own listener above, which already logged.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    kind: 'postgres',
    async close() {
      await db.destroy()
    },
  }
}
