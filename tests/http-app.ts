import { readdirSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'

import type { AppLoadContext } from '@remix-run/node'
import express from 'express'

import { refuseCrossSiteRequests } from '#app/http/origin.server.ts'
import { createRequestHandler } from '#app/http/request-handler.server.ts'
import { securityHeaders } from '#app/http/security-headers.server.ts'
import type { Connection } from '#db/connection.ts'

import { contextFor } from './factories.ts'

// The request guards of app/server.ts (security headers, the cross-site check, the request
// handler that limits bodies) in front of the real route modules, without a Remix build:
// a request names the route it is for (X-Test-Route), and the route's action (or loader,
// for GET) answers it. What is under test is everything in front of the routes.

type RouteFunction = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>

export interface TestRoute {
  id: string
  /** A URL that reaches this route, with sample parameters. */
  path: string
  pattern: RegExp
  names: string[]
  action?: RouteFunction
  loader?: RouteFunction
}

const SAMPLE: Record<string, string> = { token: 'no-such-token', slug: 'multimodal-ai', id: '1', week: '2026-W48' }

/** Every route module in app/routes, with a URL for it (Remix flat routes: dots are slashes). */
export async function loadRoutes(): Promise<TestRoute[]> {
  const dir = path.resolve('app/routes')
  const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
  const routes: TestRoute[] = []
  for (const file of files) {
    const name = file.replace(/\.tsx?$/, '')
    const names: string[] = []
    const segments = name
      .split('.')
      .filter((s) => s !== '_index')
      .map((s) => s.replace(/_$/, ''))
    const sample = segments.map((s) => (s === '$' ? 'anything' : s.startsWith('$') ? (SAMPLE[s.slice(1)] ?? '1') : s))
    const source = segments.map((s) => {
      if (!s.startsWith('$')) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(s === '$' ? '*' : s.slice(1))
      return s === '$' ? '(.*)' : '([^/]+)'
    })
    const mod = (await import(path.join(dir, file))) as { action?: RouteFunction; loader?: RouteFunction }
    routes.push({
      id: `routes/${name}`,
      path: `/${sample.join('/')}`,
      pattern: new RegExp(`^/${source.join('/')}/?$`),
      names,
      action: mod.action,
      loader: mod.loader,
    })
  }
  return routes
}

export interface TestApp {
  base: string
  port: number
  /** How many times each route's action or loader ran. */
  calls: Map<string, number>
  /** Bytes the server read on each connection so far. */
  bytesRead(): number
  close(): Promise<void>
}

export async function startTestApp(
  conn: Connection,
  routes: TestRoute[],
  options: { publicUrl?: string; trustProxy?: string | boolean } = {},
): Promise<TestApp> {
  const calls = new Map<string, number>()
  const byId = new Map(routes.map((r) => [r.id, r]))
  const app = express()
  app.set('trust proxy', options.trustProxy ?? 'loopback')
  app.use(securityHeaders())
  app.use(refuseCrossSiteRequests({ publicUrl: options.publicUrl }))
  const handle = async (request: Request, context: AppLoadContext): Promise<Response> => {
    const route = byId.get(request.headers.get('x-test-route') ?? '')
    const run = request.method === 'GET' || request.method === 'HEAD' ? route?.loader : route?.action
    if (!route || !run) return new Response('no such route', { status: 404 })
    calls.set(route.id, (calls.get(route.id) ?? 0) + 1)
    const match = route.pattern.exec(new URL(request.url).pathname)
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? '')]))
    try {
      const result = await run({ request, params, context })
      return result instanceof Response ? result : Response.json(result)
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      return new Response(`server error: ${String(thrown)}`, { status: 500 })
    }
  }
  app.all('*', createRequestHandler({ handle, getLoadContext: () => ({ ...contextFor(conn), publicUrl: options.publicUrl }) }))
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const sockets: Socket[] = []
  server.on('connection', (socket) => sockets.push(socket))
  const port = (server.address() as AddressInfo).port
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    calls,
    bytesRead: () => sockets.reduce((sum, s) => sum + s.bytesRead, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface Sent {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/**
 * One request over node:http (any Host, Origin or Transfer-Encoding). `chunks` streams the
 * body chunked without Content-Length, and stops sending as soon as an answer arrives.
 */
export function send(
  app: TestApp,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: { size: number; count: number } } = {},
): Promise<Sent & { bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0
    let answered = false
    const req = httpRequest(`${app.base}${target}`, { method, headers: options.headers, agent: false }, (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, bytesSent }))
      res.on('error', reject)
    })
    // Writes after the server stopped reading fail with EPIPE/ECONNRESET: expected here.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    if (options.chunks) {
      const chunk = Buffer.alloc(options.chunks.size, 'a')
      let left = options.chunks.count
      const pump = () => {
        while (left > 0 && !answered && !req.destroyed) {
          left -= 1
          bytesSent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        if (!answered && !req.destroyed) req.end()
      }
      pump()
    } else {
      if (options.body !== undefined) bytesSent = Buffer.byteLength(options.body)
      req.end(options.body)
    }
  })
}
