import { mkdirSync } from 'node:fs'

import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { PriorityPgliteDialect } from './pglite-driver.ts'
import type { Database } from './types.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Connection {
  db: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
  /** PGlite only: a tarball of the data directory, loadable with openPglite({ loadDataDir }). */
  dump?(): Promise<Blob>
}

// One set of value parsers for both drivers, so a model returns the same JS values on
// PGlite and on PostgreSQL (pg gives int8/numeric as strings, PGlite int8 as bigint or
// number, and each turns `date` into a Date at a different midnight).
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
const BYTEA = 17

function toSafeNumber(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) {
    throw new RangeError(`integer ${value} does not fit a JS number`)
  }
  return n
}
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: toSafeNumber,
  [NUMERIC]: (value) => Number(value),
  [DATE]: (value) => value,
}

// PGlite's own bytea conversion goes byte by byte in JS (a 260 KB upload took ~100 ms and
// held up every page meanwhile); Buffer's hex codec is native. Values stay Uint8Array.
const pgliteSerializers = {
  [BYTEA]: (value: Uint8Array) => {
    if (!(value instanceof Uint8Array)) throw new TypeError('bytea takes a Uint8Array')
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
  },
}
const pgliteParsers: Record<number, (value: string) => unknown> = {
  ...parsers,
  [BYTEA]: (value: string) => {
    const bytes = Buffer.from(value.slice(2), 'hex')
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  },
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Connection> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const pgliteOptions: PGliteOptions = { parsers: pgliteParsers, serializers: pgliteSerializers }
  if (options.dataDir) pgliteOptions.dataDir = options.dataDir
  if (options.loadDataDir) pgliteOptions.loadDataDir = options.loadDataDir
  const client = await PGlite.create(pgliteOptions)
  const dialect = new PriorityPgliteDialect(client)
  const db = new Kysely<Database>({ dialect })
  dialect.track(db)
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy()
      if (!client.closed) await client.close()
    },
    dump: () => client.dumpDataDir('gzip'),
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
