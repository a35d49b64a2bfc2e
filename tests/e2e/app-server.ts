import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RunningApp {
  url: string
  dataDir: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Set by the browser tests' global setup (global-setup.ts): a DATA_DIR the app already
 * migrated and loaded the demo into, then shut down cleanly. An app started with the
 * defaults begins from a copy of it: the first start of a fresh one costs 12-15 s here.
 */
export const TEMPLATE_DATA_DIR = 'THEMERADAR_E2E_TEMPLATE_DATA_DIR'

/** What decides what the first start writes: with any of these, the app starts from nothing. */
const FIRST_RUN_SETTINGS = ['DATA_DIR', 'DATABASE_URL', 'SEED_DEMO', 'SEED_DEMO_HISTORY']

/** Starts the built app (npm run build first) on a free port with a fresh PGlite DATA_DIR. */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-e2e-'))
  const template = process.env[TEMPLATE_DATA_DIR]
  if (template && !FIRST_RUN_SETTINGS.some((name) => name in extraEnv)) cpSync(template, dataDir, { recursive: true })
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_DEMO_HISTORY: 'off',
    ...extraEnv,
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROF_DIR] : []), '--import', 'tsx', 'app/server.ts'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  if (Date.now() >= deadline) throw new Error(`app did not become healthy:\n${output}`)
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
