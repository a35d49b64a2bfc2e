import { beforeAll, describe, expect, it } from 'vitest'

import { claimFeed } from '#app/models/ops/index.server.ts'
import { action as adminFetchAction } from '#app/routes/admin.fetch.tsx'
import { action as feedsAction, loader as feedsLoader } from '#app/routes/feeds.tsx'
import type { Connection } from '#db/connection.ts'

import { contextFor, getRequest, postForm, respond } from './factories.ts'
import { documentCount, newFeed, setUpFeedsWorld } from './fixtures/feeds.ts'
import { FEEDS_HOST } from './msw/feeds-example.ts'

// The feeds page as a browser uses it (every refusal a 4xx next to the field, every
// change audited, viewers refused) and the admin's list of allowed intranet hosts.

const world = setUpFeedsWorld()
let conn: Connection
let analyst: string
let admin: string
let viewer: string
beforeAll(() => {
  ;({ conn, analyst, admin, viewer } = world)
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
    expect(await documentCount(world.conn)).toBe(2) // documents outlive their feed
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
    const id = await newFeed(world, '/html')
    const res = await post({ intent: 'poll', feedId: String(id) })
    expect(res.status).toBe(422)
    expect((await res.json()).errors.form).toBe('feeds.fetch.badContentType?contentType=text%2Fhtml')
    const page = await (
      await respond(() => feedsLoader({ request: getRequest('/feeds', analyst), params: {}, context: contextFor(conn) }))
    ).json()
    expect(page.feeds[0].lastError).toBe('feeds.fetch.badContentType?contentType=text%2Fhtml')
  })

  it('"Poll now" while the scheduler holds the feed says so', async () => {
    const id = await newFeed(world, '/rss.xml')
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
