import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'

import {
  addEntry,
  countRemovedEntries,
  createWatchlist,
  describeUnresolved,
  getWatchlist,
  listLiveEntries,
  listWatchlists,
  removeEntry,
  setWatchlistArchived,
  updateEntry,
  updateWatchlist,
  WatchlistError,
} from './index.server.ts'
import { listWatchlistHistory } from './watchlist-history.server.ts'

let conn: Connection
let actor: { id: number }
let companyA: number
let companyB: number

async function createCompany(name: string, extra: { ticker?: string; themeId?: number } = {}) {
  const row = await conn.db
    .insertInto('company')
    .values({ name_en: name, region: 'domestic', is_listed: Boolean(extra.ticker), vendor_type: 'platform' })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (extra.ticker)
    await conn.db
      .insertInto('company_ticker')
      .values({ company_id: row.id, exchange: 'HK', code: extra.ticker, is_primary: true })
      .execute()
  return row.id
}

async function rejection(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WatchlistError)
  return (error as WatchlistError).reason
}

const audit = (action: string) =>
  conn.db.selectFrom('audit_log').select(['old_value', 'new_value', 'user_id']).where('action', '=', action).orderBy('id').execute()

beforeAll(async () => {
  conn = await createTestDatabase()
  actor = await createUser(conn.db, { role: 'analyst', displayName: 'Chen Analyst' })
  companyA = await createCompany('Kuaishou Test', { ticker: '1024' })
  companyB = await createCompany('Zhihu Test')
})
afterAll(async () => {
  await conn.close()
})

