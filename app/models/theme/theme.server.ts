import type { DB } from '#app/models/db.server.ts'

import { listCurrentEstimates } from './data-exhaustion.server.ts'

// Reading themes. Edits live in theme-edit.server.ts and the part files next to it.
export { listCurrentEstimates }

export async function listThemes(db: DB) {
  return db
    .selectFrom('theme')
    .select((eb) => [
      'theme.id',
      'theme.slug',
      'theme.name_en as nameEn',
      'theme.name_zh as nameZh',
      'theme.summary_en as summaryEn',
      'theme.summary_zh as summaryZh',
      'theme.stance',
      'theme.status',
      'theme.parent_id as parentId',
      'theme.updated_at as updatedAt',
      eb
        .selectFrom('theme_company')
        .whereRef('theme_company.theme_id', '=', 'theme.id')
        .where('theme_company.valid_to', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('companyCount'),
    ])
    .orderBy('theme.status')
    .orderBy('theme.name_en')
    .execute()
}

export async function getThemeBySlug(db: DB, slug: string) {
  const theme = await db
    .selectFrom('theme')
    .leftJoin('theme as parent', 'parent.id', 'theme.parent_id')
    .select([
      'theme.id',
      'theme.slug',
      'theme.name_en as nameEn',
      'theme.name_zh as nameZh',
      'theme.summary_en as summaryEn',
      'theme.summary_zh as summaryZh',
      'theme.thesis_md as thesisMd',
      'theme.thesis_zh_md as thesisZhMd',
      'theme.thesis_en_updated_at as thesisEnUpdatedAt',
      'theme.thesis_zh_updated_at as thesisZhUpdatedAt',
      'theme.summary_en_updated_at as summaryEnUpdatedAt',
      'theme.summary_zh_updated_at as summaryZhUpdatedAt',
      'theme.stance',
      'theme.status',
      'theme.updated_at as updatedAt',
      'theme.thesis_version as thesisVersion',
      'theme.details_version as detailsVersion',
      'theme.parent_id as parentId',
      'parent.slug as parentSlug',
      'parent.name_en as parentNameEn',
      'parent.name_zh as parentNameZh',
    ])
    .where('theme.slug', '=', slug)
    .executeTakeFirst()
  if (!theme) return null

  const [points, subThemes, segments, segmentCompanies, companies, estimates] = await Promise.all([
    db
      .selectFrom('theme_point')
      .select([
        'id',
        'kind',
        'text_en as textEn',
        'text_zh as textZh',
        'text_en_updated_at as textEnUpdatedAt',
        'text_zh_updated_at as textZhUpdatedAt',
        'expected_on as expectedOn',
        'version',
      ])
      .where('theme_id', '=', theme.id)
      .orderBy('kind')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('theme')
      .select(['slug', 'name_en as nameEn', 'name_zh as nameZh', 'status'])
      .where('parent_id', '=', theme.id)
      .orderBy('name_en')
      .execute(),
    db
      .selectFrom('application_segment')
      .select([
        'id',
        'audience',
        'slug',
        'name_en as nameEn',
        'name_zh as nameZh',
        'note_en as noteEn',
        'note_zh as noteZh',
        'note_en_updated_at as noteEnUpdatedAt',
        'note_zh_updated_at as noteZhUpdatedAt',
        'version',
      ])
      .where('theme_id', '=', theme.id)
      .orderBy('audience')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('segment_company')
      .innerJoin('application_segment', 'application_segment.id', 'segment_company.segment_id')
      .innerJoin('company', 'company.id', 'segment_company.company_id')
      .select(['segment_company.segment_id as segmentId', 'company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh'])
      .where('application_segment.theme_id', '=', theme.id)
      .orderBy('company.name_en')
      .execute(),
    db
      .selectFrom('theme_company')
      .innerJoin('company', 'company.id', 'theme_company.company_id')
      .select([
        'company.id',
        'company.name_en as nameEn',
        'company.name_zh as nameZh',
        'company.region',
        'company.vendor_type as vendorType',
        'company.is_listed as isListed',
        'theme_company.role',
        'theme_company.exposure',
        'theme_company.note',
        'theme_company.reason',
        'theme_company.valid_from as since',
      ])
      .where('theme_company.theme_id', '=', theme.id)
      .where('theme_company.valid_to', 'is', null)
      .orderBy('company.name_en')
      .execute(),
    listCurrentEstimates(db, theme.id),
  ])
  const tickers = companies.length
    ? await db
        .selectFrom('company_ticker')
        .select(['company_id as companyId', 'exchange', 'code'])
        .where(
          'company_id',
          'in',
          companies.map((c) => c.id),
        )
        .orderBy('is_primary', 'desc')
        .orderBy('exchange')
        .execute()
    : []

  return {
    theme,
    risks: points.filter((p) => p.kind === 'risk'),
    catalysts: points.filter((p) => p.kind === 'catalyst'),
    subThemes,
    segments: segments.map((s) => ({ ...s, companies: segmentCompanies.filter((c) => c.segmentId === s.id) })),
    companies: companies.map((c) => ({ ...c, tickers: tickers.filter((t) => t.companyId === c.id) })),
    estimates,
  }
}

/** The id of the theme at this address, or null. */
export async function findThemeIdBySlug(db: DB, slug: string): Promise<number | null> {
  const row = await db.selectFrom('theme').select('id').where('slug', '=', slug).executeTakeFirst()
  return row?.id ?? null
}
