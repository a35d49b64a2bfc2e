import { createHash } from 'node:crypto'

import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'

import type { FeedItem } from '#app/ingest/parse-feed.ts'
import { claimDueFeeds, claimFeed, getFeed, recordPollResult } from '#app/models/ops/index.server.ts'
import { type IngestFeedItem, type PollDeps, pollFeed } from '#app/services/feeds/poll-feed.server.ts'
import { startFeedPoller } from '#app/services/feeds/poller.server.ts'
import { ingestFeedItem } from '#app/services/ingest/ingest-feed-item.server.ts'
import { type Connection, openPostgres } from '#db/connection.ts'

import { withDatabase } from './db.ts'
import { documentCount, newFeed, setUpFeedsWorld } from './fixtures/feeds.ts'
import { exampleLookup, FEEDS_HOST } from './msw/feeds-example.ts'

// Polling feeds: items stored once through the ingest path, errors recorded, leases
// that keep two pollers off one feed. The feeds page and allowed hosts are in
// feeds-page.test.ts.

const world = setUpFeedsWorld()
let conn: Connection
beforeAll(() => {
  conn = world.conn
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

async function pollById(id: number, deps: Partial<PollDeps> & Pick<PollDeps, 'ingest'>) {
  const lease = await claimFeed(conn.db, id)
  expect(lease).not.toBeNull()
  return pollFeed(conn.db, lease!, { lookup: exampleLookup, timeoutMs: 2_000, ...deps })
}

describe('polling a feed', () => {
  it('stores new RSS items once, records the success, and skips them on the next poll', async () => {
    const id = await newFeed(world, '/rss.xml')
    const calls: FeedItem[] = []
    const first = await pollById(id, { ingest: recordingIngest(calls) })
    expect(first).toMatchObject({ ok: true, error: null, items: 2, stored: 2, leaseHeld: true })
    const second = await pollById(id, { ingest: recordingIngest(calls) })
    expect(second).toMatchObject({ ok: true, items: 2, stored: 0 })
    expect(calls.map((c) => c.link)).toEqual([`${FEEDS_HOST}/posts/sora-dit`, `${FEEDS_HOST}/posts/meitu-miracle-vision`])
    expect(await documentCount(conn)).toBe(2)
    const feed = await getFeed(conn.db, id)
    expect(feed).toMatchObject({ lastError: null, leaseUntil: null })
    expect(feed!.lastSuccessAt).toBeInstanceOf(Date)
    expect(feed!.nextPollAt.getTime() - feed!.lastPolledAt!.getTime()).toBe(60 * 60_000)
  })

  it('turns Atom entries into documents through ingestDocument, with feed, publisher and date', async () => {
    const id = await newFeed(world, '/atom.xml')
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
    const other = await newFeed(world, '/moved')
    expect(await pollById(id, { ingest: ingestFeedItem })).toMatchObject({ ok: true, stored: 0 })
    expect(await pollById(other, { ingest: ingestFeedItem })).toMatchObject({ ok: true, stored: 2 })
    expect(await documentCount(conn)).toBe(4) // the RSS items behind /moved are new; Atom ones are not repeated
  })

  it.each([
    ['/html', 'feeds.fetch.badContentType?contentType=text%2Fhtml'],
    ['/html-as-xml', 'feeds.parse.html'],
    ['/error', 'feeds.fetch.badStatus?status=500'],
    ['/hang', 'feeds.fetch.timeout?limit=0.3+s'],
    ['/big.xml', 'feeds.fetch.tooLarge?limit=0.5+MB'],
    ['/to-loopback', 'feeds.fetch.blockedIp?address=127.0.0.1'],
  ])('%s: a clear error is recorded and nothing is stored', async (path, error) => {
    const id = await newFeed(world, path)
    const calls: FeedItem[] = []
    const report = await pollById(id, { ingest: recordingIngest(calls), timeoutMs: 300, maxBytes: 500_000 })
    expect(report).toMatchObject({ ok: false, error, stored: 0, leaseHeld: true })
    expect(calls).toEqual([])
    expect(await documentCount(conn)).toBe(0)
    const feed = await getFeed(conn.db, id)
    expect(feed).toMatchObject({ lastError: error, lastSuccessAt: null, leaseUntil: null })
    expect(feed!.lastErrorAt).toBeInstanceOf(Date)
  })

  it('an item that fails to store rolls back the whole poll', async () => {
    const id = await newFeed(world, '/rss.xml')
    const calls: FeedItem[] = []
    const report = await pollById(id, { ingest: recordingIngest(calls, '美图发布奇想智能 4.0') })
    expect(report).toMatchObject({ ok: false, error: 'feeds.poll.ingestFailed?detail=disk+full', stored: 0 })
    expect(calls).toHaveLength(2)
    expect(await documentCount(conn)).toBe(0)
  })

  it('a success after an error clears the error', async () => {
    const id = await newFeed(world, '/rss.xml')
    const lease = await claimFeed(conn.db, id)
    await recordPollResult(conn.db, lease!, { ok: false, error: 'feeds.fetch.badStatus?status=503' })
    await pollById(id, { ingest: recordingIngest([]) })
    expect(await getFeed(conn.db, id)).toMatchObject({ lastError: null, lastErrorAt: null })
  })
})

describe('feed leases', () => {
  it('a leased feed is not claimed again; a stale lease cannot record', async () => {
    const id = await newFeed(world, '/rss.xml')
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
    const due = await newFeed(world, '/rss.xml')
    const later = await newFeed(world, '/atom.xml')
    const paused = await newFeed(world, '/error')
    await conn.db
      .updateTable('feed')
      .set({ next_poll_at: sql`now() + interval '1 hour'` })
      .where('id', '=', later)
      .execute()
    await conn.db.updateTable('feed').set({ enabled: false }).where('id', '=', paused).execute()
    expect((await claimDueFeeds(conn.db)).map((f) => f.id)).toEqual([due])
  })

  it.runIf(onPostgres)('two pollers on two connections claim disjoint feeds (SKIP LOCKED)', async () => {
    for (let i = 0; i < 8; i++) await newFeed(world, `/rss.xml?n=${i}`)
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
    const good = await newFeed(world, '/rss.xml')
    const bad = await newFeed(world, '/error')
    const calls: FeedItem[] = []
    const poller = startFeedPoller(conn.db, { workerId: 'test', intervalMs: 60_000, ingest: recordingIngest(calls), lookup: exampleLookup })
    await poller.tick()
    await poller.stop()
    expect((await getFeed(conn.db, good))!.lastSuccessAt).toBeInstanceOf(Date)
    expect((await getFeed(conn.db, bad))!.lastError).toBe('feeds.fetch.badStatus?status=500')
    expect(calls).toHaveLength(2)
  })
})
