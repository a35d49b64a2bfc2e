import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { HostError, HostOptions, HostReply, HostRequest } from './pglite-host.ts'

// The thread that serves pages talks to PGlite in its own worker thread (decision 049).
// Before, the engine ran on the page thread: during a bulk upload its synchronous file
// writes and result decoding held that thread for 80-135 ms at a time, and /healthz waited.

/** What the kysely driver (pglite-driver.ts) needs of PGlite. */
export interface PgliteClient {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>
  close(): Promise<void>
  readonly closed: boolean
}

export interface PgliteThreadOptions {
  dataDir?: string
  loadDataDir?: Blob
}

/**
 * pglite-worker.mjs sits beside this file in db/. This module runs from db/ (tsx) or from
 * build/ (the Remix bundle), so look upwards for it.
 */
function findWorkerEntry(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'pglite-worker.mjs'), path.join(dir, 'db/pglite-worker.mjs')])
      if (existsSync(candidate)) return candidate
    dir = path.dirname(dir)
  }
  throw new Error('db/pglite-worker.mjs not found')
}

type Artifacts = Required<Pick<HostOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle'>>

const ARTIFACTS = Symbol.for('themeradar.pgliteArtifacts')
const holder = globalThis as { [ARTIFACTS]?: Promise<Artifacts> }

/**
 * PGlite's WASM compiled once per process and handed to every engine thread (a compiled
 * module crosses threads without a copy): each thread would otherwise read and compile
 * 9 MB again, a quarter of a second for every test file's database.
 */
function artifacts(): Promise<Artifacts> {
  holder[ARTIFACTS] ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
    const [pglite, initdb, bundle] = await Promise.all(
      ['pglite.wasm', 'initdb.wasm', 'pglite.data'].map((name) => readFile(path.join(dist, name))),
    )
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(pglite), WebAssembly.compile(initdb)])
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Uint8Array(bundle) }
  })()
  return holder[ARTIFACTS]
}

/** A database error from the worker, with PGlite's fields (code, constraint...) as before. */
function reviveError(error: HostError): Error {
  const revived = new Error(error.message)
  revived.name = error.name
  Object.assign(revived, error.fields)
  return revived
}

/** The engine stopped (the thread died): SQLSTATE 57P02, which the app answers 503. */
class EngineStopped extends Error {
  readonly code = '57P02'
  constructor(reason: string) {
    super(`the embedded database stopped: ${reason}`)
  }
}

/** A request before it has its id. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never

interface Pending {
  resolve: (reply: HostReply & { ok: true }) => void
  reject: (error: Error) => void
}

export class PgliteThread implements PgliteClient {
  private worker: Worker | null = null
  private starting: Promise<Worker> | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closing = false
  private opened = false

  private constructor(private readonly options: PgliteThreadOptions) {}

  /** Starts the engine in its thread and waits until it has opened the database. */
  static async start(options: PgliteThreadOptions = {}): Promise<PgliteThread> {
    const thread = new PgliteThread(options)
    await thread.ensureStarted()
    return thread
  }

  get closed(): boolean {
    return this.closing
  }

  private ensureStarted(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker)
    this.starting ??= this.spawn().finally(() => (this.starting = null))
    return this.starting
  }

  private async spawn(): Promise<Worker> {
    const workerData: HostOptions = { dataDir: this.options.dataDir, ...(await artifacts()) }
    if (this.options.loadDataDir) workerData.loadDataDir = await this.options.loadDataDir.arrayBuffer()
    // Not the parent's flags (vitest's, tsx's): pglite-worker.mjs loads tsx itself.
    const worker = new Worker(findWorkerEntry(), { workerData, execArgv: [] })
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean; error?: HostError }) => {
        if (message.ready === undefined) return
        worker.off('message', onMessage)
        worker.off('exit', onExit)
        if (message.ready) resolve()
        else reject(reviveError(message.error!))
      }
      const onExit = (code: number) => reject(new EngineStopped(`the thread exited while opening (code ${code})`))
      worker.on('message', onMessage)
      worker.on('exit', onExit)
      worker.on('error', (error) => console.error('[db] PGlite thread failed:', error.message))
    }).catch(async (error: unknown) => {
      await worker.terminate()
      throw error
    })
    worker.on('message', (reply: HostReply) => this.settle(reply))
    worker.on('exit', (code) => this.lost(worker, code))
    worker.unref()
    this.worker = worker
    this.opened = true
    return worker
  }

  private settle(reply: HostReply): void {
    const pending = this.pending.get(reply.id)
    if (!pending) return
    this.pending.delete(reply.id)
    if (this.pending.size === 0) this.worker?.unref()
    if (reply.ok) pending.resolve(reply)
    else pending.reject(reviveError(reply.error))
  }

  /**
   * The thread ended without being asked (a crash, an exhausted heap). What was waiting
   * fails; with a data directory the next query starts the engine again, which recovers
   * the database as after a power cut. An in-memory database is gone with its thread.
   */
  private lost(worker: Worker, code: number): void {
    if (this.worker !== worker) return
    this.worker = null
    const error = new EngineStopped(`its thread exited (code ${code})`)
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
    if (!this.closing) console.error(`[db] ${error.message}`)
  }

  private async send(request: Unsent<HostRequest>): Promise<HostReply & { ok: true }> {
    if (this.closing && request.op !== 'close') throw new Error('PGlite is closed')
    if (!this.worker && this.opened && !this.options.dataDir) throw new EngineStopped('its thread is gone')
    const worker = await this.ensureStarted()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      if (this.pending.size === 1) worker.ref()
      worker.postMessage({ ...request, id })
    })
  }

  async query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    const reply = await this.send({ op: 'query', sql, params })
    return { rows: reply.rows as R[], affectedRows: reply.affectedRows }
  }

  /** A gzipped tarball of the data directory, loadable with { loadDataDir }. */
  async dumpDataDir(): Promise<Blob> {
    const reply = await this.send({ op: 'dump' })
    return new Blob([reply.dump!])
  }

  /** Closes the database (PGlite writes what it holds) and ends the thread. */
  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    const worker = this.worker ?? (await this.starting?.catch(() => null))
    if (!worker) return
    await this.send({ op: 'close' }).catch(() => undefined)
    this.worker = null
    await worker.terminate()
  }

  /** Tests only: ends the thread as a crash would. */
  async crashForTests(): Promise<void> {
    await this.worker?.terminate()
  }
}
