// The worker thread that hosts PGlite (pglite-host.ts, decision 049). Plain JavaScript so
// that it starts the same way under tsx (dev, CLI, tests) and under the built server.
import { parentPort, workerData } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
const { host } = await import('./pglite-host.ts')
await host(parentPort, workerData)
