import type { Actor } from '#app/models/account/user.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { ScoringError } from '#app/scoring/errors.ts'

import { bumpFrameworkVersion } from './scoring-vocabulary.server.ts'

// Rubrics: ordered levels, each with a name and an anchored description in both languages.
// A rubric that anything was scored with is never rewritten: an edit creates version n+1
// (same slug), marks version n superseded, and moves the themes that used version n to the
// new one. Old scores keep pointing at version n, so they keep meaning what they meant.

export interface RubricLevelInput {
  nameEn: string
  nameZh: string
  descriptionEn: string
  descriptionZh: string
}

export interface RubricEdit {
  nameEn: string
  nameZh: string
  levels: RubricLevelInput[]
}

export async function listRubrics(db: DB) {
  return db
    .selectFrom('rubric')
    .select((eb) => [
      'rubric.id',
      'rubric.slug',
      'rubric.version',
      'rubric.name_en as nameEn',
      'rubric.name_zh as nameZh',
      'rubric.superseded_at as supersededAt',
      eb
        .selectFrom('rubric_level')
        .whereRef('rubric_level.rubric_id', '=', 'rubric.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('levelCount'),
      eb
        .selectFrom('theme')
        .whereRef('theme.rubric_id', '=', 'rubric.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('themeCount'),
      eb
        .selectFrom('score')
        .whereRef('score.rubric_id', '=', 'rubric.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('scoreCount'),
    ])
    .orderBy('rubric.slug')
    .orderBy('rubric.version', 'desc')
    .execute()
}

export async function getRubric(db: DB, rubricId: number) {
  const rubric = await db
    .selectFrom('rubric')
    .select(['id', 'slug', 'version', 'name_en as nameEn', 'name_zh as nameZh', 'superseded_at as supersededAt', 'created_at as createdAt'])
    .where('id', '=', rubricId)
    .executeTakeFirst()
  if (!rubric) return null
  const levels = await listLevels(db, rubricId)
  return { ...rubric, levels }
}

export async function listLevels(db: DB, rubricId: number) {
  return db
    .selectFrom('rubric_level')
    .select(['level', 'name_en as nameEn', 'name_zh as nameZh', 'description_en as descriptionEn', 'description_zh as descriptionZh'])
    .where('rubric_id', '=', rubricId)
    .orderBy('level')
    .execute()
}

export async function listRubricVersions(db: DB, slug: string) {
  return db
    .selectFrom('rubric')
    .select(['id', 'version', 'superseded_at as supersededAt', 'created_at as createdAt'])
    .where('slug', '=', slug)
    .orderBy('version', 'desc')
    .execute()
}

/** The rubric a theme scores with now, and its levels; null when none is chosen. */
export async function getThemeRubric(db: DB, themeId: number) {
  const row = await db.selectFrom('theme').select('rubric_id').where('id', '=', themeId).executeTakeFirst()
  return row?.rubric_id ? getRubric(db, row.rubric_id) : null
}

/** Whether any score, revision or source score was given on this rubric version. */
export async function isRubricUsed(tx: DB, rubricId: number): Promise<boolean> {
  const used = await tx
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('score').select('id').where('rubric_id', '=', rubricId)).as('scored'),
      eb.exists(eb.selectFrom('score_revision').select('id').where('rubric_id', '=', rubricId)).as('revised'),
      eb.exists(eb.selectFrom('source_score').select('id').where('rubric_id', '=', rubricId)).as('sourced'),
    ])
    .executeTakeFirstOrThrow()
  return Boolean(used.scored || used.revised || used.sourced)
}

function validateLevels(levels: RubricLevelInput[]) {
  if (levels.length < 2 || levels.length > 20) throw new ScoringError('levelsInvalid', 'levels')
}

/** A new rubric (version 1), its levels copied from an existing rubric as a starting point. */
export async function createRubric(
  db: DB,
  actor: Actor,
  input: { slug: string; nameEn: string; nameZh: string; copyFromId: number },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const taken = await tx.selectFrom('rubric').select('id').where('slug', '=', input.slug).executeTakeFirst()
    if (taken) throw new ScoringError('slugTaken', 'slug')
    const source = await listLevels(tx, input.copyFromId)
    if (source.length === 0) throw new ScoringError('rubricNotFound', 'copyFromId')
    let id: number
    try {
      ;({ id } = await tx
        .insertInto('rubric')
        .values({ slug: input.slug, version: 1, name_en: input.nameEn, name_zh: input.nameZh })
        .returning('id')
        .executeTakeFirstOrThrow())
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new ScoringError('slugTaken', 'slug')
      throw error
    }
    await insertLevels(tx, id, source)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'rubric.create',
      entityType: 'rubric',
      entityId: id,
      newValue: { ...input, levels: source.length },
      ip: actor.ip,
    })
    return id
  })
}

async function insertLevels(tx: DB, rubricId: number, levels: RubricLevelInput[]) {
  await tx
    .insertInto('rubric_level')
    .values(
      levels.map((l, i) => ({
        rubric_id: rubricId,
        level: i + 1,
        name_en: l.nameEn,
        name_zh: l.nameZh,
        description_en: l.descriptionEn,
        description_zh: l.descriptionZh,
      })),
    )
    .execute()
}

