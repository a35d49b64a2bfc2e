import { DEMO_DIMENSIONS, DEMO_MODALITIES, DEMO_RUBRICS } from '../demo-data.ts'
import { type Ids, insertedOrExisting, type Run } from './run.ts'

// Rubrics (with their levels), modalities and scoring dimensions, each by slug.

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

export async function seedModalities(run: Run): Promise<Ids> {
  const { trx } = run
  const ids: Ids = new Map()
  for (const [position, m] of DEMO_MODALITIES.entries()) {
    const inserted = await trx
      .insertInto('modality')
      .values({
        slug: m.slug,
        name_en: m.nameEn,
        name_zh: m.nameZh,
        description_en: m.descriptionEn,
        description_zh: m.descriptionZh,
        position,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst()
    ids.set(
      m.slug,
      await insertedOrExisting(
        run,
        inserted,
        () => trx.selectFrom('modality').select('id').where('slug', '=', m.slug).executeTakeFirst(),
        `modality ${m.slug}`,
      ),
    )
  }
  return ids
}

export async function seedDimensions(run: Run): Promise<void> {
  const rows = await run.trx
    .insertInto('scoring_dimension')
    .values(DEMO_DIMENSIONS.map((d, position) => ({ slug: d.slug, name_en: d.nameEn, name_zh: d.nameZh, position })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .execute()
  run.created += rows.length
}
