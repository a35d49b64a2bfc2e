import { AsyncLocalStorage } from 'node:async_hooks'

import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

import type { PgliteClient } from './pglite-thread.ts'

// Our kysely dialect for PGlite (decision 048). PGlite has one connection, so every query
// and every transaction takes turns on it. kysely-pglite-dialect, which this replaces,
// served the turns first come first served: a page's query waited behind every query a
// background job had queued. Here work marked as background (asBackgroundWork: the job
// runner, feed polls) waits while any request's query is waiting, and a transaction keeps
// the connection from begin to commit, as before, so atomicity is unchanged.

// One store per process, kept on globalThis: the server's own modules and the Remix
// bundle each hold a copy of this module, and a mark set through one must be read by the other.
const KEY = Symbol.for('themeradar.backgroundWork')
const holder = globalThis as { [KEY]?: AsyncLocalStorage<boolean> }
const background = (holder[KEY] ??= new AsyncLocalStorage<boolean>())

/** Runs fn (and everything it awaits) as background work: its queries give way to requests'. */
export function asBackgroundWork<T>(fn: () => T): T {
  return background.run(true, fn)
}

export function isBackgroundWork(): boolean {
  return background.getStore() === true
}

/**
 * A background waiter is passed over at most this many times in a row, so that a steady
 * stream of requests slows a job down but never stops it.
 */
const MAX_PASSED_OVER = 16

/** What the one connection is doing, for /healthz (see engineAnsweredWhileBusy). */
export interface PgliteActivity {
  busy: boolean
  /** performance.now() when the engine last finished a statement. */
  lastAnsweredAt: number
}

// On globalThis too, for the same reason as the background mark: the server's copy of this
// module records the activity, and /healthz, in the Remix bundle, reads it through the other.
const ACTIVITY = Symbol.for('themeradar.pgliteActivity')
const activities = globalThis as { [ACTIVITY]?: WeakMap<object, PgliteActivity> }
const activityOf = (activities[ACTIVITY] ??= new WeakMap<object, PgliteActivity>())

/**
 * True when the connection is held (a job's transaction, say) and the engine finished a
 * statement within `withinMs`: it is demonstrably answering, and a probe queued behind the
 * transaction would time the queue, not the database. False on PostgreSQL (no record).
 */
export function engineAnsweredWhileBusy(db: object, withinMs: number): boolean {
  const activity = activityOf.get(db)
  return activity !== undefined && activity.busy && performance.now() - activity.lastAnsweredAt <= withinMs
}

class PgliteConnection implements DatabaseConnection {
  constructor(
    private readonly client: PgliteClient,
    private readonly activity: PgliteActivity,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]).finally(() => {
      this.activity.lastAnsweredAt = performance.now()
    })
    return result.affectedRows ? { numAffectedRows: BigInt(result.affectedRows), rows: result.rows } : { rows: result.rows }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new Error('chunkSize must be a positive integer')
    // PGlite has no cursors over its one connection: the rows come at once, handed out in chunks.
    const { rows } = await this.executeQuery<R>(query)
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) }
  }
}

type Waiter = (connection: PgliteConnection) => void

export class PriorityPgliteDriver implements Driver {
  private readonly connection: PgliteConnection
  private readonly requests: Waiter[] = []
  private readonly backgroundWork: Waiter[] = []
  private passedOver = 0

  constructor(
    private readonly client: PgliteClient,
    private readonly activity: PgliteActivity,
  ) {
    this.connection = new PgliteConnection(client, activity)
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (this.client.closed) return Promise.reject(new Error('PGlite is closed'))
    if (!this.activity.busy) {
      this.activity.busy = true
      return Promise.resolve(this.connection)
    }
    const queue = isBackgroundWork() ? this.backgroundWork : this.requests
    return new Promise((resolve) => queue.push(resolve))
  }

  async releaseConnection(): Promise<void> {
    let next: Waiter | undefined
    if (this.requests.length > 0 && !(this.backgroundWork.length > 0 && this.passedOver >= MAX_PASSED_OVER)) {
      next = this.requests.shift()
      if (this.backgroundWork.length > 0) this.passedOver += 1
    } else {
      next = this.backgroundWork.shift()
      this.passedOver = 0
    }
    if (next) next(this.connection)
    else this.activity.busy = false
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let begin = 'start transaction'
    if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`
    if (settings.accessMode) begin += ` ${settings.accessMode}`
    await connection.executeQuery(CompiledQuery.raw(begin))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async destroy(): Promise<void> {
    if (!this.client.closed) await this.client.close()
  }
}

export class PriorityPgliteDialect implements Dialect {
  readonly activity: PgliteActivity = { busy: false, lastAnsweredAt: -Infinity }

  constructor(private readonly client: PgliteClient) {}

  /** Lets engineAnsweredWhileBusy(db) read this dialect's connection. */
  track(db: object): void {
    activityOf.set(db, this.activity)
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter()
  }

  createDriver(): Driver {
    return new PriorityPgliteDriver(this.client, this.activity)
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler()
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db)
  }
}
