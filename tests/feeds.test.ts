import { createHash } from 'node:crypto'
import dns from 'node:dns'

import { sql } from 'kysely'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { FeedItem } from '#app/ingest/parse-feed.ts'
import { addFeed, claimDueFeeds, claimFeed, getFeed, recordPollResult } from '#app/models/ops/index.server.ts'
import { action as adminFetchAction } from '#app/routes/admin.fetch.tsx'
import { action as feedsAction, loader as feedsLoader } from '#app/routes/feeds.tsx'
import { type IngestFeedItem, type PollDeps, pollFeed } from '#app/services/feeds/poll-feed.server.ts'
import { startFeedPoller } from '#app/services/feeds/poller.server.ts'
import { ingestFeedItem } from '#app/services/ingest/ingest-feed-item.server.ts'
import { type Connection, openPostgres } from '#db/connection.ts'

import { createTestDatabase, withDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { exampleLookup, FEEDS_HOST, feedsExampleHandlers } from './msw/feeds-example.ts'

const server = setupServer(...feedsExampleHandlers)
let conn: Connection
let analystId: number
let analyst: string
let admin: string
let viewer: string

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  conn = await createTestDatabase()
  analystId = (await createUser(conn.db, { role: 'analyst' })).id
  analyst = await cookieFor(conn.db, analystId)
  admin = await cookieFor(conn.db, (await createUser(conn.db, { role: 'admin' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  server.close()
  await conn?.close()
})
beforeEach(async () => {
  // Routes use the system resolver; here it answers from the example table (no real DNS).
  vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => exampleLookup(host)) as never)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  await conn.db.deleteFrom('document').execute()
  await conn.db.deleteFrom('feed').execute()
  await conn.db.deleteFrom('app_setting').where('key', '=', 'fetch.allowed_hosts').execute()
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

/** A stand-in for ingestDocument: records calls, stores a minimal document row. */
function recordingIngest(calls: FeedItem[], failOn?: string): IngestFeedItem {
  return async (db, item, feed) => {
    calls.push(item)
    if (failOn && item.title === failOn) throw new Error('disk full')
    const body = `${item.title}\n${item.html}`
    const hash = createHash('sha256').update(body).digest('hex')
    const row = await db
      .insertInto('document')
      .values({ title: item.title, language: 'en', source_url: item.link, content_hash: hash, body, feed_id: feed.id })
      .onConflict((oc) => oc.column('content_hash').doNothing())
      .returning('id')
      .executeTakeFirst()
    return { created: Boolean(row) }
  }
}

async function newFeed(path: string, intervalMinutes = 60) {
  const id = await addFeed(conn.db, { id: analystId }, { url: `${FEEDS_HOST}${path}`, title: `Test ${path}`, intervalMinutes })
  return id
}

async function pollById(id: number, deps: Partial<PollDeps> & Pick<PollDeps, 'ingest'>) {
  const lease = await claimFeed(conn.db, id)
  expect(lease).not.toBeNull()
  return pollFeed(conn.db, lease!, { lookup: exampleLookup, timeoutMs: 2_000, ...deps })
}

const documentCount = async () =>
  Number(
    (
      await conn.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('polling a feed', () => {
  it('stores new RSS items once, records the success, and skips them on the next poll', async () => {
    const id = await newFeed('/rss.xml')
    const calls: FeedItem[] = []
    const first = await pollById(id, { ingest: recordingIngest(calls) })
    expect(first).toMatchObject({ ok: true, error: null, items: 2, stored: 2, leaseHeld: true })
    const second = await pollById(id, { ingest: recordingIngest(calls) })
    expect(second).toMatchObject({ ok: true, items: 2, stored: 0 })
    expect(calls.map((c) => c.link)).toEqual([`${FEEDS_HOST}/posts/sora-dit`, `${FEEDS_HOST}/posts/meitu-miracle-vision`])
    expect(await documentCount()).toBe(2)
    const feed = await getFeed(conn.db, id)
    expect(feed).toMatchObject({ lastError: null, leaseUntil: null })
    expect(feed!.lastSuccessAt).toBeInstanceOf(Date)
    expect(feed!.nextPollAt.getTime() - feed!.lastPolledAt!.getTime()).toBe(60 * 60_000)
  })

  it('turns Atom entries into documents through ingestDocument, with feed, publisher and date', async () => {
    const id = await newFeed('/atom.xml')
    const report = await pollById(id, { ingest: ingestFeedItem })
    expect(report).toMatchObject({ ok: true, items: 2, stored: 2 })
    const docs = await conn.db
      .selectFrom('document')
      .select(['title', 'publisher', 'published_on', 'source_url', 'feed_id', 'body'])
      .orderBy('id')
      .execute()
    expect(docs.map((d) => [d.title, d.publisher, d.published_on, d.source_url, d.feed_id])).toEqual([
      ['Gemini is natively multimodal', 'Test /atom.xml', '2023-12-07', `${FEEDS_HOST}/atom/gemini`, id],
      ['Data exhaustion estimates revisited', 'Test /atom.xml', '2024-03-05', `${FEEDS_HOST}/atom/data`, id],
    ])
    expect(docs[1].body).toContain('High-quality language data may run out before 2026.')
    // Same content again, even under another feed, is stored once.
    const other = await newFeed('/moved')
    expect(await pollById(id, { ingest: ingestFeedItem })).toMatchObject({ ok: true, stored: 0 })
    expect(await pollById(other, { ingest: ingestFeedItem })).toMatchObject({ ok: true, stored: 2 })
    expect(await documentCount()).toBe(4) // the RSS items behind /moved are new; Atom ones are not repeated
  })

  it.each([
    ['/html', 'feeds.fetch.badContentType?contentType=text%2Fhtml'],
    ['/html-as-xml', 'feeds.parse.html'],
    ['/error', 'feeds.fetch.badStatus?status=500'],
    ['/hang', 'feeds.fetch.timeout?limit=0.3+s'],
    ['/big.xml', 'feeds.fetch.tooLarge?limit=0.5+MB'],
    ['/to-loopback', 'feeds.fetch.blockedIp?address=127.0.0.1'],
  ])('%s: a clear error is recorded and nothing is stored', async (path, error) => {
    const id = await newFeed(path)
    const calls: FeedItem[] = []
    const report = await pollById(id, { ingest: recordingIngest(calls), timeoutMs: 300, maxBytes: 500_000 })
    expect(report).toMatchObject({ ok: false, error, stored: 0, leaseHeld: true })
    expect(calls).toEqual([])
    expect(await documentCount()).toBe(0)
    const feed = await getFeed(conn.db, id)
    expect(feed).toMatchObject({ lastError: error, lastSuccessAt: null, leaseUntil: null })
    expect(feed!.lastErrorAt).toBeInstanceOf(Date)
  })

  it('an item that fails to store rolls back the whole poll', async () => {
    const id = await newFeed('/rss.xml')
    const calls: FeedItem[] = []
    const report = await pollById(id, { ingest: recordingIngest(calls, '美图发布奇想智能 4.0') })
    expect(report).toMatchObject({ ok: false, error: 'feeds.poll.ingestFailed?detail=disk+full', stored: 0 })
    expect(calls).toHaveLength(2)
    expect(await documentCount()).toBe(0)
  })

  it('a success after an error clears the error', async () => {
    const id = await newFeed('/rss.xml')
    const lease = await claimFeed(conn.db, id)
    await recordPollResult(conn.db, lease!, { ok: false, error: 'feeds.fetch.badStatus?status=503' })
    await pollById(id, { ingest: recordingIngest([]) })
    expect(await getFeed(conn.db, id)).toMatchObject({ lastError: null, lastErrorAt: null })
  })
})

describe('feed leases', () => {
  it('a leased feed is not claimed again; a stale lease cannot record', async () => {
    const id = await newFeed('/rss.xml')
    const due = await claimDueFeeds(conn.db)
    expect(due.map((f) => f.id)).toEqual([id])
    expect(await claimDueFeeds(conn.db)).toEqual([])
    expect(await claimFeed(conn.db, id)).toBeNull()
    await conn.db
      .updateTable('feed')
      .set({ lease_until: sql`now() - interval '1 second'` })
      .execute()
    const retaken = await claimFeed(conn.db, id)
    expect(await recordPollResult(conn.db, due[0], { ok: true, stored: 0 })).toBe(false)
    expect(await recordPollResult(conn.db, retaken!, { ok: true, stored: 0 })).toBe(true)
  })

  it('only enabled feeds that are due are claimed', async () => {
    const due = await newFeed('/rss.xml')
    const later = await newFeed('/atom.xml')
    const paused = await newFeed('/error')
    await conn.db
      .updateTable('feed')
      .set({ next_poll_at: sql`now() + interval '1 hour'` })
      .where('id', '=', later)
      .execute()
    await conn.db.updateTable('feed').set({ enabled: false }).where('id', '=', paused).execute()
    expect((await claimDueFeeds(conn.db)).map((f) => f.id)).toEqual([due])
  })

  it.runIf(onPostgres)('two pollers on two connections claim disjoint feeds (SKIP LOCKED)', async () => {
    for (let i = 0; i < 8; i++) await newFeed(`/rss.xml?n=${i}`)
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(conn.db)
    const other = openPostgres(withDatabase(process.env.TEST_DATABASE_URL!, rows[0].name), { max: 1 })
    try {
      const [a, b] = await Promise.all([claimDueFeeds(conn.db, { limit: 5 }), claimDueFeeds(other.db, { limit: 5 })])
      const ids = [...a, ...b].map((f) => f.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toHaveLength(8)
    } finally {
      await other.close()
    }
  })

  it('the poller polls due feeds, survives failing ones and stops cleanly', async () => {
    const good = await newFeed('/rss.xml')
    const bad = await newFeed('/error')
    const calls: FeedItem[] = []
    const poller = startFeedPoller(conn.db, { workerId: 'test', intervalMs: 60_000, ingest: recordingIngest(calls), lookup: exampleLookup })
    await poller.tick()
    await poller.stop()
    expect((await getFeed(conn.db, good))!.lastSuccessAt).toBeInstanceOf(Date)
    expect((await getFeed(conn.db, bad))!.lastError).toBe('feeds.fetch.badStatus?status=500')
    expect(calls).toHaveLength(2)
  })
})

describe('the feeds page', () => {
  const post = (fields: Record<string, string>, cookie = analyst) =>
    respond(() => feedsAction({ request: postForm('/feeds', fields, cookie), params: {}, context: contextFor(conn) }))

  it.each([
    ['http://127.0.0.1:1/feed', 'feeds.fetch.blockedIp?address=127.0.0.1'],
    ['http://[::1]/feed', 'feeds.fetch.blockedIp?address=%3A%3A1'],
    ['http://169.254.169.254/latest/meta-data/', 'feeds.fetch.blockedIp?address=169.254.169.254'],
    ['https://intranet.example.com/rss', 'feeds.fetch.blockedAddress?host=intranet.example.com&address=10.0.0.5'],
    ['https://nowhere.example.net/rss', 'feeds.fetch.dnsFailed?host=nowhere.example.net'],
    ['ftp://feeds.example.com/rss', 'feeds.urlInvalid'],
    ['not a url', 'feeds.urlInvalid'],
  ])('refuses to add %s, saying why, and stores nothing', async (url, message) => {
    const res = await post({ intent: 'add', url, title: '', intervalMinutes: '60' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect((await res.json()).errors.url).toBe(message)
    expect(await conn.db.selectFrom('feed').select('id').execute()).toEqual([])
  })

  it('refuses an interval outside 5..10080 minutes next to the field', async () => {
    for (const intervalMinutes of ['4', '10081', '1.5', 'hourly']) {
      const res = await post({ intent: 'add', url: `${FEEDS_HOST}/rss.xml`, intervalMinutes })
      expect(res.status).toBe(400)
      expect((await res.json()).errors.intervalMinutes).toBe('feeds.intervalRange')
    }
  })

  it('adds, edits, polls now, pauses and removes a feed, all audited; viewers are refused', async () => {
    const added = await post({ intent: 'add', url: `${FEEDS_HOST}/rss.xml`, title: 'Multimodal Weekly', intervalMinutes: '30' })
    expect(added.status).toBe(200)
    const { feedId } = await added.json()
    expect((await post({ intent: 'add', url: `${FEEDS_HOST}/rss.xml`, intervalMinutes: '30' })).status).toBe(409)
    expect((await post({ intent: 'interval', feedId: String(feedId), intervalMinutes: '120' })).status).toBe(200)
    const polled = await post({ intent: 'poll', feedId: String(feedId) })
    expect(await polled.json()).toEqual({ ok: true, message: 'feeds.pollDone?feed=Multimodal+Weekly&items=2&stored=2&skipped=0', feedId })
    expect((await post({ intent: 'pause', feedId: String(feedId) })).status).toBe(200)
    const page = await (
      await respond(() => feedsLoader({ request: getRequest('/feeds', viewer), params: {}, context: contextFor(conn) }))
    ).json()
    expect(page.canEdit).toBe(false)
    expect(page.feeds[0]).toMatchObject({ title: 'Multimodal Weekly', intervalMinutes: 120, enabled: false, documents: 2, lastError: null })
    expect((await post({ intent: 'remove', feedId: String(feedId) }, viewer)).status).toBe(403)
    expect((await post({ intent: 'remove', feedId: String(feedId) })).status).toBe(200)
    expect((await post({ intent: 'poll', feedId: String(feedId) })).status).toBe(404)
    expect(await documentCount()).toBe(2) // documents outlive their feed
    const actions = await conn.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'feed')
      .where('entity_id', '=', String(feedId))
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['feed.add', 'feed.update', 'feed.update', 'feed.remove'])
  })

  it('"Poll now" on a feed that returns HTML explains it, and the error shows on the list', async () => {
    const id = await newFeed('/html')
    const res = await post({ intent: 'poll', feedId: String(id) })
    expect(res.status).toBe(422)
    expect((await res.json()).errors.form).toBe('feeds.fetch.badContentType?contentType=text%2Fhtml')
    const page = await (
      await respond(() => feedsLoader({ request: getRequest('/feeds', analyst), params: {}, context: contextFor(conn) }))
    ).json()
    expect(page.feeds[0].lastError).toBe('feeds.fetch.badContentType?contentType=text%2Fhtml')
  })

  it('"Poll now" while the scheduler holds the feed says so', async () => {
    const id = await newFeed('/rss.xml')
    await claimFeed(conn.db, id)
    const res = await post({ intent: 'poll', feedId: String(id) })
    expect(res.status).toBe(409)
    expect((await res.json()).errors.form).toBe('feeds.busy')
  })
})

describe('allowed hosts (admin)', () => {
  const post = (hosts: string, cookie = admin) =>
    respond(() => adminFetchAction({ request: postForm('/admin/fetch', { hosts }, cookie), params: {}, context: contextFor(conn) }))

  it('refuses what is not a host name, saves exact names, audits, and lets that intranet host be added', async () => {
    for (const bad of ['http://intranet.example.com', '*.example.com', 'intranet.example.com:8080', 'a b']) {
      const res = await post(bad)
      expect(res.status).toBe(400)
      expect((await res.json()).errors.hosts).toMatch(/^feeds\.admin\.invalidHost\?host=/)
    }
    expect((await post('intranet.example.com', analyst)).status).toBe(403)
    const saved = await post('Intranet.Example.com\n\nintranet.example.com\n')
    expect(await saved.json()).toEqual({ ok: true, hosts: ['intranet.example.com'] })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['old_value', 'new_value'])
      .where('action', '=', 'settings.fetch_allowed_hosts')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ old_value: [], new_value: ['intranet.example.com'] })
    const res = await respond(() =>
      feedsAction({
        request: postForm('/feeds', { intent: 'add', url: 'https://intranet.example.com/rss', intervalMinutes: '60' }, analyst),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(200)
  })
})
