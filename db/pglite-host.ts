import { mkdirSync } from 'node:fs'
import type { MessagePort } from 'node:worker_threads'

import { PGlite, type PGliteOptions } from '@electric-sql/pglite'

import { pgliteParsers, pgliteSerializers } from './value-parsers.ts'

// The PGlite engine in a worker thread of its own (decision 049), started by
// pglite-thread.ts. Its WASM, its synchronous file writes and the decoding of results run
// here, so the thread that serves pages only sends SQL and receives rows.

export interface HostOptions {
  dataDir?: string
  /** A dump (dumpDataDir's tarball) to start from. */
  loadDataDir?: ArrayBuffer
  /** PGlite's artifacts, compiled or read once by the parent (pglite-thread.ts). */
  pgliteWasmModule?: WebAssembly.Module
  initdbWasmModule?: WebAssembly.Module
  fsBundle?: Uint8Array<ArrayBuffer>
}

export type HostRequest =
  { id: number; op: 'query'; sql: string; params: unknown[] } | { id: number; op: 'dump' } | { id: number; op: 'close' }

export type HostReply =
  { id: number; ok: true; rows?: unknown[]; affectedRows?: number; dump?: ArrayBuffer } | { id: number; ok: false; error: HostError }

/** A database error as plain data: its message and PGlite's fields (code, constraint, detail...). */
export interface HostError {
  name: string
  message: string
  fields: Record<string, string | number>
}

function toHostError(error: unknown): HostError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} }
  const fields: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value
  }
  return { name: error.name, message: error.message, fields }
}

async function open(options: HostOptions): Promise<PGlite> {
  const pgliteOptions: PGliteOptions = { parsers: pgliteParsers, serializers: pgliteSerializers }
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true })
    pgliteOptions.dataDir = options.dataDir
  }
  if (options.loadDataDir) pgliteOptions.loadDataDir = new Blob([options.loadDataDir])
  if (options.pgliteWasmModule) pgliteOptions.pgliteWasmModule = options.pgliteWasmModule
  if (options.initdbWasmModule) pgliteOptions.initdbWasmModule = options.initdbWasmModule
  if (options.fsBundle) pgliteOptions.fsBundle = new Blob([options.fsBundle])
  const client = await PGlite.create(pgliteOptions)
  // A new 16 MB WAL file is otherwise written full of zeros first, inside whichever
  // statement or commit crosses into it: 30-50 ms once every few large ingests. Zeros only
  // reserve disk space ahead; the WAL is as safe without them.
  await client.exec('set wal_init_zero = off')
  return client
}

async function answer(client: PGlite, request: HostRequest): Promise<{ reply: HostReply; transfer: ArrayBuffer[] }> {
  if (request.op === 'query') {
    const result = await client.query(request.sql, request.params)
    return { reply: { id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows }, transfer: [] }
  }
  if (request.op === 'dump') {
    const dump = await (await client.dumpDataDir('gzip')).arrayBuffer()
    return { reply: { id: request.id, ok: true, dump }, transfer: [dump] }
  }
  if (!client.closed) await client.close()
  return { reply: { id: request.id, ok: true }, transfer: [] }
}

/** Serves the parent's requests one at a time, in the order they come (the parent's driver orders them). */
export async function host(port: MessagePort, options: HostOptions): Promise<void> {
  let client: PGlite
  try {
    client = await open(options)
  } catch (error) {
    port.postMessage({ ready: false, error: toHostError(error) })
    return
  }
  let chain = Promise.resolve()
  port.on('message', (request: HostRequest) => {
    chain = chain.then(async () => {
      try {
        const { reply, transfer } = await answer(client, request)
        port.postMessage(reply, transfer)
      } catch (error) {
        port.postMessage({ id: request.id, ok: false, error: toHostError(error) } satisfies HostReply)
      }
      if (request.op === 'close') port.close()
    })
  })
  port.postMessage({ ready: true })
}
