import path from 'node:path'

import { type Kysely, sql, type Transaction } from 'kysely'

import type { Env } from '#app/utils/env.server.ts'
import { type Connection, openPglite, openPostgres } from '#db/connection.ts'
import type { Database } from '#db/types.ts'

// Background work (jobs, feed polls) marks itself so that on PGlite its queries give way to requests' (decision 048).
export { asBackgroundWork } from '#db/pglite-driver.ts'

/** The app database, or a transaction on it: every model function takes one first. */
export type DB = Kysely<Database> | Transaction<Database>

export async function openAppDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Connection> {
  // Without a limit a request waits for ever on a server that does not answer (a host gone
  // without closing its connections); failing lets it answer 503 and keeps requests from piling up.
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL, { connectionTimeoutMs: 10_000 })
  return openPglite({ dataDir: path.resolve(env.DATA_DIR, 'pglite') })
}

/** SQLSTATE of a database error, on pg and PGlite alike (their error classes differ). */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function constraintName(error: unknown): string | undefined {
  const name = (error as { constraint?: unknown } | null)?.constraint
  return typeof name === 'string' ? name : undefined
}

/** True on the embedded engine, which names itself in version(): "PostgreSQL 18.6 (PGlite 0.5.16) on wasm32-...". */
export const ON_EMBEDDED_ENGINE = sql<boolean>`version() like '%(PGlite %'`

const embedded = new WeakMap<object, Promise<boolean>>()

/**
 * Whether db is the embedded engine (PGlite, ON_EMBEDDED_ENGINE), asked once per handle. It has one
 * session: transactions run one after another, so none commits while another is open.
 */
export function isEmbeddedDatabase(db: DB): Promise<boolean> {
  let answer = embedded.get(db)
  if (!answer) {
    answer = sql<{ embedded: boolean }>`select ${ON_EMBEDDED_ENGINE} as embedded`.execute(db).then(({ rows }) => rows[0]!.embedded)
    // A failed lookup (the database away) is asked again next time.
    answer.catch(() => embedded.delete(db))
    embedded.set(db, answer)
  }
  return answer
}

export const UNIQUE_VIOLATION = '23505'

export const FOREIGN_KEY_VIOLATION = '23503'
export const CHECK_VIOLATION = '23514'

// SQLSTATE class 08 (connection exception), the server shutting down or starting up
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now) and too many
// connections (53300): the database is not there for the moment, the request is fine.
const UNAVAILABLE_STATE = /^(08...|57P0[123]|53300)$/
// Socket errors on the way to the server, and pg's own words for a lost connection or a
// pool that could not hand one out in time (they carry no SQLSTATE).
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/

/**
 * Whether an error says the database cannot be reached right now (a restart, a dropped
 * connection, a full pool), as opposed to a bad query or a constraint: the first kind is
 * answered 503 and goes away by itself. PGlite runs in the process and never reports these.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const queue = [error]
  while (queue.length) {
    const current = queue.shift()
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    const code = sqlState(current)
    if (code && (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true
    // Wrapped errors: `cause` (pg-pool's connection timeout), AggregateError (one per address tried).
    queue.push((current as { cause?: unknown }).cause)
    const errors = (current as { errors?: unknown }).errors
    if (Array.isArray(errors)) queue.push(...errors)
  }
  return false
}
