import type { Kysely } from 'kysely'

import type { Database } from '#db/types.ts'

import { nextSeq } from './sequence.ts'

export interface LevelOverrides {
  nameEn?: string
  nameZh?: string
  descriptionEn?: string
  descriptionZh?: string
}

/**
 * A rubric with levels 1..n (five by default), each named in both languages. Pass
 * `levels` as a number for default names, or as a list to name them.
 */
export async function createRubric(
  db: Kysely<Database>,
  overrides: { slug?: string; version?: number; nameEn?: string; nameZh?: string; levels?: number | LevelOverrides[] } = {},
) {
  const n = nextSeq()
  const rubric = await db
    .insertInto('rubric')
    .values({
      slug: overrides.slug ?? `rubric-${n}`,
      version: overrides.version ?? 1,
      name_en: overrides.nameEn ?? `Rubric ${n}`,
      name_zh: overrides.nameZh ?? `量表${n}号`,
    })
    .returning(['id', 'slug', 'version'])
    .executeTakeFirstOrThrow()
  const levels =
    typeof overrides.levels === 'number' || overrides.levels === undefined
      ? Array.from({ length: overrides.levels ?? 5 }, (): LevelOverrides => ({}))
      : overrides.levels
  await db
    .insertInto('rubric_level')
    .values(
      levels.map((l, i) => ({
        rubric_id: rubric.id,
        level: i + 1,
        name_en: l.nameEn ?? `Level ${i + 1}`,
        name_zh: l.nameZh ?? `第${i + 1}级`,
        description_en: l.descriptionEn ?? `What level ${i + 1} looks like.`,
        description_zh: l.descriptionZh ?? `第${i + 1}级的样子。`,
      })),
    )
    .execute()
  return rubric
}

export interface VocabularyOverrides {
  slug?: string
  /** The theme whose framework it belongs to (decision 036). */
  themeId: number
  nameEn?: string
  nameZh?: string
  position?: number
  archived?: boolean
}

/** An item a theme scores (a row of its scoring grid; stored as a modality). */
export async function createModality(db: Kysely<Database>, overrides: VocabularyOverrides) {
  const n = nextSeq()
  return db
    .insertInto('modality')
    .values({
      theme_id: overrides.themeId,
      slug: overrides.slug ?? `modality-${n}`,
      name_en: overrides.nameEn ?? `Modality ${n}`,
      name_zh: overrides.nameZh ?? `模态${n}号`,
      position: overrides.position ?? n,
      archived_at: overrides.archived ? new Date() : null,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
}

/** A theme's scoring dimension (a column of its scoring grid). */
export async function createDimension(db: Kysely<Database>, overrides: VocabularyOverrides) {
  const n = nextSeq()
  return db
    .insertInto('scoring_dimension')
    .values({
      theme_id: overrides.themeId,
      slug: overrides.slug ?? `dimension-${n}`,
      name_en: overrides.nameEn ?? `Dimension ${n}`,
      name_zh: overrides.nameZh ?? `维度${n}号`,
      position: overrides.position ?? n,
      archived_at: overrides.archived ? new Date() : null,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
}

export interface ScoreOverrides {
  themeId: number
  userId: number
  modalityId: number
  dimensionId: number
  week: string
  level?: number
  reason?: string
  /** The theme's rubric unless given. */
  rubricId?: number
  /** When it was saved: the score's timestamps and its revision's. */
  savedAt?: Date
}

/**
 * An analyst's score as a save leaves it (the score row and one revision), inserted
 * directly: any week, no lock check and no audit row, for setting up history.
 */
export async function createScore(db: Kysely<Database>, score: ScoreOverrides) {
  const rubricId =
    score.rubricId ?? (await db.selectFrom('theme').select('rubric_id').where('id', '=', score.themeId).executeTakeFirstOrThrow()).rubric_id
  if (rubricId == null) throw new Error('createScore: the theme has no rubric')
  const values = {
    theme_id: score.themeId,
    user_id: score.userId,
    modality_id: score.modalityId,
    dimension_id: score.dimensionId,
    iso_week: score.week,
    rubric_id: rubricId,
    level: score.level ?? 3,
    reason: score.reason ?? '',
  }
  const savedAt = score.savedAt ?? new Date()
  const row = await db
    .insertInto('score')
    .values({ ...values, created_at: savedAt, updated_at: savedAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('score_revision')
    .values({ ...values, score_id: row.id, saved_at: savedAt })
    .execute()
  return row
}
