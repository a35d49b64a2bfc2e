import dns from 'node:dns'

import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { action as listAction } from '#app/routes/documents._index.tsx'
import { ingestFromUrl } from '#app/services/ingest/add-documents.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, postForm, respond } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { exampleLookup } from './msw/feeds-example.ts'
import { NEWS_HOST, newsExampleHandlers } from './msw/news-example.ts'

// Adding a document from a web address: fetched through safeFetch, ingested like an upload;
// every refusal is a 4xx with its reason next to the URL field, and nothing is stored.

const server = setupServer(...newsExampleHandlers)
let conn: Connection
let analyst: string
let viewer: string

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  conn = await createTestDatabase()
  // The companies the example host's pages name (tests/msw/news-example.ts).
  await createCompanies(conn.db, ['Kuaishou', 'Meitu', 'Tencent', 'Baidu'])
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  server.close()
  await conn?.close()
})
beforeEach(() => {
  // The route uses the system resolver; here it answers from the example table (no real DNS).
  vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => exampleLookup(host)) as never)
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})

const fromUrl = (url: string, cookie = analyst, extra: Record<string, string> = {}) =>
  respond(() =>
    listAction({ request: postForm('/documents', { intent: 'url', url, ...extra }, cookie), params: {}, context: contextFor(conn) }),
  )
const documentCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('adding a document from a URL', () => {
  it('fetches an article, keeps its address as the source, and says "already ingested" the second time with a link', async () => {
    const first = await fromUrl(`${NEWS_HOST}/kling`, analyst, { tags: '快讯' })
    expect(first.status).toBe(200)
    const { outcomes } = (await first.json()) as {
      outcomes: { status: string; document: { id: number; title: string }; mentions: number }[]
    }
    expect(outcomes).toHaveLength(1)
    expect(outcomes[0]).toMatchObject({ status: 'ingested', document: { title: '快手可灵与美图同台' } })
    expect(outcomes[0].mentions).toBe(7) // 快手, 可灵 and 美图 in the heading; those and 奇想智能 in the text
    const stored = await conn.db
      .selectFrom('document')
      .select(['source_url', 'publisher', 'published_on', 'tags'])
      .where('id', '=', outcomes[0].document.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ source_url: `${NEWS_HOST}/kling`, publisher: '36氪', published_on: '2024-06-12', tags: ['快讯'] })

    const before = await documentCount()
    const again = await fromUrl(`${NEWS_HOST}/kling`)
    expect(again.status).toBe(200)
    expect(((await again.json()) as { outcomes: unknown[] }).outcomes[0]).toMatchObject({
      status: 'duplicate',
      document: { id: outcomes[0].document.id },
    })
    expect(await documentCount()).toBe(before)
  })

  it('reads a PDF and a text file from the web', async () => {
    const pdf = await fromUrl(`${NEWS_HOST}/outlook.pdf`)
    expect(((await pdf.json()) as { outcomes: unknown[] }).outcomes[0]).toMatchObject({
      status: 'ingested',
      document: { title: 'Multimodal AI outlook' },
      mentions: 5,
    })
    const text = await fromUrl(`${NEWS_HOST}/note.txt`)
    expect(((await text.json()) as { outcomes: unknown[] }).outcomes[0]).toMatchObject({
      status: 'ingested',
      document: { title: expect.stringContaining('Weekly note') },
    })
  })

  it.each([
    ['http://127.0.0.1/admin', 400, 'feeds.fetch.blockedIp?address=127.0.0.1'],
    ['http://[::1]:3000/', 400, 'feeds.fetch.blockedIp?address=%3A%3A1'],
    ['http://169.254.169.254/latest/meta-data/', 400, 'feeds.fetch.blockedIp?address=169.254.169.254'],
    [`${NEWS_HOST}/to-intranet`, 400, 'feeds.fetch.blockedIp?address=10.0.0.5'],
    ['file:///etc/passwd', 400, 'feeds.fetch.scheme'],
    ['ftp://news.example.org/report.pdf', 400, 'feeds.fetch.scheme'],
    ['not a url', 400, 'feeds.fetch.badUrl'],
    [`${NEWS_HOST}/logo.png`, 415, 'feeds.fetch.badContentType?contentType=image%2Fpng'],
    [`${NEWS_HOST}/broken`, 422, 'feeds.fetch.badStatus?status=500'],
    ['https://no-such-host.example.net/', 422, 'feeds.fetch.dnsFailed?host=no-such-host.example.net'],
    [`${NEWS_HOST}/empty`, 400, 'documents.refused.empty'],
  ])('refuses %s with %i next to the field, storing nothing', async (url, status, reason) => {
    const before = await documentCount()
    const res = await fromUrl(url)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { errors: Record<string, string>; values: Record<string, string> }
    expect(body.errors.url?.replace(/&.*$/, '')).toBe(reason)
    expect(body.values).toMatchObject({ intent: 'url', url: url.trim() })
    expect(await documentCount()).toBe(before)
  })

  it('asks for an address when none is given, and lets only analysts fetch', async () => {
    const empty = await fromUrl('  ')
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ errors: { url: 'validation.required' } })
    expect((await fromUrl(`${NEWS_HOST}/kling`, viewer)).status).toBe(403)
  })

  it('refuses a page that is too large or a server that hangs, within the limits', async () => {
    const meta = { createdBy: null }
    expect(await ingestFromUrl(conn.db, `${NEWS_HOST}/huge`, meta, { lookup: exampleLookup, maxBytes: 1_000_000 })).toEqual({
      ok: false,
      reason: 'feeds.fetch.tooLarge?limit=1+MB',
    })
    expect(await ingestFromUrl(conn.db, `${NEWS_HOST}/hang`, meta, { lookup: exampleLookup, timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'feeds.fetch.timeout?limit=0.3+s',
    })
  })
})
