// A worker thread of pool.server.ts. Plain JavaScript so that it starts the same way under
// tsx (dev, CLI, tests) and under the built server: it registers tsx's loader in this
// thread, then loads the TypeScript task table and answers one task at a time.
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

// On Linux a thread has its own nice value: in the server (which sets WORKER_NICE=10) this
// one yields the CPU to the thread that serves pages when both want it (decision 048). The
// CLI and tests keep 0: a niced thread also yields to every other process on a busy machine.
// /proc/thread-self names this thread's id; elsewhere there is no such file.
const nice = Number(process.env.WORKER_NICE ?? 0)
if (Number.isInteger(nice) && nice > 0 && nice <= 19)
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice)
  } catch {
    // not Linux, or not allowed: run at the process's priority
  }

register()
const { TASKS, reportPdfPagesTo, workerShouldRetire } = await import('./tasks.ts')

// The pool hears once a PDF is open and after each of its pages, and stops a worker that goes
// quiet for too long after that on a task with a time limit (pool.server.ts).
let current = 0
reportPdfPagesTo(() => parentPort.postMessage({ id: current, progress: true }))

function failure(error) {
  const { name = 'Error', message = String(error), reason, params } = error ?? {}
  return { name, message, reason: name === 'IngestError' ? reason : undefined, params: name === 'IngestError' ? params : undefined }
}

parentPort.on('message', async ({ id, name, input }) => {
  current = id
  let answer
  try {
    answer = { id, ok: true, output: await TASKS[name](input) }
  } catch (error) {
    answer = { id, ok: false, error: failure(error) }
  }
  // A retiring worker takes no more tasks: the pool starts a new one for the next.
  const retiring = workerShouldRetire()
  parentPort.postMessage({ ...answer, retiring })
  if (retiring) process.exit(0)
})
parentPort.postMessage({ ready: true })
