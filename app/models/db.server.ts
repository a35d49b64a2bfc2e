import path from 'node:path'

import type { Kysely, Transaction } from 'kysely'

import type { Env } from '#app/utils/env.server.ts'
import { type Connection, openPglite, openPostgres } from '#db/connection.ts'
import type { Database } from '#db/types.ts'

/** The app database, or a transaction on it: every model function takes one first. */
export type DB = Kysely<Database> | Transaction<Database>

export async function openAppDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Connection> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL)
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

export const UNIQUE_VIOLATION = '23505'
export const FOREIGN_KEY_VIOLATION = '23503'
export const CHECK_VIOLATION = '23514'
