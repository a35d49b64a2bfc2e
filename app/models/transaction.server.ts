import type { Transaction } from 'kysely'

import type { Database } from '#db/types.ts'

import type { DB } from './db.server.ts'

/**
 * Runs fn in a transaction, or inside the caller's when it already passed one (kysely
 * cannot nest them; the caller then owns commit and rollback).
 */
export function inTransaction<T>(db: DB, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>)
  return db.transaction().execute(fn)
}
