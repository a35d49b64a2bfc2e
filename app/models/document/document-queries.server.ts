import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { summariseDocumentMentions } from '#app/models/mentions/document-mentions.server.ts'
import type { DocumentLanguage } from '#db/types.ts'

// Reading documents: the filtered list and one document with its mentions.

export interface DocumentFilters {
  /** Words in the title or publisher. */
  q?: string
  language?: DocumentLanguage
  companyId?: number
  themeId?: number
  tag?: string
  /** Exactly this publisher. */
  publisher?: string
  /** The ISO week the document counts in, as the mention counts do. */
  isoWeek?: string
  page?: number
  pageSize?: number
}

const escapeLike = (value: string) => value.replace(/[%_\\]/g, '\\$&')

/** Newest first (by published date, else by when it was added), a page at a time. */
export async function listDocuments(db: DB, filters: DocumentFilters = {}) {
  const pageSize = filters.pageSize ?? 50
  const page = Math.max(1, filters.page ?? 1)
  let query = db.selectFrom('document')
  if (filters.q?.trim()) {
    const like = `%${escapeLike(filters.q.trim())}%`
    query = query.where((eb) => eb.or([eb('document.title', 'ilike', like), eb('document.publisher', 'ilike', like)]))
  }
  if (filters.publisher?.trim()) query = query.where('document.publisher', '=', filters.publisher.trim())
  if (filters.isoWeek) query = query.where('document.iso_week', '=', filters.isoWeek)
  if (filters.language) query = query.where('document.language', '=', filters.language)
  if (filters.tag?.trim()) query = query.where(sql<boolean>`${filters.tag.trim()} = any(document.tags)`)
  if (filters.themeId) {
    const themeId = filters.themeId
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_theme')
          .whereRef('document_theme.document_id', '=', 'document.id')
          .where('document_theme.theme_id', '=', themeId)
          .select(sql`1`.as('one')),
      ),
    )
  }
  if (filters.companyId) {
    const companyId = filters.companyId
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mention')
          .whereRef('mention.document_id', '=', 'document.id')
          .where('mention.company_id', '=', companyId)
          .select(sql`1`.as('one')),
      ),
    )
  }
  const [rows, total] = await Promise.all([
    query
      .select((eb) => [
        'document.id',
        'document.title',
        'document.publisher',
        'document.published_on as publishedOn',
        'document.language',
        'document.file_name as fileName',
        'document.source_url as sourceUrl',
        'document.tags',
        'document.created_at as createdAt',
        eb
          .selectFrom('mention')
          .whereRef('mention.document_id', '=', 'document.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('mentionCount'),
        eb
          .selectFrom('mention')
          .whereRef('mention.document_id', '=', 'document.id')
          .select(sql<number>`count(distinct company_id)::int`.as('n'))
          .as('companyCount'),
      ])
      .orderBy(sql`coalesce(document.published_on, document.created_at::date)`, 'desc')
      .orderBy('document.id', 'desc')
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    documents: rows
      .slice(0, pageSize)
      .map((row) => ({ ...row, mentionCount: Number(row.mentionCount ?? 0), companyCount: Number(row.companyCount ?? 0) })),
    page,
    hasMore: rows.length > pageSize,
    total: Number(total.n),
  }
}

/** Tags in use, most used first: the choices of the tag filter. */
export async function listDocumentTags(db: DB, limit = 100): Promise<string[]> {
  const rows = await sql<{ tag: string }>`
    select tag from document, unnest(document.tags) as tag
    group by tag order by count(*) desc, tag limit ${limit}`.execute(db)
  return rows.rows.map((r) => r.tag)
}

/** Publishers in use, most documents first: the choices of the publisher filter. */
export async function listDocumentPublishers(db: DB, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom('document')
    .select('publisher')
    .where('publisher', '<>', '')
    .groupBy('publisher')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('publisher')
    .limit(limit)
    .execute()
  return rows.map((r) => r.publisher)
}

export async function getDocumentWithMentions(db: DB, id: number) {
  const document = await db
    .selectFrom('document')
    .leftJoin('app_user', 'app_user.id', 'document.created_by')
    .leftJoin('feed', 'feed.id', 'document.feed_id')
    .select([
      'document.id',
      'document.title',
      'document.publisher',
      'document.published_on as publishedOn',
      'document.language',
      'document.source_url as sourceUrl',
      'document.file_name as fileName',
      'document.content_hash as contentHash',
      'document.body',
      'document.furniture_lines_removed as furnitureLinesRemoved',
      'document.tags',
      'document.created_at as createdAt',
      'app_user.display_name as createdByName',
      'feed.title as feedTitle',
    ])
    .where('document.id', '=', id)
    .executeTakeFirst()
  if (!document) return null
  const [themes, mentions, companies] = await Promise.all([
    db
      .selectFrom('document_theme')
      .innerJoin('theme', 'theme.id', 'document_theme.theme_id')
      .select(['theme.id', 'theme.slug', 'theme.name_en as nameEn', 'theme.name_zh as nameZh'])
      .where('document_theme.document_id', '=', id)
      .orderBy('theme.name_en')
      .execute(),
    db
      .selectFrom('mention')
      .select(['id', 'company_id as companyId', 'alias_text as aliasText', 'start_offset as start', 'end_offset as end'])
      .where('document_id', '=', id)
      .orderBy('start_offset')
      .execute(),
    summariseDocumentMentions(db, id),
  ])
  return { document, themes, mentions: mentions.map((m) => ({ ...m, id: Number(m.id) })), companies }
}
