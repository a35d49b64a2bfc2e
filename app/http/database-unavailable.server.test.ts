import type { ServerBuild } from '@remix-run/node'
import { describe, expect, it, vi } from 'vitest'

import { answerDatabaseOutages } from './database-unavailable.server.ts'

// The wrapper every loader and action runs in (app/server.ts): "database unavailable"
// becomes a thrown 503 in the reader's language; anything else passes through untouched,
// so PGlite and ordinary errors behave as before. tests/db-outage.test.ts checks the
// same on the running app against PostgreSQL.

const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })

function buildWith(module: Record<string, unknown>): ServerBuild {
  const route = { id: 'routes/x', path: 'x', module }
  return { routes: { 'routes/x': route } } as unknown as ServerBuild
}

function call(build: ServerBuild, name: 'loader' | 'action', headers: Record<string, string> = {}) {
  const run = build.routes['routes/x'].module[name] as (args: unknown) => Promise<unknown>
  return run({ request: new Request('http://localhost/x', { headers }), params: {}, context: {} })
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('answerDatabaseOutages', () => {
  it('turns a lost connection in a loader or an action into a 503 with Retry-After, in the reader language', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const build = answerDatabaseOutages(buildWith({ loader: () => Promise.reject(lost), action: () => Promise.reject(lost) }))

    const fromLoader = (await thrown(call(build, 'loader', { 'Accept-Language': 'zh-CN' }))) as Response
    expect(fromLoader).toBeInstanceOf(Response)
    expect(fromLoader.status).toBe(503)
    expect(fromLoader.headers.get('Retry-After')).toBe('5')
    expect(fromLoader.headers.get('Cache-Control')).toBe('no-store')
    expect(await fromLoader.json()).toEqual({
      databaseUnavailable: true,
      locale: 'zh-CN',
      title: '暂时无法使用',
      message: '数据库暂时无法连接，请稍后再试。',
    })

    const fromAction = (await thrown(call(build, 'action', { Cookie: 'tr_lang=en' }))) as Response
    expect(fromAction.status).toBe(503)
    expect(await fromAction.json()).toMatchObject({ locale: 'en', message: 'The database is unavailable. Please try again in a moment.' })
    expect(warn).toHaveBeenCalledTimes(1) // one line per outage, not per request
    warn.mockRestore()
  })

  it('leaves other errors, returned values and thrown responses as they were', async () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' })
    const notFound = new Response(null, { status: 404 })
    const build = answerDatabaseOutages(buildWith({ loader: () => Promise.reject(unique), action: () => Promise.reject(notFound) }))
    expect(await thrown(call(build, 'loader'))).toBe(unique)
    expect(await thrown(call(build, 'action'))).toBe(notFound)

    const ok = answerDatabaseOutages(buildWith({ loader: () => ({ ok: true }), default: 'Page' }))
    expect(await call(ok, 'loader')).toEqual({ ok: true })
    expect(ok.routes['routes/x'].module.default).toBe('Page')
    expect(ok.routes['routes/x'].module.action).toBeUndefined()
  })
})
