import type { Kysely } from 'kysely'

import type { Audience, CompanyRole, Database, Exposure, ThemeStance, ThemeStatus } from '#db/types.ts'

import { nextSeq } from './sequence.ts'

export interface ThemeOverrides {
  slug?: string
  nameEn?: string
  nameZh?: string
  summaryEn?: string
  summaryZh?: string
  thesisMd?: string
  stance?: ThemeStance
  status?: ThemeStatus
  parentId?: number | null
  /** Scoring needs one (createRubric); none by default. */
  rubricId?: number | null
}

/** A theme, inserted directly (no audit row). Defaults are unique per call: theme-7, "Theme 7". */
export async function createTheme(db: Kysely<Database>, overrides: ThemeOverrides = {}) {
  const n = nextSeq()
  return db
    .insertInto('theme')
    .values({
      slug: overrides.slug ?? `theme-${n}`,
      name_en: overrides.nameEn ?? `Theme ${n}`,
      name_zh: overrides.nameZh ?? `主题${n}号`,
      summary_en: overrides.summaryEn ?? '',
      summary_zh: overrides.summaryZh ?? '',
      thesis_md: overrides.thesisMd ?? `Why theme ${n} matters.`,
      stance: overrides.stance ?? 'neutral',
      status: overrides.status ?? 'active',
      parent_id: overrides.parentId ?? null,
      rubric_id: overrides.rubricId ?? null,
    })
    .returning(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'rubric_id as rubricId'])
    .executeTakeFirstOrThrow()
}

/** Puts a company on a theme's vendor map: from now on, or for the period given. */
export async function createThemeCompany(
  db: Kysely<Database>,
  link: {
    themeId: number
    companyId: number
    role?: CompanyRole
    exposure?: Exposure
    note?: string
    reason?: string
    validFrom?: Date
    validTo?: Date | null
  },
) {
  await db
    .insertInto('theme_company')
    .values({
      theme_id: link.themeId,
      company_id: link.companyId,
      role: link.role ?? 'driver',
      exposure: link.exposure ?? 'medium',
      note: link.note ?? '',
      reason: link.reason ?? '',
      ...(link.validFrom ? { valid_from: link.validFrom } : {}),
      valid_to: link.validTo ?? null,
    })
    .execute()
}

/** A risk (or catalyst) of a theme, placed after the ones it has. */
export async function createThemePoint(
  db: Kysely<Database>,
  point: { themeId: number; kind?: 'risk' | 'catalyst'; textEn?: string; textZh?: string; position?: number },
) {
  const n = nextSeq()
  return db
    .insertInto('theme_point')
    .values({
      theme_id: point.themeId,
      kind: point.kind ?? 'risk',
      text_en: point.textEn ?? `Point ${n}`,
      text_zh: point.textZh ?? '',
      position: point.position ?? n,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** An application segment of a theme, with the companies in it. */
export async function createSegment(
  db: Kysely<Database>,
  segment: { themeId: number; audience?: Audience; slug?: string; nameEn?: string; nameZh?: string; companyIds?: number[] },
) {
  const n = nextSeq()
  const row = await db
    .insertInto('application_segment')
    .values({
      theme_id: segment.themeId,
      audience: segment.audience ?? '2B',
      slug: segment.slug ?? `segment-${n}`,
      name_en: segment.nameEn ?? `Segment ${n}`,
      name_zh: segment.nameZh ?? `细分${n}号`,
      position: n,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (segment.companyIds?.length) {
    await db
      .insertInto('segment_company')
      .values(segment.companyIds.map((companyId) => ({ segment_id: row.id, company_id: companyId })))
      .execute()
  }
  return row
}

export interface EstimateOverrides {
  source?: string
  estimatedOn?: string
  yearFrom?: number
  yearTo?: number
  note?: string
}

/** A data stock of a theme with its exhaustion estimates, oldest first. */
export async function createDataStock(
  db: Kysely<Database>,
  stock: { themeId: number; slug?: string; nameEn?: string; nameZh?: string; estimates?: EstimateOverrides[] },
) {
  const n = nextSeq()
  const row = await db
    .insertInto('data_stock')
    .values({
      theme_id: stock.themeId,
      slug: stock.slug ?? `stock-${n}`,
      name_en: stock.nameEn ?? `Data stock ${n}`,
      name_zh: stock.nameZh ?? `数据${n}号`,
      position: n,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const e of stock.estimates ?? []) {
    await db
      .insertInto('data_exhaustion_estimate')
      .values({
        data_stock_id: row.id,
        source: e.source ?? `Source ${nextSeq()}`,
        estimated_on: e.estimatedOn ?? '2024-01-15',
        year_from: e.yearFrom ?? 2028,
        year_to: e.yearTo ?? 2032,
        note: e.note ?? '',
      })
      .execute()
  }
  return row
}

/** A theme's meeting row for an ISO week (what locks the weeks before it for scoring). */
export async function createMeeting(
  db: Kysely<Database>,
  meeting: { themeId: number; week: string; notesMd?: string; actionsMd?: string; heldOn?: string | null },
) {
  return db
    .insertInto('meeting')
    .values({
      theme_id: meeting.themeId,
      iso_week: meeting.week,
      notes_md: meeting.notesMd ?? '',
      actions_md: meeting.actionsMd ?? '',
      held_on: meeting.heldOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}
