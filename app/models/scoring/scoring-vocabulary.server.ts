import type { Actor } from '#app/models/account/user.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getSetting } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { DEFAULT_DISAGREEMENT_SPREAD } from '#app/scoring/consensus.ts'
import { ScoringError } from '#app/scoring/errors.ts'

// What is scored (modalities) and along which axes (dimensions), plus the team's
// disagreement threshold. Archiving hides a modality or dimension from the scoring grid
// without touching the scores already given on it.

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

export async function listModalities(db: DB, options: { includeArchived?: boolean } = {}) {
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
    .orderBy('position')
    .orderBy('id')
  if (!options.includeArchived) q = q.where('archived_at', 'is', null)
  return q.execute()
}

export async function listDimensions(db: DB, options: { includeArchived?: boolean } = {}) {
  let q = db
    .selectFrom('scoring_dimension')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'position', 'archived_at as archivedAt'])
    .orderBy('position')
    .orderBy('id')
  if (!options.includeArchived) q = q.where('archived_at', 'is', null)
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

export async function addVocabulary(db: DB, actor: Actor, kind: VocabularyKind, input: VocabularyInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    try {
      const { id } = await tx.insertInto(tableOf(kind)).values(rowOf(kind, input)).returning('id').executeTakeFirstOrThrow()
      await recordAudit(tx, { actorId: actor.id, action: `${kind}.create`, entityType: kind, entityId: id, newValue: input, ip: actor.ip })
      return id
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new ScoringError('slugTaken', 'slug')
      throw error
    }
  })
}

export async function updateVocabulary(db: DB, actor: Actor, kind: VocabularyKind, id: number, input: VocabularyInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = tableOf(kind)
    const old = await tx.selectFrom(table).selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!old) throw new ScoringError('notFound')
    try {
      await tx.updateTable(table).set(rowOf(kind, input)).where('id', '=', id).execute()
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new ScoringError('slugTaken', 'slug')
      throw error
    }
    const before = {
      slug: old.slug,
      nameEn: old.name_en,
      nameZh: old.name_zh,
      position: old.position,
      ...(kind === 'modality' ? { descriptionEn: old.description_en, descriptionZh: old.description_zh } : {}),
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `${kind}.update`,
      entityType: kind,
      entityId: id,
      oldValue: before,
      newValue: input,
      ip: actor.ip,
    })
  })
}

export async function setVocabularyArchived(db: DB, actor: Actor, kind: VocabularyKind, id: number, archived: boolean): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = tableOf(kind)
    const old = await tx.selectFrom(table).select(['id', 'archived_at']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!old) throw new ScoringError('notFound')
    if (Boolean(old.archived_at) === archived) return
    await tx
      .updateTable(table)
      .set({ archived_at: archived ? new Date() : null })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: `${kind}.${archived ? 'archive' : 'unarchive'}`,
      entityType: kind,
      entityId: id,
      oldValue: { archived: !archived },
      newValue: { archived },
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
