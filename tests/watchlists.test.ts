import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as indexAction, loader as indexLoader } from '#app/routes/watchlists._index.tsx'
import { loader as pageLoader } from '#app/routes/watchlists.$id.tsx'
import { loader as historyLoader } from '#app/routes/watchlists_.$id.history.tsx'
import { loader as importLoader } from '#app/routes/watchlists_.$id.import.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createStarterLists, watchlistRoutes } from './fixtures/watchlist-routes.ts'

// The watchlist index and page as a browser uses them: loaders and actions called with
// real requests. Exports and imports are in watchlist-files.test.ts.

let conn: Connection
let analyst: string
let viewer: string
let coreId: number
const { post, newList, runImport, entriesOf, liveCount } = watchlistRoutes(() => ({ conn, analyst }))

beforeAll(async () => {
  conn = await createTestDatabase()
  coreId = (await createStarterLists(conn.db)).coreId
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Lyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const ctx = () => contextFor(conn)

describe('the watchlist index', () => {
  it('lists the lists with counts of their live entries, for viewers too', async () => {
    const res = await respond(() => indexLoader({ request: getRequest('/watchlists', viewer), params: {}, context: ctx() }))
    const body = await res.json()
    expect(body.canEdit).toBe(false)
    expect(body.watchlists.map((w: { name: string; liveCount: number }) => [w.name, w.liveCount])).toEqual([
      ['2C platforms', 3],
      ['Multimodal core', 10],
    ])
  })

  it('refuses an empty name and a duplicate name next to the field, creating nothing', async () => {
    const before = (await conn.db.selectFrom('watchlist').select('id').execute()).length
    const empty = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: '   ' }, analyst), params: {}, context: ctx() }),
    )
    expect(empty.status).toBe(400)
    expect((await empty.json()).errors).toEqual({ name: 'validation.required' })
    const taken = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'multimodal CORE' }, analyst), params: {}, context: ctx() }),
    )
    expect(taken.status).toBe(409)
    expect((await taken.json()).errors).toEqual({ name: 'watchlists.nameTaken' })
    const badTheme = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'New', themeId: 'abc' }, analyst), params: {}, context: ctx() }),
    )
    expect(badTheme.status).toBe(400)
    expect((await conn.db.selectFrom('watchlist').select('id').execute()).length).toBe(before)
  })

  it('viewers cannot create a list', async () => {
    const res = await respond(() =>
      indexAction({ request: postForm('/watchlists', { name: 'Sneaky' }, viewer), params: {}, context: ctx() }),
    )
    expect(res.status).toBe(403)
  })
})

