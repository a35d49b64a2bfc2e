import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import type { NewNameStatus } from '#db/types.ts'

// Reading new names by ISO week (the document's week): counts, documents and snippets.

/** Snippets (one per document) shown per name and week. */
export const SNIPPETS_PER_NAME = 5

export interface NewNameWeekRow {
  id: number
  text: string
  language: 'zh' | 'en'
  kind: 'org' | 'product'
  owner: { id: number; nameEn: string; nameZh: string } | null
  mentions: number
  documents: number
}

export interface NewNameSighting {
  documentId: number
  title: string
  snippet: string
  matchStart: number
  matchEnd: number
  occurrences: number
}

async function namesOfWeek(db: DB, week: string, status: NewNameStatus, limit: number): Promise<NewNameWeekRow[]> {
  const rows = await db
    .selectFrom('new_name as n')
    .innerJoin('new_name_sighting as s', 's.new_name_id', 'n.id')
    .innerJoin('document as d', 'd.id', 's.document_id')
    .leftJoin('company as o', 'o.id', 'n.owner_company_id')
    .select([
      'n.id',
      'n.display_text as text',
      'n.language',
      'n.kind',
      'o.id as ownerId',
      'o.name_en as ownerNameEn',
      'o.name_zh as ownerNameZh',
      sql<number>`sum(s.occurrences)::int`.as('mentions'),
      sql<number>`count(*)::int`.as('documents'),
    ])
    .where('d.iso_week', '=', week)
    .where('n.status', '=', status)
    .groupBy(['n.id', 'o.id'])
    .orderBy(sql`sum(s.occurrences)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('n.display_text')
    .orderBy('n.id')
    .limit(limit)
    .execute()
  return rows.map(({ ownerId, ownerNameEn, ownerNameZh, ...row }) => ({
    ...row,
    owner: ownerId === null ? null : { id: ownerId, nameEn: ownerNameEn ?? '', nameZh: ownerNameZh ?? '' },
  }))
}

/** The week's top new names (not dismissed, not added), most often seen first. */
export function topNewNames(db: DB, week: string, limit = 5): Promise<NewNameWeekRow[]> {
  return namesOfWeek(db, week, 'new', limit)
}

/** The "New names" page: the week's new names with up to SNIPPETS_PER_NAME documents each, and those dismissed. */
export async function listNewNamesForWeek(db: DB, week: string, { limit = 100 } = {}) {
  const [names, dismissed] = await Promise.all([namesOfWeek(db, week, 'new', limit), namesOfWeek(db, week, 'dismissed', 50)])
  const ids = names.map((n) => n.id)
  const sightings = ids.length
    ? await db
        .with('ranked', (qb) =>
          qb
            .selectFrom('new_name_sighting as s')
            .innerJoin('document as d', 'd.id', 's.document_id')
            .select([
              's.new_name_id as nameId',
              's.document_id as documentId',
              'd.title',
              's.snippet',
              's.match_start as matchStart',
              's.match_end as matchEnd',
              's.occurrences',
              sql<number>`row_number() over (partition by s.new_name_id order by s.occurrences desc, s.document_id desc)`.as('rank'),
            ])
            .where('d.iso_week', '=', week)
            .where('s.new_name_id', 'in', ids),
        )
        .selectFrom('ranked')
        .selectAll()
        .where('rank', '<=', SNIPPETS_PER_NAME)
        .orderBy('nameId')
        .orderBy('rank')
        .execute()
    : []
  const byName = new Map<number, NewNameSighting[]>()
  for (const { nameId, rank: _rank, ...s } of sightings) {
    const list = byName.get(nameId) ?? []
    list.push(s)
    byName.set(nameId, list)
  }
  return { names: names.map((n) => ({ ...n, sightings: byName.get(n.id) ?? [] })), dismissed }
}

/** One name with what the company form needs to be prefilled. */
export async function getNewName(db: DB, id: number) {
  return db
    .selectFrom('new_name as n')
    .leftJoin('company as o', 'o.id', 'n.owner_company_id')
    .select([
      'n.id',
      'n.key',
      'n.display_text as text',
      'n.language',
      'n.kind',
      'n.status',
      'n.company_id as companyId',
      'o.id as ownerId',
      'o.name_en as ownerNameEn',
      'o.name_zh as ownerNameZh',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst()
}
