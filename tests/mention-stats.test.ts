import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deleteDocument, rescanAllDocuments } from '#app/models/document/index.server.ts'
import { loadMentionOverview, loadMentionRange } from '#app/models/mentions/index.server.ts'
import { isMentionJump, isMover, moverChange, setBackfillDays } from '#app/models/mentions/index.server.ts'
import { listCompanyMentionWeeks, listLatestSnippets } from '#app/models/mentions/index.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createTheme, createThemeCompany, createUser, createWatchlist } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'

// Weekly counts, movers, share of voice and alerts, read from the rollup the database
// keeps, checked against what was ingested (and against the raw mentions after deletes
// and rescans).

let conn: Connection
let themeId: number
let watchlistId: number
let ids: Record<string, number>
let adminId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  adminId = (await createUser(conn.db, { role: 'admin' })).id
  // Baidu and Tencent are domestic big tech, OpenAI overseas; all four are on the theme.
  const companies = await createCompanies(conn.db, ['Meitu', 'Baidu', 'OpenAI', 'Tencent'])
  ids = Object.fromEntries(Object.entries(companies).map(([name, c]) => [name, c.id]))
  themeId = (await createTheme(conn.db)).id
  for (const id of Object.values(ids)) await createThemeCompany(conn.db, { themeId, companyId: id })
  // Only this list's companies are watched: Meitu and Baidu.
  const watchlist = await createWatchlist(conn.db, { entries: [{ companyId: ids.Meitu }, { companyId: ids.Baidu }] })
  watchlistId = watchlist.id
  // The documents here are dated in October 2026 and stored today: with the default back-fill
  // cutoff (14 days) they would raise no alert. These tests are about the jump rule, so the
  // team's cutoff is set wide (tests/alert-backfill.test.ts tests the cutoff itself).
  await setBackfillDays(conn.db, { id: adminId }, 3650)
})
afterAll(async () => {
  await conn?.close()
})

let serial = 0
/** A document published on `date` that names each company `n` times (by an unambiguous alias). */
function ingest(date: string, names: Record<string, number>, extra: { publisher?: string; tags?: string[] } = {}) {
  const alias: Record<string, string> = { Meitu: '美图公司', Baidu: '百度', OpenAI: 'OpenAI', Tencent: '腾讯' }
  const parts = Object.entries(names).flatMap(([name, n]) => Array.from({ length: n }, (_, i) => `${alias[name]} 第${i}段。`))
  serial += 1
  return ingestDocument(conn.db, {
    text: `第${serial}份报告，多模态。\n${parts.join('\n')}`,
    publishedOn: date,
    title: `Report ${serial}`,
    ...extra,
  })
}

/** The rollup must always equal a count over the raw mentions. */
async function expectRollupMatchesRaw() {
  const rollup = await sql<{
    k: string
  }>`select company_id || ' ' || iso_week || ' ' || language || ' ' || mentions || ' ' || documents as k from mention_week order by 1`.execute(
    conn.db,
  )
  const raw = await sql<{ k: string }>`
    select m.company_id || ' ' || d.iso_week || ' ' || d.language || ' ' || count(*) || ' ' || count(distinct m.document_id) as k
    from mention m join document d on d.id = m.document_id group by m.company_id, d.iso_week, d.language order by 1`.execute(conn.db)
  expect(rollup.rows.map((r) => r.k)).toEqual(raw.rows.map((r) => r.k))
}

describe('the rules', () => {
  it('counts a mover only with enough mentions, and damps small counts', () => {
    expect(isMover(2, 0)).toBe(false) // 0 -> 2 is noise
    expect(isMover(3, 0)).toBe(true) // (3+1)/(0+1) = 4
    expect(isMover(4, 3)).toBe(false) // 5/4 = 1.25
    expect(isMover(0, 6)).toBe(true) // fell from 6 a week to nothing
    expect(moverChange(3, 1)).toBe(2)
  })
  it('flags a jump at 5 or more mentions and 3 times the trailing average', () => {
    expect(isMentionJump(4, 0)).toBe(false)
    expect(isMentionJump(5, 0)).toBe(true)
    expect(isMentionJump(6, 2)).toBe(true)
    expect(isMentionJump(6, 2.5)).toBe(false)
  })
})

