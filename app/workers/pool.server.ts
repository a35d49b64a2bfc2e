import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import { z } from 'zod'

import { IngestError } from '#app/ingest/ingest-error.ts'

import { type TaskInput, type TaskName, type TaskOutput, TASKS } from './tasks.ts'

// The one place CPU-heavy work leaves the thread that serves pages (decision 034): a few
// worker threads run the functions of tasks.ts; when threads cannot start (or
// WORKER_THREADS=0) the same functions run in this thread. Workers start on first use,
// are unref'd while idle (a CLI or a test file exits without closing the pool) and stop
// after a minute without work. One pool per process, kept on globalThis: the server's
// own modules and the Remix bundle each hold a copy of this module.

const IDLE_MS = 60_000
/** A hostile file may make a parser allocate without end: that worker dies, not the server. (PDFium's WebAssembly memory is bounded apart: pdfium.server.ts.) */
const WORKER_HEAP_MB = 1536

const WorkerThreadsSchema = z.coerce.number().int().min(0).max(16)

/** WORKER_THREADS, else 2 on a machine with 2 or more cores: extraction gains little past that, and pages must keep a core. */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const parsed = WorkerThreadsSchema.safeParse(env.WORKER_THREADS)
  if (env.WORKER_THREADS !== undefined && env.WORKER_THREADS !== '' && parsed.success) return parsed.data
  return Math.min(2, availableParallelism())
}

/**
 * worker.mjs sits in app/workers under the project root. This module runs from
 * app/workers (tsx) or from build/ (the Remix bundle), so look upwards for it.
 */
function findWorkerEntry(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'app/workers/worker.mjs')
    if (existsSync(candidate)) return candidate
    const sibling = path.join(dir, 'worker.mjs')
    if (path.basename(dir) === 'workers' && existsSync(sibling)) return sibling
    dir = path.dirname(dir)
  }
  return null
}

interface Pending {
  id: number
  name: TaskName
  input: unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  limit?: TimeLimit
}

/**
 * How long a task may run in its worker: ms in all, and (stallMs) between two signs of
 * progress from the worker once it has given one (a PDF opened, each page read). Past
 * either, the task fails with error(kind) and its worker is stopped.
 */
export interface TimeLimit {
  ms: number
  stallMs?: number
  error: (kind: 'total' | 'stall') => Error
}

interface Slot {
  worker: Worker
  task: Pending | null
  ready: boolean
  deadline?: NodeJS.Timeout
  stall?: NodeJS.Timeout
}

/** Errors cross the thread boundary as plain data; an IngestError comes back as one. */
export interface TaskFailure {
  name: string
  message: string
  reason?: string
  params?: Record<string, unknown>
}

export function reviveError(failure: TaskFailure): Error {
  if (failure.name === 'IngestError' && failure.reason)
    return new IngestError(failure.reason as ConstructorParameters<typeof IngestError>[0], failure.params as never)
  const error = new Error(failure.message)
  error.name = failure.name
  return error
}

