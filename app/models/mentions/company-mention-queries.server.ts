import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

import { type WeekRange, weeksBetween } from './mention-stats.server.ts'

// A company's own mentions: weekly counts (from the rollup) for its chart, and the latest
// snippets for reading. Snippets are plain text; the page renders them inert.

export interface CompanyWeek {
  week: string
  mentions: number
  documents: number
}

export async function listCompanyMentionWeeks(db: DB, companyId: number, range: WeekRange): Promise<CompanyWeek[]> {
  const rows = await db
    .selectFrom('mention_week')
    .select(['iso_week as week', sql<number>`sum(mentions)::int`.as('mentions'), sql<number>`sum(documents)::int`.as('documents')])
    .where('company_id', '=', companyId)
    .where('iso_week', '>=', range.from)
    .where('iso_week', '<=', range.to)
    .groupBy('iso_week')
    .execute()
  const byWeek = new Map(rows.map((r) => [r.week, r]))
  return weeksBetween(range).map((week) => ({
    week,
    mentions: byWeek.get(week)?.mentions ?? 0,
    documents: byWeek.get(week)?.documents ?? 0,
  }))
}

/**
 * The newest documents that mention the company (by the document's week, then newest
 * stored), each with its first mention: one line per document reads better than eight
 * lines from the same report. `hitAt` is where the mention starts inside the snippet
 * (from the stored snippet_offset; null on older rows it is unknown for), so the page
 * marks that mention and not every occurrence of the alias.
 */
export async function listLatestSnippets(db: DB, companyId: number, limit = 10) {
  const rows = await db
    .selectFrom('mention')
    .innerJoin('document', 'document.id', 'mention.document_id')
    .distinctOn(['document.iso_week', 'document.id'])
    .select([
      'mention.id',
      'mention.alias_text as aliasText',
      'mention.start_offset as start',
      'mention.end_offset as end',
      'mention.snippet',
      'mention.snippet_offset as snippetAt',
      'document.id as documentId',
      'document.title',
      'document.publisher',
      'document.published_on as publishedOn',
      (eb) =>
        eb
          .selectFrom('mention as m2')
          .whereRef('m2.document_id', '=', 'document.id')
          .where('m2.company_id', '=', companyId)
          .select(sql<number>`count(*)::int`.as('n'))
          .as('mentionsInDocument'),
    ])
    .where('mention.company_id', '=', companyId)
    .orderBy('document.iso_week', 'desc')
    .orderBy('document.id', 'desc')
    .orderBy('mention.start_offset')
    .limit(limit)
    .execute()
  return rows.map(({ snippetAt, start, end, ...r }) => {
    return {
      ...r,
      id: Number(r.id),
      start,
      // Null on older rows whose snippet could not be placed: the page then marks each occurrence of the alias.
      hitAt: snippetAt === null ? null : start - snippetAt,
      hitLength: end - start,
      mentionsInDocument: Number(r.mentionsInDocument ?? 0),
    }
  })
}

export type LatestSnippet = Awaited<ReturnType<typeof listLatestSnippets>>[number]