describe('watchlists', () => {
  it('creates a list, audits it, and refuses a second one whose name differs only by case', async () => {
    const id = await createWatchlist(conn.db, actor, { name: 'Multimodal core', description: 'Direct exposure', themeId: null })
    expect(await getWatchlist(conn.db, id)).toMatchObject({ name: 'Multimodal core', description: 'Direct exposure', archivedAt: null })
    expect(await audit('watchlist.create')).toHaveLength(1)
    expect(await rejection(createWatchlist(conn.db, actor, { name: 'MULTIMODAL CORE', description: '', themeId: null }))).toBe('nameTaken')
    expect(await rejection(createWatchlist(conn.db, actor, { name: 'Other', description: '', themeId: 999_999 }))).toBe('themeNotFound')
    expect((await listWatchlists(conn.db)).map((w) => w.name)).toEqual(['Multimodal core'])
  })

  it('adds a company once; a second live add is refused', async () => {
    const list = await createWatchlist(conn.db, actor, { name: '2C platforms', description: '', themeId: null })
    const entryId = await addEntry(conn.db, actor, list, {
      companyId: companyA,
      rationale: 'Short video',
      notesMd: '**UGC**',
      tags: ['video', '2c'],
    })
    expect(await rejection(addEntry(conn.db, actor, list, { companyId: companyA, rationale: '', notesMd: '', tags: [] }))).toBe(
      'alreadyListed',
    )
    const entries = await listLiveEntries(conn.db, list)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      id: entryId,
      nameEn: 'Kuaishou Test',
      tags: ['video', '2c'],
      addedByName: 'Chen Analyst',
      tickers: [{ exchange: 'HK', code: '1024' }],
    })
    expect(entries[0].addedAt).toBeInstanceOf(Date)
    expect((await listWatchlists(conn.db)).find((w) => w.id === list)?.liveCount).toBe(1)
  })

  it('edits an entry with old and new values in the audit log', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'Edits', description: '', themeId: null })
    const entryId = await addEntry(conn.db, actor, list, { companyId: companyB, rationale: 'Text community', notesMd: '', tags: [] })
    await updateEntry(conn.db, actor, list, entryId, { rationale: 'Zhihu Zhida', notesMd: 'AI search', tags: ['text'] })
    expect((await listLiveEntries(conn.db, list))[0]).toMatchObject({ rationale: 'Zhihu Zhida', notesMd: 'AI search', tags: ['text'] })
    const [row] = await audit('watchlist_entry.update')
    expect(row.old_value).toEqual({ rationale: 'Text community', notesMd: '', tags: [] })
    expect(row.new_value).toEqual({ rationale: 'Zhihu Zhida', notesMd: 'AI search', tags: ['text'] })
    expect(await rejection(updateEntry(conn.db, actor, list, 999_999, { rationale: '', notesMd: '', tags: [] }))).toBe('entryNotFound')
  })

  it('removing keeps the entry as history with who and why; re-adding makes a new entry', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'History', description: '', themeId: null })
    const first = await addEntry(conn.db, actor, list, { companyId: companyA, rationale: 'First look', notesMd: '', tags: [] })
    await removeEntry(conn.db, actor, list, first, 'Valuation ran ahead')
    expect(await listLiveEntries(conn.db, list)).toHaveLength(0)
    expect(await rejection(removeEntry(conn.db, actor, list, first, 'again'))).toBe('entryNotFound')
    const second = await addEntry(conn.db, actor, list, { companyId: companyA, rationale: 'Back on the list', notesMd: '', tags: [] })
    expect(second).not.toBe(first)
    const stored = await conn.db
      .selectFrom('watchlist_entry')
      .select(['id', 'removed_by', 'removed_reason', 'removed_at'])
      .where('watchlist_id', '=', list)
      .orderBy('id')
      .execute()
    expect(stored).toHaveLength(2)
    expect(stored[0]).toMatchObject({ removed_by: actor.id, removed_reason: 'Valuation ran ahead' })
    expect(stored[1].removed_at).toBeNull()
    expect(await countRemovedEntries(conn.db, list)).toBe(1)

    const weeks = await listWatchlistHistory(conn.db, list, 'Asia/Shanghai')
    const events = weeks.flatMap((w) => w.events)
    expect(events.map((e) => [e.kind, e.text])).toEqual([
      ['add', 'Back on the list'],
      ['remove', 'Valuation ran ahead'],
      ['add', 'First look'],
    ])
    expect(events[1].byName).toBe('Chen Analyst')
  })

  it('groups history by ISO week in the team time zone', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'Weeks', description: '', themeId: null })
    const entry = await addEntry(conn.db, actor, list, { companyId: companyB, rationale: '', notesMd: '', tags: [] })
    // Sunday 2026-11-29 17:30 UTC is already Monday 01:30 in Shanghai: week 49 there, 48 in UTC.
    await sql`update watchlist_entry set added_at = '2026-11-29T17:30:00Z' where id = ${entry}`.execute(conn.db)
    expect((await listWatchlistHistory(conn.db, list, 'Asia/Shanghai')).map((w) => [w.week, w.added, w.removed])).toEqual([
      ['2026-W49', 1, 0],
    ])
    expect((await listWatchlistHistory(conn.db, list, 'UTC')).map((w) => w.week)).toEqual(['2026-W48'])
  })

  it('renames, and an archived list refuses changes until unarchived', async () => {
    const list = await createWatchlist(conn.db, actor, { name: 'To archive', description: '', themeId: null })
    await updateWatchlist(conn.db, actor, list, { name: 'Renamed', description: 'now with text', themeId: null })
    expect((await audit('watchlist.update')).at(-1)?.old_value).toMatchObject({ name: 'To archive' })
    expect(await rejection(updateWatchlist(conn.db, actor, list, { name: 'multimodal core', description: '', themeId: null }))).toBe(
      'nameTaken',
    )
    await setWatchlistArchived(conn.db, actor, list, true)
    expect((await getWatchlist(conn.db, list))?.archivedAt).toBeInstanceOf(Date)
    expect(await rejection(addEntry(conn.db, actor, list, { companyId: companyA, rationale: '', notesMd: '', tags: [] }))).toBe('archived')
    expect(await rejection(updateWatchlist(conn.db, actor, list, { name: 'X', description: '', themeId: null }))).toBe('archived')
    await setWatchlistArchived(conn.db, actor, list, false)
    await addEntry(conn.db, actor, list, { companyId: companyA, rationale: '', notesMd: '', tags: [] })
    expect(await rejection(addEntry(conn.db, actor, 999_999, { companyId: companyA, rationale: '', notesMd: '', tags: [] }))).toBe(
      'notFound',
    )
  })
})

describe('describeUnresolved', () => {
  it.each([
    ['Acme Widgets', 'unknown'],
    ['Pika', 'unknown'],
    ['9999.HK', 'unknownTicker'],
    ['688999', 'unknownTicker'],
    ['700.HX', 'invalidTicker'],
    ['1234567.SZ', 'invalidTicker'],
    ['=HYPERLINK("x")', 'formula'],
    ['@evil', 'formula'],
  ])('%s -> %s', (text, reason) => {
    expect(describeUnresolved(text)).toBe(reason)
  })
})
