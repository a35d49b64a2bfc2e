import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getSetting, getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { DEFAULT_DISAGREEMENT_SPREAD } from '#app/scoring/consensus.ts'
import { ScoringError } from '#app/scoring/errors.ts'
import { weekEndsAt } from '#app/scoring/week-time.ts'

// What a theme scores (its items, stored as modality rows: AI modalities, robot
// components...) and along which axes (its dimensions), plus the team's disagreement
// threshold. Each theme has its own items and dimensions (decision 036). Archiving hides
// one from this week's grid without touching the scores already given on it; past weeks
// read the framework as it stood (VocabularyListOptions.week).

export const DISAGREEMENT_SETTING = 'scoring.disagreement_spread'

export interface VocabularyInput {
  slug: string
  nameEn: string
  nameZh: string
  descriptionEn?: string
  descriptionZh?: string
  position: number
}

export type VocabularyKind = 'modality' | 'dimension'

export interface VocabularyListOptions {
  includeArchived?: boolean
  /**
   * The framework as it stood in this ISO week: items added before the week ended and not
   * archived by then, plus any item scored that week (a past week keeps its rows).
   */
  week?: string
}

/**
 * Rows of the framework as it stood in a week: added before the week ended and not
 * archived before it ended, or scored in that week (a past week keeps its rows).
 */
async function standingIn(db: DB, table: 'modality' | 'scoring_dimension', week: string) {
  const end = weekEndsAt(week, await getTeamTimeZone(db))
  const column = sql.ref(table === 'modality' ? 'score.modality_id' : 'score.dimension_id')
  const row = sql.table(table)
  return sql<boolean>`((${row}.created_at < ${end} and (${row}.archived_at is null or ${row}.archived_at >= ${end}))
    or exists (select 1 from score where ${column} = ${row}.id and score.iso_week = ${week}))`
}

export async function listModalities(db: DB, themeId: number, options: VocabularyListOptions = {}) {
  let q = db
    .selectFrom('modality')
    .select([
      'id',
      'slug',
      'name_en as nameEn',
      'name_zh as nameZh',
      'description_en as descriptionEn',
      'description_zh as descriptionZh',
      'position',
      'archived_at as archivedAt',
    ])
    .where('theme_id', '=', themeId)
    .orderBy('position')
    .orderBy('id')
  if (options.week) q = q.where(await standingIn(db, 'modality', options.week))
  else if (!options.includeArchived) q = q.where('archived_at', 'is', null)
  return q.execute()
}

export async function listDimensions(db: DB, themeId: number, options: VocabularyListOptions = {}) {
  let q = db
    .selectFrom('scoring_dimension')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'position', 'archived_at as archivedAt'])
    .where('theme_id', '=', themeId)
    .orderBy('position')
    .orderBy('id')
  if (options.week) q = q.where(await standingIn(db, 'scoring_dimension', options.week))
  else if (!options.includeArchived) q = q.where('archived_at', 'is', null)
  return q.execute()
}

const tableOf = (kind: VocabularyKind) => (kind === 'modality' ? 'modality' : 'scoring_dimension') as 'modality'

function rowOf(kind: VocabularyKind, input: VocabularyInput) {
  const row: Record<string, unknown> = { slug: input.slug, name_en: input.nameEn, name_zh: input.nameZh, position: input.position }
  if (kind === 'modality') {
    row.description_en = input.descriptionEn ?? ''
    row.description_zh = input.descriptionZh ?? ''
  }
  return row as { slug: string; name_en: string; name_zh: string; position: number }
}

/** Counts a framework edit on the theme (its version) inside the edit's transaction. */
export async function bumpFrameworkVersion(tx: DB, themeId: number): Promise<number> {
  const row = await tx
    .updateTable('theme')
    .set((eb) => ({ framework_version: eb('framework_version', '+', 1) }))
    .where('id', '=', themeId)
    .returning('framework_version')
    .executeTakeFirst()
  if (!row) throw new ScoringError('themeNotFound')
  return row.framework_version
}

export async function addVocabulary(db: DB, actor: Actor, themeId: number, kind: VocabularyKind, input: VocabularyInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    try {
      const { id } = await tx
        .insertInto(tableOf(kind))
        .values({ ...rowOf(kind, input), theme_id: themeId })
        .returning('id')
        .executeTakeFirstOrThrow()
      const version = await bumpFrameworkVersion(tx, themeId)
      await recordAudit(tx, {
        actorId: actor.id,
        action: `${kind}.create`,
        entityType: kind,
        entityId: id,
        newValue: { themeId, version, ...input },
        ip: actor.ip,
      })
      return id
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new ScoringError('slugTaken', 'slug')
      throw error
    }
  })
}

export async function updateVocabulary(
  db: DB,
  actor: Actor,
  themeId: number,
  kind: VocabularyKind,
  id: number,
  input: VocabularyInput,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = tableOf(kind)
    const old = await tx.selectFrom(table).selectAll().where('id', '=', id).where('theme_id', '=', themeId).forUpdate().executeTakeFirst()
    if (!old) throw new ScoringError('notFound')
    const before = {
      slug: old.slug,
      nameEn: old.name_en,
      nameZh: old.name_zh,
      position: old.position,
      ...(kind === 'modality' ? { descriptionEn: old.description_en, descriptionZh: old.description_zh } : {}),
    }
    const after = kind === 'modality' ? { descriptionEn: '', descriptionZh: '', ...input } : input
    if (JSON.stringify(before) === JSON.stringify({ ...before, ...after })) return
    try {
      await tx.updateTable(table).set(rowOf(kind, input)).where('id', '=', id).execute()
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new ScoringError('slugTaken', 'slug')
      throw error
    }
    const version = await bumpFrameworkVersion(tx, themeId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: `${kind}.update`,
      entityType: kind,
      entityId: id,
      oldValue: before,
      newValue: { themeId, version, ...input },
      ip: actor.ip,
    })
  })
}

export async function setVocabularyArchived(
  db: DB,
  actor: Actor,
  themeId: number,
  kind: VocabularyKind,
  id: number,
  archived: boolean,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = tableOf(kind)
    const old = await tx
      .selectFrom(table)
      .select(['id', 'archived_at'])
      .where('id', '=', id)
      .where('theme_id', '=', themeId)
      .forUpdate()
      .executeTakeFirst()
    if (!old) throw new ScoringError('notFound')
    if (Boolean(old.archived_at) === archived) return
    await tx
      .updateTable(table)
      .set({ archived_at: archived ? new Date() : null })
      .where('id', '=', id)
      .execute()
    const version = await bumpFrameworkVersion(tx, themeId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: `${kind}.${archived ? 'archive' : 'unarchive'}`,
      entityType: kind,
      entityId: id,
      oldValue: { archived: !archived },
      newValue: { themeId, version, archived },
      ip: actor.ip,
    })
  })
}

/** Levels apart (max - min) at which a cell is flagged as a disagreement. */
export async function getDisagreementThreshold(db: DB): Promise<number> {
  const value = await getSetting<number>(db, DISAGREEMENT_SETTING)
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_DISAGREEMENT_SPREAD
}

export async function setDisagreementThreshold(db: DB, actor: Actor, threshold: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await getDisagreementThreshold(tx)
    if (old === threshold) return
    await tx
      .insertInto('app_setting')
      .values({ key: DISAGREEMENT_SETTING, value: JSON.stringify(threshold), updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(threshold), updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.disagreement_spread',
      entityType: 'setting',
      entityId: DISAGREEMENT_SETTING,
      oldValue: old,
      newValue: threshold,
      ip: actor.ip,
    })
  })
}
