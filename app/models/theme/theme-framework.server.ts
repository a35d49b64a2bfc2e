import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getRubric, listRubrics } from '#app/models/scoring/rubric.server.ts'
import { listDimensions, listModalities } from '#app/models/scoring/scoring-vocabulary.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { type FrameworkRubric, type FrameworkTemplate, templateContent } from '#app/scoring/framework-templates.ts'

// A theme's scoring framework (decision 036): the items it scores, its dimensions and its
// rubric. A new theme starts from a template; analysts edit it afterwards. Every edit
// counts up theme.framework_version and is audited; past weeks read the framework as it
// stood (items keep their created_at and archived_at; see listModalities' week option).

/** The current version of a rubric by slug, created from the template's levels when missing. */
async function rubricFor(tx: DB, rubric: FrameworkRubric): Promise<number> {
  const found = await tx
    .selectFrom('rubric')
    .select('id')
    .where('slug', '=', rubric.slug)
    .where('superseded_at', 'is', null)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  if (found) return found.id
  const { id } = await tx
    .insertInto('rubric')
    .values({ slug: rubric.slug, version: 1, name_en: rubric.nameEn, name_zh: rubric.nameZh })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
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
    .execute()
  return id
}

/** Gives a theme just created its framework from a template: a rubric always, items and dimensions as the template has them. */
export async function applyFrameworkTemplate(db: DB, actor: Actor, themeId: number, template: FrameworkTemplate): Promise<void> {
  await inTransaction(db, async (tx) => {
    const content = templateContent(template)
    const rubricId = await rubricFor(tx, content.rubric)
    await tx.updateTable('theme').set({ rubric_id: rubricId }).where('id', '=', themeId).execute()
    if (content.items.length > 0) {
      await tx
        .insertInto('modality')
        .values(
          content.items.map((m, position) => ({
            theme_id: themeId,
            slug: m.slug,
            name_en: m.nameEn,
            name_zh: m.nameZh,
            description_en: m.descriptionEn,
            description_zh: m.descriptionZh,
            position,
          })),
        )
        .execute()
    }
    if (content.dimensions.length > 0) {
      await tx
        .insertInto('scoring_dimension')
        .values(
          content.dimensions.map((d, position) => ({ theme_id: themeId, slug: d.slug, name_en: d.nameEn, name_zh: d.nameZh, position })),
        )
        .execute()
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'theme.framework_template',
      entityType: 'theme',
      entityId: themeId,
      newValue: { template, rubricId, items: content.items.map((m) => m.slug), dimensions: content.dimensions.map((d) => d.slug) },
      ip: actor.ip,
    })
  })
}

/** What the framework page shows: every item and dimension (archived ones too), the rubric and the rubrics to choose from. */
export async function getThemeFramework(db: DB, themeId: number) {
  const theme = await db
    .selectFrom('theme')
    .select(['rubric_id as rubricId', 'framework_version as version'])
    .where('id', '=', themeId)
    .executeTakeFirst()
  if (!theme) return null
  const [items, dimensions, rubric, rubrics] = await Promise.all([
    listModalities(db, themeId, { includeArchived: true }),
    listDimensions(db, themeId, { includeArchived: true }),
    theme.rubricId ? getRubric(db, theme.rubricId) : null,
    listRubrics(db),
  ])
  return {
    version: theme.version,
    items,
    dimensions,
    rubric,
    rubricChoices: rubrics
      .filter((r) => !r.supersededAt)
      .map(({ id, slug, version, nameEn, nameZh }) => ({ id, slug, version, nameEn, nameZh })),
  }
}