function clearTimers(slot: Slot): void {
  clearTimeout(slot.deadline)
  clearTimeout(slot.stall)
}

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private nextId = 1
  private idleTimer: NodeJS.Timeout | undefined
  /** Set when a worker could not start: everything runs in this thread from then on. */
  private unavailable: boolean
  private closed = false

  constructor(
    readonly size: number,
    private readonly entry: string | null = findWorkerEntry(),
  ) {
    this.unavailable = size === 0 || entry === null
  }

  /** Whether tasks go to worker threads (false: they run in the calling thread). */
  get threaded(): boolean {
    return !this.unavailable && !this.closed
  }

  /**
   * Runs a task in a worker. With a limit, a task still running after limit.ms (counted from
   * when a worker takes it) fails with limit.error() and its worker is stopped: WebAssembly
   * and synchronous loops cannot be interrupted any other way. In-thread tasks have no limit.
   */
  run<N extends TaskName>(name: N, input: TaskInput<N>, limit?: TimeLimit): Promise<TaskOutput<N>> {
    if (!this.threaded) return this.runHere(name, input)
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, input, resolve: resolve as (value: unknown) => void, reject, limit })
      this.dispatch()
    })
  }

  private async runHere<N extends TaskName>(name: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
    return (await TASKS[name](input as never)) as TaskOutput<N>
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer)
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null)
      if (!slot && this.slots.length < this.size) slot = this.start()
      if (!slot) return
      const task = this.queue.shift()!
      slot.task = task
      slot.worker.ref()
      slot.worker.postMessage({ id: task.id, name: task.name, input: task.input })
      if (task.limit) slot.deadline = setTimeout(() => this.overran(slot, task, 'total'), task.limit.ms)
    }
  }

  private start(): Slot {
    const worker = new Worker(this.entry!, {
      // Not the parent's flags (vitest's, tsx's): worker.mjs loads tsx itself.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    })
    const slot: Slot = { worker, task: null, ready: false }
    this.slots.push(slot)
    type Message = { ready?: true; id?: number; progress?: true; ok?: boolean; output?: unknown; error?: TaskFailure; retiring?: boolean }
    worker.on('message', (message: Message) => {
      if (message.ready) {
        slot.ready = true
        return
      }
      const task = slot.task
      if (!task || task.id !== message.id) return
      if (message.progress) {
        const stallMs = task.limit?.stallMs
        clearTimeout(slot.stall)
        if (stallMs) slot.stall = setTimeout(() => this.overran(slot, task, 'stall'), stallMs)
        return
      }
      slot.task = null
      clearTimers(slot)
      // Out of the pool before anything else is sent to it; its exit is then no loss.
      if (message.retiring) this.slots.splice(this.slots.indexOf(slot), 1)
      if (message.ok) task.resolve(message.output)
      else task.reject(reviveError(message.error!))
      this.settled()
    })
    worker.on('error', (error) => this.lost(slot, error))
    worker.on('exit', (code) => this.lost(slot, new Error(`worker thread exited (code ${code})`)))
    return slot
  }

  /** A task ran past its limit: it fails with its error and its worker is stopped; the rest go on. */
  private overran(slot: Slot, task: Pending, kind: 'total' | 'stall'): void {
    if (slot.task !== task) return
    const index = this.slots.indexOf(slot)
    if (index >= 0) this.slots.splice(index, 1)
    slot.task = null
    clearTimers(slot)
    void slot.worker.terminate()
    task.reject(task.limit!.error(kind))
    if (!this.closed) this.dispatch()
  }

  /** A worker died: its task fails (or, if it never started, runs here), and the rest go on. */
  private lost(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    const task = slot.task
    slot.task = null
    clearTimers(slot)
    void slot.worker.terminate()
    if (!slot.ready && !this.closed) {
      // The thread could not even load its modules: fall back to this thread for good.
      console.error('[workers] worker threads unavailable, running tasks in-thread:', error.message)
      this.unavailable = true
      const waiting = task ? [task, ...this.queue.splice(0)] : this.queue.splice(0)
      for (const t of waiting) this.runHere(t.name, t.input as never).then(t.resolve, t.reject)
      return
    }
    if (task) task.reject(error)
    if (!this.closed) this.dispatch()
  }

  private settled(): void {
    this.dispatch()
    if (this.slots.some((s) => s.task !== null)) return
    for (const s of this.slots) s.worker.unref()
    this.idleTimer = setTimeout(() => void this.stopWorkers(), IDLE_MS)
    this.idleTimer.unref()
  }

  private async stopWorkers(): Promise<void> {
    const idle = this.slots.filter((s) => s.task === null)
    for (const s of idle) this.slots.splice(this.slots.indexOf(s), 1)
    await Promise.all(idle.map((s) => s.worker.terminate()))
  }

  /** Stops every worker; tasks still running fail. Later tasks run in the calling thread. */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.idleTimer)
    const slots = this.slots.splice(0)
    for (const s of slots) clearTimers(s)
    for (const s of slots) s.task?.reject(new Error('worker pool closed'))
    for (const t of this.queue.splice(0)) t.reject(new Error('worker pool closed'))
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}

const KEY = Symbol.for('themeradar.workerPool')
const holder = globalThis as { [KEY]?: WorkerPool }

/** The process's pool, started lazily. */
export function workerPool(): WorkerPool {
  holder[KEY] ??= new WorkerPool(poolSize())
  return holder[KEY]
}

/** Closes the process's pool (server shutdown, tests); the next use starts a new one. */
export async function closeWorkerPool(): Promise<void> {
  const pool = holder[KEY]
  holder[KEY] = undefined
  await pool?.close()
}
