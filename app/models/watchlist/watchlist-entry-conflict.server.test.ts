import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EditConflict } from '#app/utils/edit-conflict.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createUser, createWatchlist } from '#tests/factories.ts'

import { listLiveEntries, updateEntry } from './index.server.ts'

let conn: Connection
let ana: { id: number }
let bo: { id: number }

beforeAll(async () => {
  conn = await createTestDatabase()
  ana = await createUser(conn.db, { displayName: 'Ana Analyst' })
  bo = await createUser(conn.db, { displayName: 'Bo Analyst' })
})
afterAll(() => conn.close())

describe("a watchlist entry's rationale", () => {
  it('takes the first of two saves from one version and refuses the second with the saved rationale', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Zhihu' })
    const list = await createWatchlist(conn.db, { entries: [{ companyId: company.id, rationale: 'AI search', tags: ['text'] }] })
    const [entry] = await listLiveEntries(conn.db, list.id)
    expect(entry.version).toBe(1)
    await updateEntry(conn.db, ana, list.id, entry.id, { rationale: 'Zhida AI search', notesMd: '', tags: ['text'] }, entry.version)
    const error = await updateEntry(
      conn.db,
      bo,
      list.id,
      entry.id,
      { rationale: 'Community data', notesMd: '', tags: ['text', 'data'] },
      1,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EditConflict)
    expect(error).toMatchObject({ status: 409, field: 'rationale', messageKey: 'watchlists.conflict', version: 2 })
    expect((error as EditConflict).current).toEqual({ rationale: 'Zhida AI search', tags: 'text', notes: '' })
    expect((error as EditConflict).yours).toEqual({ rationale: 'Community data', tags: 'text, data', notes: '' })
    const [after] = await listLiveEntries(conn.db, list.id)
    expect(after).toMatchObject({ rationale: 'Zhida AI search', version: 2 })
  })

  it('lets exactly one of two concurrent saves win', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Meitu' })
    const list = await createWatchlist(conn.db, { entries: [{ companyId: company.id, rationale: 'Editing apps' }] })
    const [entry] = await listLiveEntries(conn.db, list.id)
    const results = await Promise.allSettled(
      [ana, bo].map((who, i) => updateEntry(conn.db, who, list.id, entry.id, { rationale: `Take ${i}`, notesMd: '', tags: [] }, 1)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!
    const [after] = await listLiveEntries(conn.db, list.id)
    expect((refused.reason as EditConflict).current.rationale).toBe(after.rationale)
  })
})
