import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Helpers for tests/multi-instance.test.ts: app processes (app/server.ts with the Remix
// build, as `npm run serve` starts them) on one PostgreSQL database, and a local HTTP
// server that stands for the outside world (a feed, a webhook) and counts what it gets.

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function freePort(): Promise<number> {
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

/** The server half of the app needs the Remix build; CI's database stage runs before `npm run test:e2e` builds it. */
export function ensureBuild(): void {
  if (existsSync(path.join(root, 'build/index.js'))) return
  execFileSync(process.execPath, [path.join(root, 'node_modules/@remix-run/dev/dist/cli.js'), 'build'], { cwd: root, stdio: 'pipe' })
}

export interface Instance {
  name: string
  url: string
  pid: number
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  exited: Promise<number | null>
  output(): string
  kill(signal: NodeJS.Signals): Promise<void>
}

/** Starts one app process on `databaseUrl` and waits for /healthz. */
export async function startInstance(name: string, databaseUrl: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'app/server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`${name} exited while starting:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} did not become healthy:\n${output}`)
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    name,
    url,
    pid: child.pid!,
    exited,
    output: () => output,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode) return
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

export interface Outside {
  url: string
  /** GET /feed.xml requests so far. */
  feedRequests(): number
  /** Bodies POSTed to /hook so far. */
  hookPosts(): unknown[]
  close(): Promise<void>
}

/**
 * A feed at /feed.xml and a webhook receiver at /hook. Both answer slowly, so a poll or a
 * delivery is still under way while the other instance looks for work.
 */
export async function startOutside({ feedXml, delayMs }: { feedXml: string; delayMs: number }): Promise<Outside> {
  let feedRequests = 0
  const posts: unknown[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/feed.xml') {
        feedRequests += 1
        setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(feedXml), delayMs)
      } else if (req.method === 'POST' && req.url === '/hook') {
        posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'), delayMs)
      } else {
        res.writeHead(404).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    feedRequests: () => feedRequests,
    hookPosts: () => [...posts],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