const sameLevels = (a: RubricLevelInput[], b: RubricLevelInput[]) =>
  a.length === b.length &&
  a.every(
    (l, i) =>
      l.nameEn === b[i].nameEn &&
      l.nameZh === b[i].nameZh &&
      l.descriptionEn === b[i].descriptionEn &&
      l.descriptionZh === b[i].descriptionZh,
  )

/**
 * Saves an edit of a rubric's names and levels. Unused: changed in place. Used: a new
 * version is created and the themes move to it. Returns the id to show next.
 */
export async function updateRubric(
  db: DB,
  actor: Actor,
  rubricId: number,
  edit: RubricEdit,
): Promise<{ id: number; versioned: boolean; changed: boolean }> {
  validateLevels(edit.levels)
  return inTransaction(db, async (tx) => {
    // The row lock makes two admins saving the same version apply one after the other;
    // the second then finds it superseded and is told to edit the newer version.
    const rubric = await tx
      .selectFrom('rubric')
      .select(['id', 'slug', 'version', 'name_en as nameEn', 'name_zh as nameZh', 'superseded_at as supersededAt'])
      .where('id', '=', rubricId)
      .forUpdate()
      .executeTakeFirst()
    if (!rubric) throw new ScoringError('rubricNotFound')
    if (rubric.supersededAt) throw new ScoringError('rubricSuperseded')
    const before = await listLevels(tx, rubricId)
    const old = { nameEn: rubric.nameEn, nameZh: rubric.nameZh, levels: before.map(({ level: _, ...l }) => l) }
    if (old.nameEn === edit.nameEn && old.nameZh === edit.nameZh && sameLevels(old.levels, edit.levels)) {
      return { id: rubricId, versioned: false, changed: false }
    }
    if (!(await isRubricUsed(tx, rubricId))) {
      await tx.updateTable('rubric').set({ name_en: edit.nameEn, name_zh: edit.nameZh }).where('id', '=', rubricId).execute()
      await tx.deleteFrom('rubric_level').where('rubric_id', '=', rubricId).execute()
      await insertLevels(tx, rubricId, edit.levels)
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'rubric.update',
        entityType: 'rubric',
        entityId: rubricId,
        oldValue: old,
        newValue: edit,
        ip: actor.ip,
      })
      return { id: rubricId, versioned: false, changed: true }
    }
    const { id } = await tx
      .insertInto('rubric')
      .values({ slug: rubric.slug, version: rubric.version + 1, name_en: edit.nameEn, name_zh: edit.nameZh })
      .returning('id')
      .executeTakeFirstOrThrow()
    await insertLevels(tx, id, edit.levels)
    await tx.updateTable('rubric').set({ superseded_at: new Date() }).where('id', '=', rubricId).execute()
    const moved = await tx.updateTable('theme').set({ rubric_id: id }).where('rubric_id', '=', rubricId).returning('id').execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'rubric.new_version',
      entityType: 'rubric',
      entityId: id,
      oldValue: { id: rubricId, version: rubric.version, ...old },
      newValue: { id, version: rubric.version + 1, ...edit, themes: moved.map((t) => t.id) },
      ip: actor.ip,
    })
    return { id, versioned: true, changed: true }
  })
}

/** Chooses the rubric a theme scores with from now on (a current version); past scores keep theirs. */
export async function setThemeRubric(db: DB, actor: Actor, themeId: number, rubricId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const theme = await tx
      .selectFrom('theme')
      .select(['id', 'rubric_id as rubricId'])
      .where('id', '=', themeId)
      .forUpdate()
      .executeTakeFirst()
    if (!theme) throw new ScoringError('themeNotFound', 'themeId')
    const rubric = await tx
      .selectFrom('rubric')
      .select(['id', 'superseded_at as supersededAt'])
      .where('id', '=', rubricId)
      .executeTakeFirst()
    if (!rubric) throw new ScoringError('rubricNotFound', 'rubricId')
    if (rubric.supersededAt) throw new ScoringError('rubricSuperseded', 'rubricId')
    if (theme.rubricId === rubricId) return
    await tx.updateTable('theme').set({ rubric_id: rubricId }).where('id', '=', themeId).execute()
    // The rubric is part of the theme's framework (decision 036): a change counts as an edit of it.
    const version = await bumpFrameworkVersion(tx, themeId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'scoring.theme_rubric',
      entityType: 'scoring',
      entityId: themeId,
      oldValue: { rubricId: theme.rubricId },
      newValue: { rubricId, version },
      ip: actor.ip,
    })
  })
}

/** Themes and the rubric each uses, for the admin page. */
export async function listThemeRubrics(db: DB) {
  return db
    .selectFrom('theme')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'rubric_id as rubricId', 'status'])
    .orderBy('status')
    .orderBy('name_en')
    .execute()
}

/** A theme by slug with the rubric it scores with (null when none is chosen), for the scoring pages. */
export async function getScoringTheme(db: DB, slug: string) {
  const theme = await db
    .selectFrom('theme')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'rubric_id as rubricId'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!theme) return null
  const rubric = theme.rubricId ? await getRubric(db, theme.rubricId) : null
  return { theme, rubric }
}
