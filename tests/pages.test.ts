import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAudit } from '#app/models/ops/index.server.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as notFoundLoader } from '#app/routes/$.tsx'
import { loader as auditLoader } from '#app/routes/admin.audit.tsx'
import { loader as companyLoader } from '#app/routes/companies.$id.tsx'
import { loader as healthLoader } from '#app/routes/healthz.tsx'
import { loader as themeLoader } from '#app/routes/themes.$slug.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createDataStock,
  createSegment,
  createTheme,
  createThemeCompany,
  createThemePoint,
  createUser,
  getRequest,
  respond,
} from './factories.ts'

let conn: Connection
let viewerCookie: string
let adminCookie: string
beforeAll(async () => {
  conn = await createTestDatabase()
  // A theme with both application sides, vendors from both regions, three data stocks
  // with an estimate each and three risks; and an archived theme the home page keeps apart.
  const theme = await createTheme(conn.db, { slug: 'multimodal-ai', nameEn: 'Multimodal AI' })
  await createTheme(conn.db, { slug: 'old-theme', status: 'archived' })
  const domestic = await createCompany(conn.db, { region: 'domestic' })
  const overseas = await createCompany(conn.db, { region: 'overseas' })
  for (const company of [domestic, overseas]) await createThemeCompany(conn.db, { themeId: theme.id, companyId: company.id })
  await createSegment(conn.db, { themeId: theme.id, audience: '2B', companyIds: [domestic.id] })
  await createSegment(conn.db, { themeId: theme.id, audience: '2C', companyIds: [overseas.id] })
  for (let i = 0; i < 3; i++) {
    await createDataStock(conn.db, { themeId: theme.id, estimates: [{ source: 'Epoch AI', yearFrom: 2026 + i, yearTo: 2030 + i }] })
    await createThemePoint(conn.db, { themeId: theme.id, kind: 'risk' })
  }
  viewerCookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  adminCookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('read-only pages', () => {
  it('send signed-out readers to sign in, and come back afterwards', async () => {
    const res = await respond(() =>
      themeLoader({ request: getRequest('/themes/multimodal-ai'), params: { slug: 'multimodal-ai' }, context: contextFor(conn) }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fthemes%2Fmultimodal-ai')
  })

  it('list the themes on the home page for a viewer, archived ones apart', async () => {
    const res = await respond(() => homeLoader({ request: getRequest('/', viewerCookie), params: {}, context: contextFor(conn) }))
    const { themes, archived } = await res.json()
    expect(themes.map((t: { slug: string }) => t.slug)).toEqual(['multimodal-ai'])
    expect(archived.map((t: { slug: string }) => t.slug)).toEqual(['old-theme'])
  })

  it('show a theme with both application sides, both vendor regions and the data-exhaustion estimates', async () => {
    const res = await respond(() =>
      themeLoader({
        request: getRequest('/themes/multimodal-ai', viewerCookie),
        params: { slug: 'multimodal-ai' },
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(200)
    const data = await res.json()
    expect(new Set(data.segments.map((s: { audience: string }) => s.audience))).toEqual(new Set(['2B', '2C']))
    expect(new Set(data.companies.map((c: { region: string }) => c.region))).toEqual(new Set(['domestic', 'overseas']))
    expect(data.estimates).toHaveLength(3)
    expect(data.risks).toHaveLength(3)
  })

  it('give 404 for an unknown theme, company or address', async () => {
    const theme = await respond(() =>
      themeLoader({ request: getRequest('/themes/nope', viewerCookie), params: { slug: 'nope' }, context: contextFor(conn) }),
    )
    expect(theme.status).toBe(404)
    const badSlug = await respond(() =>
      themeLoader({ request: getRequest('/themes/%3Cscript%3E', viewerCookie), params: { slug: '<script>' }, context: contextFor(conn) }),
    )
    expect(badSlug.status).toBe(404)
    const company = await respond(() =>
      companyLoader({ request: getRequest('/companies/abc', viewerCookie), params: { id: 'abc' }, context: contextFor(conn) }),
    )
    expect(company.status).toBe(404)
    const huge = await respond(() =>
      companyLoader({
        request: getRequest('/companies/99999999999', viewerCookie),
        params: { id: '99999999999' },
        context: contextFor(conn),
      }),
    )
    expect(huge.status).toBe(404)
    const other = await respond(() => notFoundLoader())
    expect(other.status).toBe(404)
  })

  it('show the audit log to admins only, newest first', async () => {
    await recordAudit(conn.db, { actorId: null, action: 'test.first', entityType: 'test' })
    await recordAudit(conn.db, { actorId: null, action: 'test.second', entityType: 'test', oldValue: { a: 1 }, newValue: { a: 2 } })
    const denied = await respond(() =>
      auditLoader({ request: getRequest('/admin/audit', viewerCookie), params: {}, context: contextFor(conn) }),
    )
    expect(denied.status).toBe(403)
    const res = await respond(() =>
      auditLoader({ request: getRequest('/admin/audit?type=test', adminCookie), params: {}, context: contextFor(conn) }),
    )
    const { entries } = await res.json()
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['test.second', 'test.first'])
    expect(entries[0]).toMatchObject({ oldValue: { a: 1 }, newValue: { a: 2 } })
  })
})

describe('/healthz', () => {
  it('answers 200 when the database answers and 503 when it does not', async () => {
    const ok = await respond(() => healthLoader({ request: getRequest('/healthz'), params: {}, context: contextFor(conn) }))
    expect(ok.status).toBe(200)
    const broken = await createTestDatabase()
    const context = contextFor(broken)
    await broken.close()
    const down = await respond(() => healthLoader({ request: getRequest('/healthz'), params: {}, context }))
    expect(down.status).toBe(503)
  })
})
