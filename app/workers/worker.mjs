// A worker thread of pool.server.ts. Plain JavaScript so that it starts the same way under
// tsx (dev, CLI, tests) and under the built server: it registers tsx's loader in this
// thread, then loads the TypeScript task table and answers one task at a time.
import { parentPort } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
const { TASKS } = await import('./tasks.ts')

function failure(error) {
  const { name = 'Error', message = String(error), reason, params } = error ?? {}
  return { name, message, reason: name === 'IngestError' ? reason : undefined, params: name === 'IngestError' ? params : undefined }
}

parentPort.on('message', async ({ id, name, input }) => {
  try {
    const output = await TASKS[name](input)
    parentPort.postMessage({ id, ok: true, output })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: failure(error) })
  }
})
parentPort.postMessage({ ready: true })
