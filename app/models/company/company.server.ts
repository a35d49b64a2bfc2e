import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

export async function listCompanies(db: DB) {
  const [companies, tickers] = await Promise.all([
    db
      .selectFrom('company')
      .select(['id', 'name_en as nameEn', 'name_zh as nameZh', 'region', 'vendor_type as vendorType', 'is_listed as isListed'])
      .orderBy('region')
      .orderBy('name_en')
      .execute(),
    db
      .selectFrom('company_ticker')
      .select(['company_id as companyId', 'exchange', 'code'])
      .orderBy('is_primary', 'desc')
      .orderBy('exchange')
      .execute(),
  ])
  return companies.map((c) => ({ ...c, tickers: tickers.filter((t) => t.companyId === c.id) }))
}

export async function getCompany(db: DB, id: number) {
  const company = await db
    .selectFrom('company')
    .leftJoin('company as parent', 'parent.id', 'company.parent_company_id')
    .select([
      'company.id',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'company.region',
      'company.is_listed as isListed',
      'company.vendor_type as vendorType',
      'company.website',
      'company.notes_md as notesMd',
      'parent.id as parentId',
      'parent.name_en as parentNameEn',
      'parent.name_zh as parentNameZh',
    ])
    .where('company.id', '=', id)
    .executeTakeFirst()
  if (!company) return null
  const [tickers, aliases, themes, watchlists, modalities, mentionCount] = await Promise.all([
    db
      .selectFrom('company_ticker')
      .select(['id', 'exchange', 'code', 'is_primary as isPrimary'])
      .where('company_id', '=', id)
      .orderBy('is_primary', 'desc')
      .orderBy('exchange')
      .execute(),
    db
      .selectFrom('company_alias')
      .select([
        'id',
        'text',
        'language',
        'kind',
        'case_sensitive as caseSensitive',
        'is_ambiguous as isAmbiguous',
        'ambiguous_reason as ambiguousReason',
        'negative_context as negativeContext',
      ])
      .where('company_id', '=', id)
      .orderBy('kind')
      .orderBy('text')
      .execute(),
    db
      .selectFrom('theme_company')
      .innerJoin('theme', 'theme.id', 'theme_company.theme_id')
      .select(['theme.slug', 'theme.name_en as nameEn', 'theme.name_zh as nameZh', 'theme_company.role', 'theme_company.exposure'])
      .where('theme_company.company_id', '=', id)
      .where('theme_company.valid_to', 'is', null)
      .orderBy('theme.name_en')
      .execute(),
    db
      .selectFrom('watchlist_entry')
      .innerJoin('watchlist', 'watchlist.id', 'watchlist_entry.watchlist_id')
      .select(['watchlist.id', 'watchlist.name', 'watchlist_entry.rationale', 'watchlist_entry.added_at as addedAt'])
      .where('watchlist_entry.company_id', '=', id)
      .where('watchlist_entry.removed_at', 'is', null)
      .orderBy('watchlist.name')
      .execute(),
    db
      .selectFrom('company_modality')
      .innerJoin('modality', 'modality.id', 'company_modality.modality_id')
      .select(['modality.id', 'modality.slug', 'modality.name_en as nameEn', 'modality.name_zh as nameZh'])
      .where('company_modality.company_id', '=', id)
      .orderBy('modality.position')
      .execute(),
    db
      .selectFrom('mention')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', id)
      .executeTakeFirstOrThrow(),
  ])
  return { company, tickers, aliases, themes, watchlists, modalities, mentionCount: Number(mentionCount.n) }
}

/** The theme whose items are companies' modalities: slug multimodal-ai, else the first theme (decision 036). */
export function modalityThemeId(db: DB) {
  return db
    .selectFrom('theme')
    .select('id')
    .orderBy(sql`slug = 'multimodal-ai'`, 'desc')
    .orderBy('id')
    .limit(1)
}

/**
 * Modalities a company can be tagged with, in the rubric's order: the items of the
 * multimodal-AI theme (slug multimodal-ai, else the first theme), where the per-theme
 * framework migration left them (decision 036).
 */
export async function listModalityOptions(db: DB) {
  return db
    .selectFrom('modality')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh'])
    .where('theme_id', '=', modalityThemeId(db))
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

/** Every company's names, for choosing a parent company. */
export async function listCompanyNames(db: DB) {
  return db.selectFrom('company').select(['id', 'name_en as nameEn', 'name_zh as nameZh']).orderBy('name_en').execute()
}
