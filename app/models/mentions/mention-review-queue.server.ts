import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// The review queue: mentions nobody has confirmed whose admission was least certain, so
// an analyst's minutes go where the engine was guessing. Low confidence first, then
// medium; within a tier an ambiguous alias first, then the weakest context (a topic word,
// then a company word, then a company listed alongside); newest documents first.

export const REVIEW_PAGE_SIZE = 25

export interface ReviewQueueQuery {
  companyId?: number
  themeId?: number
  page?: number
}

function queueBase(db: DB, query: ReviewQueueQuery) {
  return db
    .selectFrom('mention')
    .where('mention.confidence', '<>', 'high')
    .where('mention.confirmed_at', 'is', null)
    .$if(query.companyId !== undefined, (q) => q.where('mention.company_id', '=', query.companyId as number))
    .$if(query.themeId !== undefined, (q) =>
      q.where('mention.company_id', 'in', (eb) =>
        eb
          .selectFrom('theme_company')
          .select('theme_company.company_id')
          .where('theme_company.theme_id', '=', query.themeId as number)
          .where('theme_company.valid_to', 'is', null),
      ),
    )
}

export async function listReviewQueue(db: DB, query: ReviewQueueQuery = {}) {
  const page = Math.max(1, query.page ?? 1)
  const [rows, total] = await Promise.all([
    queueBase(db, query)
      .innerJoin('document', 'document.id', 'mention.document_id')
      .innerJoin('company', 'company.id', 'mention.company_id')
      .leftJoin('company_alias', 'company_alias.id', 'mention.alias_id')
      .select([
        'mention.id',
        'mention.document_id as documentId',
        'document.title as documentTitle',
        'mention.company_id as companyId',
        'company.name_en as nameEn',
        'company.name_zh as nameZh',
        'mention.alias_text as aliasText',
        'mention.snippet',
        'mention.snippet_offset as snippetStart',
        'mention.start_offset as start',
        'mention.end_offset as end',
        'mention.rule',
        'mention.rule_detail as ruleDetail',
        'mention.confidence',
        sql<boolean>`coalesce(company_alias.is_ambiguous, false)`.as('ambiguous'),
      ])
      .orderBy(sql`case mention.confidence when 'low' then 0 else 1 end`)
      .orderBy(sql`coalesce(company_alias.is_ambiguous, false)`, 'desc')
      .orderBy(sql`case mention.rule when 'topic_word' then 0 when 'context_word' then 1 when 'listed_with' then 2 else 3 end`)
      .orderBy('document.created_at', 'desc')
      .orderBy('mention.id')
      .limit(REVIEW_PAGE_SIZE)
      .offset((page - 1) * REVIEW_PAGE_SIZE)
      .execute(),
    queueBase(db, query)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    mentions: rows.map((r) => ({ ...r, id: Number(r.id) })),
    total: total.n,
    page,
    pages: Math.max(1, Math.ceil(total.n / REVIEW_PAGE_SIZE)),
  }
}

/** How much review has been done: rules made ("not this company") and mentions confirmed. */
export async function countReviews(db: DB, query: Pick<ReviewQueueQuery, 'companyId'> = {}) {
  const [rules, confirmed] = await Promise.all([
    db
      .selectFrom('mention_review_rule')
      .select(sql<number>`count(*)::int`.as('n'))
      .$if(query.companyId !== undefined, (q) => q.where('company_id', '=', query.companyId as number))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mention')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('confirmed_at', 'is not', null)
      .$if(query.companyId !== undefined, (q) => q.where('company_id', '=', query.companyId as number))
      .executeTakeFirstOrThrow(),
  ])
  return { rejected: rules.n, confirmed: confirmed.n }
}

/** "Not this company" rules, newest first, with who made them and the document they name. */
export async function listReviewRules(db: DB, query: Pick<ReviewQueueQuery, 'companyId'> = {}, limit = 100) {
  return db
    .selectFrom('mention_review_rule as r')
    .innerJoin('company', 'company.id', 'r.company_id')
    .leftJoin('document', 'document.id', 'r.document_id')
    .leftJoin('app_user', 'app_user.id', 'r.created_by')
    .select([
      'r.id',
      'r.company_id as companyId',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'r.alias_key as aliasKey',
      'r.scope',
      'r.phrase',
      'r.document_id as documentId',
      'document.title as documentTitle',
      'app_user.display_name as createdByName',
      'r.created_at as createdAt',
    ])
    .$if(query.companyId !== undefined, (q) => q.where('r.company_id', '=', query.companyId as number))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
}

/** Why each mention of a document counted, for the document page's hover and review panel. */
export async function listMentionReasons(db: DB, documentId: number) {
  const rows = await db
    .selectFrom('mention')
    .select(['id', 'rule', 'rule_detail as ruleDetail', 'confidence', 'relevance', sql<boolean>`confirmed_at is not null`.as('confirmed')])
    .where('document_id', '=', documentId)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}