describe('the watchlist page', () => {
  it('shows entries with rendered, inert notes', async () => {
    const id = await newList('Notes test')
    expect(
      (
        await post(id, {
          intent: 'add',
          company: '0700.HK',
          rationale: 'Ads',
          tags: 'Marketing, 2B，广告',
          notes: '**Hunyuan** <script>alert(1)</script>',
        })
      ).status,
    ).toBe(200)
    const res = await respond(() =>
      pageLoader({ request: getRequest(`/watchlists/${id}`, viewer), params: { id: String(id) }, context: ctx() }),
    )
    const body = await res.json()
    expect(body.canEdit).toBe(false)
    expect(body.entries[0]).toMatchObject({ nameEn: 'Tencent', tags: ['Marketing', '2B', '广告'], rationale: 'Ads' })
    expect(body.entries[0].notesHtml).toContain('<strong>Hunyuan</strong>')
    expect(body.entries[0].notesHtml).not.toContain('<script')
  })

  it('adds by name, alias or ticker; unknown or invalid text gets a message and adds nothing', async () => {
    const id = await newList('Adds')
    for (const [company, key] of [
      ['Acme Widgets', 'watchlists.companyUnknown'],
      ['700.HX', 'watchlists.companyInvalidTicker'],
      ['9999.HK', 'watchlists.companyUnknownTicker'],
      ['=HYPERLINK("http://evil.example")', 'watchlists.companyFormula'],
      ['', 'validation.required'],
    ]) {
      const res = await post(id, { intent: 'add', company })
      expect(res.status, company).toBe(400)
      expect((await res.json()).errors, company).toEqual({ company: key })
    }
    const tooManyTags = await post(id, { intent: 'add', company: 'Meitu', tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') })
    expect((await tooManyTags.json()).errors).toEqual({ tags: 'watchlists.tooManyTags?max=20' })
    expect(await liveCount(id)).toBe(0)

    expect((await post(id, { intent: 'add', company: '美图' })).status).toBe(200)
    const again = await post(id, { intent: 'add', company: '1357.HK' })
    expect(again.status).toBe(409)
    expect((await again.json()).errors).toEqual({ company: 'watchlists.alreadyListed' })
    expect(await liveCount(id)).toBe(1)
  })

  it('edits and removes entries; a removal needs a reason and stays in the history', async () => {
    const id = await newList('Removals')
    await post(id, { intent: 'add', company: 'Zhihu', rationale: 'Text' })
    const [entry] = await conn.db.selectFrom('watchlist_entry').select('id').where('watchlist_id', '=', id).execute()
    expect(
      (await post(id, { intent: 'editEntry', entryId: String(entry.id), rationale: 'Zhida AI search', tags: 'text', notes: '' })).status,
    ).toBe(200)
    const noReason = await post(id, { intent: 'remove', entryId: String(entry.id), reason: ' ' })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({ intent: 'remove', entryId: entry.id, errors: { reason: 'validation.required' } })
    expect(await liveCount(id)).toBe(1)
    expect((await post(id, { intent: 'remove', entryId: String(entry.id), reason: 'Thesis broken' })).status).toBe(200)
    expect(await liveCount(id)).toBe(0)
    const gone = await post(id, { intent: 'editEntry', entryId: String(entry.id), rationale: 'x' })
    expect(gone.status).toBe(404)

    const history = await respond(() =>
      historyLoader({ request: getRequest(`/watchlists/${id}/history`, viewer), params: { id: String(id) }, context: ctx() }),
    )
    const { weeks } = await history.json()
    expect(weeks[0].events.map((e: { kind: string; text: string; byName: string }) => [e.kind, e.text, e.byName])).toEqual([
      ['remove', 'Thesis broken', 'Ana Lyst'],
      ['edit', '', 'Ana Lyst'],
      ['add', 'Text', 'Ana Lyst'],
    ])
    // The edit says what changed, before and after; the add keeps the rationale it was written with.
    expect(weeks[0].events[1].changes).toEqual([
      { field: 'rationale', before: 'Text', after: 'Zhida AI search' },
      { field: 'tags', before: '', after: 'text' },
    ])
    expect(weeks[0]).toMatchObject({ added: 1, removed: 1, edited: 1 })
  })

  it('renames and archives; an archived list refuses adds with 409', async () => {
    const id = await newList('Archive me')
    expect((await post(id, { intent: 'update', name: '2c PLATFORMS', description: '' })).status).toBe(409)
    expect((await post(id, { intent: 'update', name: 'Archived list', description: 'old' })).status).toBe(200)
    expect((await post(id, { intent: 'archive' })).status).toBe(200)
    const add = await post(id, { intent: 'add', company: 'Tencent' })
    expect(add.status).toBe(409)
    expect((await add.json()).errors).toEqual({ form: 'watchlists.archivedReadOnly' })
    expect((await post(id, { intent: 'unarchive' })).status).toBe(200)
  })

  it('viewers are refused every change, and nothing changes', async () => {
    const before = await entriesOf(coreId)
    const attempts: Record<string, string>[] = [
      { intent: 'add', company: 'Zhihu' },
      { intent: 'archive' },
      { intent: 'update', name: 'x' },
      { intent: 'remove', entryId: '1', reason: 'x' },
    ]
    for (const fields of attempts) {
      expect((await post(coreId, fields, viewer)).status).toBe(403)
    }
    expect((await runImport(coreId, { name: 'a.csv', body: 'company\nZhihu\n' }, { intent: 'import' }, viewer)).status).toBe(403)
    expect(
      (
        await respond(() =>
          importLoader({ request: getRequest(`/watchlists/${coreId}/import`, viewer), params: { id: String(coreId) }, context: ctx() }),
        )
      ).status,
    ).toBe(403)
    expect(await entriesOf(coreId)).toEqual(before)
  })

  it('unknown ids are 404s', async () => {
    const res = await respond(() =>
      pageLoader({ request: getRequest('/watchlists/99999', viewer), params: { id: '99999' }, context: ctx() }),
    )
    expect(res.status).toBe(404)
    expect(
      (await respond(() => pageLoader({ request: getRequest('/watchlists/abc', viewer), params: { id: 'abc' }, context: ctx() }))).status,
    ).toBe(404)
  })
})
