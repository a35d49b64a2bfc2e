import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

// The built app as a child process the test watches: whether it exits, and what it logs.
// (tests/e2e/app-server.ts starts it for the browser tests, on PGlite.)

export interface AppProcess {
  url: string
  /** Exit code or signal, once the process has ended. */
  exited: () => string | null
  output: () => string
  stop(): Promise<void>
}

/** Builds the app (remix build) when build/ is missing or older than a file under app/. */
export function ensureBuild(): void {
  const built = path.resolve('build/index.js')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const newest = (readdirSync('app', { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0)
  // NODE_ENV is 'test' under vitest: a build made with it would use React's development JSX.
  const env = { ...process.env, NODE_ENV: 'production' as const }
  if (newest > builtAt) execFileSync(path.resolve('node_modules/.bin/remix'), ['build'], { stdio: 'pipe', env })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-outage-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'app/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exit: string | null = null
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  child.once('exit', (code, signal) => (exit = `${code ?? signal}`))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exit !== null) throw new Error(`app exited early (${exit}):\n${output}`)
    if (Date.now() > deadline) throw new Error(`app did not become healthy:\n${output}`)
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    exited: () => exit,
    output: () => output,
    async stop() {
      if (exit === null) {
        const ended = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 10_000))])
        if (exit === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
