import type { FrameworkItem } from '#app/scoring/framework-templates.ts'

import { DEMO_RUBRICS, type DemoDimension } from '../demo-data.ts'
import { type Ids, insertedOrExisting, type Run } from './run.ts'

// Rubrics (with their levels) by slug; a theme's items and scoring dimensions by slug within the theme.

export async function seedRubrics(run: Run): Promise<Ids> {
  const { trx } = run
  const ids: Ids = new Map()
  for (const rubric of DEMO_RUBRICS) {
    const inserted = await trx
      .insertInto('rubric')
      .values({ slug: rubric.slug, version: 1, name_en: rubric.nameEn, name_zh: rubric.nameZh })
      .onConflict((oc) => oc.columns(['slug', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst()
    const id = await insertedOrExisting(
      run,
      inserted,
      () => trx.selectFrom('rubric').select('id').where('slug', '=', rubric.slug).where('version', '=', 1).executeTakeFirst(),
      `rubric ${rubric.slug}`,
    )
    const levels = await trx
      .insertInto('rubric_level')
      .values(
        rubric.levels.map((l) => ({
          rubric_id: id,
          level: l.level,
          name_en: l.nameEn,
          name_zh: l.nameZh,
          description_en: l.descriptionEn,
          description_zh: l.descriptionZh,
        })),
      )
      .onConflict((oc) => oc.columns(['rubric_id', 'level']).doNothing())
      .returning('level')
      .execute()
    run.created += levels.length
    ids.set(rubric.slug, id)
  }
  return ids
}

/** A theme's items (stored as modality rows), by slug within the theme. */
export async function seedItems(run: Run, themeId: number, items: FrameworkItem[]): Promise<Ids> {
  const { trx } = run
  const ids: Ids = new Map()
  for (const [position, m] of items.entries()) {
    const inserted = await trx
      .insertInto('modality')
      .values({
        theme_id: themeId,
        slug: m.slug,
        name_en: m.nameEn,
        name_zh: m.nameZh,
        description_en: m.descriptionEn,
        description_zh: m.descriptionZh,
        position,
      })
      .onConflict((oc) => oc.columns(['theme_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst()
    ids.set(
      m.slug,
      await insertedOrExisting(
        run,
        inserted,
        () => trx.selectFrom('modality').select('id').where('theme_id', '=', themeId).where('slug', '=', m.slug).executeTakeFirst(),
        `item ${m.slug}`,
      ),
    )
  }
  return ids
}

export async function seedDimensions(run: Run, themeId: number, dimensions: DemoDimension[]): Promise<void> {
  if (dimensions.length === 0) return
  const rows = await run.trx
    .insertInto('scoring_dimension')
    .values(dimensions.map((d, position) => ({ theme_id: themeId, slug: d.slug, name_en: d.nameEn, name_zh: d.nameZh, position })))
    .onConflict((oc) => oc.columns(['theme_id', 'slug']).doNothing())
    .returning('id')
    .execute()
  run.created += rows.length
}
