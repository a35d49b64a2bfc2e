import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'

// A company's page: the companies most often mentioned in the same documents over the
// last 4 and 52 weeks (issue 13), with whether each is on a watchlist. One query: the
// company's documents in the 52 weeks (mention_company_document_idx), every other company
// in them, counted per window, and the top of each window kept. On the benchmark data set
// (2,000,000 mentions) this reads every mention of those documents: about 0.8 s for a
// company in 2,000 documents a year and 4 s for the most mentioned one (in 9,000, with
// 335,000 mentions beside it), measured at load 24 on the shared two-core machine. A
// per-document pair rollup would make it constant; not done yet.

export const CO_MENTION_LIMIT = 10

export interface CoMention {
  companyId: number
  nameEn: string
  nameZh: string
  documents: number
  watchlists: { id: number; name: string }[]
}

export interface CoMentions {
  weeks4: CoMention[]
  weeks52: CoMention[]
}

export async function listCoMentions(db: DB, companyId: number, week: string, limit = CO_MENTION_LIMIT): Promise<CoMentions> {
  const from4 = shiftIsoWeek(week, -3)
  const from52 = shiftIsoWeek(week, -51)
  const { rows } = await sql<{ companyId: number; docs4: number; docs52: number; window: '4' | '52' }>`
    with mine as (
      select distinct m.document_id, d.iso_week >= ${from4} as recent
      from mention m join document d on d.id = m.document_id
      where m.company_id = ${companyId} and d.iso_week between ${from52} and ${week}
    ), counted as (
      select o.company_id, count(distinct o.document_id) filter (where mine.recent)::int as docs4,
        count(distinct o.document_id)::int as docs52
      from mine join mention o on o.document_id = mine.document_id and o.company_id <> ${companyId}
      group by o.company_id
    )
    (select company_id as "companyId", docs4, docs52, '4' as "window" from counted where docs4 > 0
      order by docs4 desc, docs52 desc, company_id limit ${limit})
    union all
    (select company_id, docs4, docs52, '52' from counted order by docs52 desc, docs4 desc, company_id limit ${limit})`.execute(db)
  const ids = [...new Set(rows.map((r) => r.companyId))]
  if (ids.length === 0) return { weeks4: [], weeks52: [] }
  const [companies, entries] = await Promise.all([
    db.selectFrom('company').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).where('id', 'in', ids).execute(),
    db
      .selectFrom('watchlist_entry')
      .innerJoin('watchlist', 'watchlist.id', 'watchlist_entry.watchlist_id')
      .select(['watchlist_entry.company_id as companyId', 'watchlist.id', 'watchlist.name'])
      .where('watchlist_entry.company_id', 'in', ids)
      .where('watchlist_entry.removed_at', 'is', null)
      .orderBy('watchlist.name')
      .execute(),
  ])
  const byId = new Map(companies.map((c) => [c.id, c]))
  const shape = (window: '4' | '52') =>
    rows
      .filter((r) => r.window === window)
      .map((r) => ({
        companyId: r.companyId,
        nameEn: byId.get(r.companyId)?.nameEn ?? '',
        nameZh: byId.get(r.companyId)?.nameZh ?? '',
        documents: window === '4' ? r.docs4 : r.docs52,
        watchlists: entries.filter((e) => e.companyId === r.companyId).map((e) => ({ id: e.id, name: e.name })),
      }))
  return { weeks4: shape('4'), weeks52: shape('52') }
}
