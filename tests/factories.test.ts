import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findCompanyByIdentifier } from '#app/models/company/index.server.ts'
import { listLiveEntries } from '#app/models/watchlist/index.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  createCompany,
  createDimension,
  createDocument,
  createMeeting,
  createModality,
  createRubric,
  createScore,
  createTheme,
  createUser,
  createWatchlist,
} from './factories.ts'

// The factories make rows the app treats like its own: a factory company is found by
// name, alias and ticker and mentioned in ingested text; two calls never collide.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn.close()
})

describe('factories', () => {
  it('start from an empty database: the template holds no demo rows', async () => {
    for (const table of ['company', 'theme', 'rubric', 'modality', 'scoring_dimension', 'watchlist', 'document'] as const) {
      expect(await conn.db.selectFrom(table).select('id').execute(), table).toEqual([])
    }
  })

  it('make unique rows on every call', async () => {
    const [a, b] = [await createCompany(conn.db), await createCompany(conn.db)]
    expect(a.nameEn).not.toBe(b.nameEn)
    const [t, u] = [await createTheme(conn.db), await createTheme(conn.db)]
    expect(t.slug).not.toBe(u.slug)
    const [w, v] = [await createWatchlist(conn.db), await createWatchlist(conn.db)]
    expect(w.name).not.toBe(v.name)
    const [d, e] = [await createDocument(conn.db), await createDocument(conn.db)]
    expect(d.document.id).not.toBe(e.document.id)
    expect(d.document.duplicate || e.document.duplicate).toBe(false)
  })

  it('make companies the app finds by name, alias and ticker, and mentions in documents', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Acme Vision', nameZh: '艾克美', tickers: ['0999.HK'], aliases: ['AcmeGen'] })
    for (const text of ['acme vision', '艾克美', '999.hk', 'AcmeGen']) {
      expect((await findCompanyByIdentifier(conn.db, text))?.id, text).toBe(company.id)
    }
    const doc = await createDocument(conn.db, { text: '艾克美发布了 AcmeGen 模型。' })
    expect(doc.companies).toEqual([expect.objectContaining({ id: company.id, count: 2 })])
  })

  it('make a theme that can be scored, with scores, meetings and watchlists that belong to it', async () => {
    const rubric = await createRubric(conn.db, { levels: 3 })
    const theme = await createTheme(conn.db, { rubricId: rubric.id })
    const [modality, dimension, user] = [
      await createModality(conn.db, { themeId: theme.id }),
      await createDimension(conn.db, { themeId: theme.id }),
      await createUser(conn.db),
    ]
    const score = await createScore(conn.db, {
      themeId: theme.id,
      userId: user.id,
      modalityId: modality.id,
      dimensionId: dimension.id,
      week: '2025-W10',
      level: 3,
    })
    const revisions = await conn.db.selectFrom('score_revision').select(['level', 'rubric_id']).where('score_id', '=', score.id).execute()
    expect(revisions).toEqual([{ level: 3, rubric_id: rubric.id }])
    await expect(
      createScore(conn.db, {
        themeId: theme.id,
        userId: user.id,
        modalityId: modality.id,
        dimensionId: dimension.id,
        week: '2025-W11',
        level: 4,
      }),
    ).rejects.toMatchObject({ code: '23503' }) // a three-level rubric has no level 4
    expect((await createMeeting(conn.db, { themeId: theme.id, week: '2025-W12' })).id).toBeGreaterThan(0)
    const company = await createCompany(conn.db)
    const list = await createWatchlist(conn.db, { themeId: theme.id, entries: [{ companyId: company.id, rationale: 'why' }] })
    expect((await listLiveEntries(conn.db, list.id)).map((e) => [e.nameEn, e.rationale])).toEqual([[company.nameEn, 'why']])
  })
})