describe('mentions per week', () => {
  it('counts mentions and documents per company and ISO week of the published date', async () => {
    await ingest('2026-10-05', { Baidu: 2, OpenAI: 1 }) // 2026-W41
    await ingest('2026-10-06', { Baidu: 1 }) // W41
    await ingest('2026-10-13', { Baidu: 1, Tencent: 3 }, { publisher: 'CICC', tags: ['broker'] }) // W42
    const weeks = await listCompanyMentionWeeks(conn.db, ids.Baidu, { from: '2026-W40', to: '2026-W43' })
    expect(weeks).toEqual([
      { week: '2026-W40', mentions: 0, documents: 0 },
      { week: '2026-W41', mentions: 3, documents: 2 },
      { week: '2026-W42', mentions: 1, documents: 1 },
      { week: '2026-W43', mentions: 0, documents: 0 },
    ])
    await expectRollupMatchesRaw()
  })

  it('shows the latest documents with their first mention placed in the snippet, publisher and date', async () => {
    const snippets = await listLatestSnippets(conn.db, ids.Tencent, 5)
    expect(snippets).toHaveLength(1)
    const [first] = snippets
    expect(first).toMatchObject({ aliasText: '腾讯', publisher: 'CICC', publishedOn: '2026-10-13', mentionsInDocument: 3 })
    expect(first.snippet.slice(first.hitAt!, first.hitAt! + first.hitLength)).toBe('腾讯')
    // The first of the three: the snippet holds all of them, only this one is marked.
    expect(first.snippet.indexOf('腾讯')).toBe(first.hitAt)
    const baidu = await listLatestSnippets(conn.db, ids.Baidu, 5)
    expect(baidu.map((s) => s.publishedOn)).toEqual(['2026-10-13', '2026-10-06', '2026-10-05'])
  })

  it('ranks the top companies of a theme, with filters by publisher, tag and language', async () => {
    const range = { from: '2026-W41', to: '2026-W42' }
    const all = await loadMentionRange(conn.db, { themeId }, range)
    expect(all.top.map((c) => [c.nameEn, c.mentions, c.documents])).toEqual([
      ['Baidu', 4, 3],
      ['Tencent', 3, 1],
      ['OpenAI', 1, 1],
    ])
    const cicc = await loadMentionRange(conn.db, { themeId }, range, { publisher: 'CICC' })
    expect(cicc.top.map((c) => [c.nameEn, c.mentions])).toEqual([
      ['Tencent', 3],
      ['Baidu', 1],
    ])
    const broker = await loadMentionRange(conn.db, { themeId }, range, { tag: 'broker' })
    expect(broker.top.map((c) => c.nameEn)).toEqual(['Tencent', 'Baidu'])
    const english = await loadMentionRange(conn.db, { themeId }, range, { language: 'en' })
    expect(english.top).toEqual([])
    const zh = await loadMentionRange(conn.db, { themeId }, range, { language: 'zh' })
    expect(zh.top.map((c) => c.mentions)).toEqual([4, 3, 1])
  })

  it('splits share of voice by region and vendor type', async () => {
    const view = await loadMentionOverview(conn.db, { themeId }, '2026-W41')
    expect(view.shareOfVoice.byRegion).toEqual([
      { region: 'domestic', mentions: 3 },
      { region: 'overseas', mentions: 1 },
    ])
    expect(view.shareOfVoice.byVendorType.reduce((s, v) => s + v.mentions, 0)).toBe(4)
    expect(view.shareOfVoice.byVendorType.find((v) => v.vendorType === 'big_tech')?.mentions).toBe(3)
  })

  it('lists movers against the trailing four weeks', async () => {
    // Tencent: 3 in W42, nothing before -> (3+1)/(0+1) = 4; Baidu 1 in W42 vs avg 0.75 -> too few.
    const view = await loadMentionOverview(conn.db, { themeId }, '2026-W42')
    expect(view.movers).toEqual([{ companyId: ids.Tencent, nameEn: 'Tencent', nameZh: '腾讯', thisWeek: 3, trailingAvg: 0, change: 4 }])
    // A week later Tencent is gone: from an average of 0.75 that is too small to count as a fall.
    expect((await loadMentionOverview(conn.db, { themeId }, '2026-W43')).movers).toEqual([])
  })
})

describe('alerts', () => {
  it("raises an alert once when a watchlist company's week jumps, not for companies off the watchlist", async () => {
    await ingest('2026-10-20', { Meitu: 2, Tencent: 6 }) // W43
    expect(await conn.db.selectFrom('mention_alert').selectAll().execute()).toEqual([]) // Meitu 2 < 5; Tencent not watched
    await ingest('2026-10-21', { Meitu: 3 })
    await ingest('2026-10-22', { Meitu: 1 })
    const alerts = await conn.db.selectFrom('mention_alert').select(['company_id', 'iso_week', 'mentions']).execute()
    expect(alerts).toEqual([{ company_id: ids.Meitu, iso_week: '2026-W43', mentions: 5 }])
    const view = await loadMentionOverview(conn.db, { watchlistId }, '2026-W43')
    expect(view.alerts).toMatchObject([{ companyId: ids.Meitu, nameZh: '美图', week: '2026-W43', mentions: 5, trailingAvg: 0 }])
    expect((await loadMentionOverview(conn.db, { themeId }, '2026-W43')).alerts).toHaveLength(1)
  })

  it('needs three times the trailing average once a company is talked about every week', async () => {
    for (const [date, n] of [
      ['2026-09-28', 2],
      ['2026-10-07', 1],
      ['2026-10-14', 2],
    ] as const)
      await ingest(date, { Baidu: n })
    // Baidu: W40 2, W41 3+1, W42 1+2, W43 0 -> trailing average (2+4+3+0)/4 = 2.25, so W44 needs 6.75.
    await ingest('2026-10-27', { Baidu: 5 })
    await ingest('2026-10-28', { Baidu: 1 })
    expect(await conn.db.selectFrom('mention_alert').select('iso_week').where('company_id', '=', ids.Baidu).execute()).toEqual([])
    await ingest('2026-10-29', { Baidu: 1 }) // 7 >= 6.75
    expect(
      await conn.db
        .selectFrom('mention_alert')
        .select(['iso_week', 'mentions', 'trailing_avg'])
        .where('company_id', '=', ids.Baidu)
        .execute(),
    ).toEqual([{ iso_week: '2026-W44', mentions: 7, trailing_avg: 2.25 }])
  })
})

describe('alerts under concurrent ingests', () => {
  it('raises the alert when two documents committed at the same time cross the line together', async () => {
    // Different languages: different rollup rows, so neither transaction waits for the other.
    await Promise.all([
      ingest('2026-11-09', { Meitu: 3 }),
      ingestDocument(conn.db, {
        text: 'Meitu shipped a model. Meitu design tools grew. Meitu again in the weekly note.',
        publishedOn: '2026-11-10',
        title: 'en note',
      }),
    ])
    expect(
      await conn.db
        .selectFrom('mention_alert')
        .select('mentions')
        .where('company_id', '=', ids.Meitu)
        .where('iso_week', '=', '2026-W46')
        .execute(),
    ).toEqual([{ mentions: 6 }])
  })
})

describe('the rollup', () => {
  it('stays equal to the raw mentions after deletes, rescans and a company removed', async () => {
    const doc = await ingest('2026-10-13', { Baidu: 2, Tencent: 1 })
    await expectRollupMatchesRaw()
    expect(await deleteDocument(conn.db, { id: adminId }, doc.document.id)).toBe(true)
    await expectRollupMatchesRaw()
    // An alias removed: the rescan drops its mentions (and, put back, adds them again).
    const alias = await conn.db.selectFrom('company_alias').selectAll().where('text', '=', '腾讯').executeTakeFirstOrThrow()
    await conn.db.deleteFrom('company_alias').where('id', '=', alias.id).execute()
    await rescanAllDocuments(conn.db)
    await expectRollupMatchesRaw()
    const { id: _id, created_at: _c, ...again } = alias
    await conn.db.insertInto('company_alias').values(again).execute()
    await rescanAllDocuments(conn.db)
    await expectRollupMatchesRaw()
    const before = await listCompanyMentionWeeks(conn.db, ids.Tencent, { from: '2026-W42', to: '2026-W42' })
    expect(before).toEqual([{ week: '2026-W42', mentions: 3, documents: 1 }])
    await conn.db.deleteFrom('company').where('id', '=', ids.OpenAI).execute()
    await expectRollupMatchesRaw()
  })

  it('stays right when many documents are ingested at once (parallel transactions on PostgreSQL)', async () => {
    const before = await listCompanyMentionWeeks(conn.db, ids.Tencent, { from: '2026-W45', to: '2026-W45' })
    await Promise.all(Array.from({ length: 12 }, (_, i) => ingest('2026-11-02', { Tencent: 1 + (i % 3), Baidu: 1 })))
    const after = await listCompanyMentionWeeks(conn.db, ids.Tencent, { from: '2026-W45', to: '2026-W45' })
    expect(after[0].mentions - before[0].mentions).toBe(24) // 4 x (1 + 2 + 3)
    expect(after[0].documents - before[0].documents).toBe(12)
    await expectRollupMatchesRaw()
  })

  it('refuses to move a mention to another company, which would bypass the rollup', async () => {
    const row = await conn.db.selectFrom('mention').select('id').limit(1).executeTakeFirstOrThrow()
    await expect(conn.db.updateTable('mention').set({ company_id: ids.Meitu }).where('id', '=', row.id).execute()).rejects.toMatchObject({
      code: '42501',
    })
  })

  it('puts a document without a published date in the week it was stored, in the team time zone', async () => {
    const result = await ingestDocument(conn.db, { text: '百度 undated note', title: 'undated' })
    const row = await conn.db
      .selectFrom('document')
      .select(['iso_week', 'created_at'])
      .where('id', '=', result.document.id)
      .executeTakeFirstOrThrow()
    const { isoWeekOf } = await import('#app/utils/iso-week.ts')
    expect(row.iso_week).toBe(isoWeekOf(row.created_at, 'Asia/Shanghai'))
    await expectRollupMatchesRaw()
  })
})
