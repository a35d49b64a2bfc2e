import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { ScoringError } from '#app/scoring/errors.ts'
import { calendarDateIn } from '#app/utils/iso-week.ts'

// External views: a report's published view of a modality ("CICC, 2024-03-05: video =
// breakthrough"), recorded on the theme's rubric. Charts show them as markers; they never
// enter the team's consensus.

export interface SourceScoreInput {
  themeId: number
  modality: string
  dimension: string
  source: string
  publishedOn: string
  level: number
  note: string
  documentId: number | null
}

export async function addSourceScore(db: DB, actor: Actor, input: SourceScoreInput, now = new Date()): Promise<number> {
  return inTransaction(db, async (tx) => {
    const theme = await tx.selectFrom('theme').select(['id', 'rubric_id as rubricId']).where('id', '=', input.themeId).executeTakeFirst()
    if (!theme) throw new ScoringError('themeNotFound')
    if (!theme.rubricId) throw new ScoringError('noRubric')
    const { year, month, day } = calendarDateIn(now, await getTeamTimeZone(tx))
    const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    if (input.publishedOn > today) throw new ScoringError('futureDate', 'publishedOn')
    const [modality, dimension, level, document] = await Promise.all([
      tx.selectFrom('modality').select('id').where('theme_id', '=', theme.id).where('slug', '=', input.modality).executeTakeFirst(),
      tx
        .selectFrom('scoring_dimension')
        .select('id')
        .where('theme_id', '=', theme.id)
        .where('slug', '=', input.dimension)
        .executeTakeFirst(),
      tx
        .selectFrom('rubric_level')
        .select('level')
        .where('rubric_id', '=', theme.rubricId)
        .where('level', '=', input.level)
        .executeTakeFirst(),
      input.documentId
        ? tx.selectFrom('document').select('id').where('id', '=', input.documentId).executeTakeFirst()
        : Promise.resolve({ id: null }),
    ])
    if (!modality) throw new ScoringError('unknownModality', 'modality')
    if (!dimension) throw new ScoringError('unknownDimension', 'dimension')
    if (!level) throw new ScoringError('levelOutsideRubric', 'level')
    if (!document) throw new ScoringError('evidenceNotFound', 'documentId')
    const { id } = await tx
      .insertInto('source_score')
      .values({
        theme_id: input.themeId,
        modality_id: modality.id,
        dimension_id: dimension.id,
        source: input.source,
        published_on: input.publishedOn,
        rubric_id: theme.rubricId,
        level: input.level,
        note: input.note,
        document_id: input.documentId,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'source_score.create',
      entityType: 'source_score',
      entityId: id,
      newValue: { ...input, rubricId: theme.rubricId },
      ip: actor.ip,
    })
    return id
  })
}

export async function deleteSourceScore(db: DB, actor: Actor, themeId: number, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await tx.selectFrom('source_score').selectAll().where('id', '=', id).where('theme_id', '=', themeId).executeTakeFirst()
    if (!old) throw new ScoringError('notFound')
    await tx.deleteFrom('source_score').where('id', '=', id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'source_score.delete',
      entityType: 'source_score',
      entityId: id,
      oldValue: old,
      ip: actor.ip,
    })
  })
}

export async function listSourceScores(db: DB, themeId: number) {
  return db
    .selectFrom('source_score')
    .innerJoin('modality', 'modality.id', 'source_score.modality_id')
    .innerJoin('scoring_dimension as dim', 'dim.id', 'source_score.dimension_id')
    .innerJoin('rubric_level as rl', (join) =>
      join.onRef('rl.rubric_id', '=', 'source_score.rubric_id').onRef('rl.level', '=', 'source_score.level'),
    )
    .innerJoin('rubric', 'rubric.id', 'source_score.rubric_id')
    .leftJoin('document', 'document.id', 'source_score.document_id')
    .leftJoin('app_user', 'app_user.id', 'source_score.created_by')
    .select([
      'source_score.id',
      'source_score.source',
      'source_score.published_on as publishedOn',
      'source_score.level',
      'source_score.note',
      'modality.name_en as modalityEn',
      'modality.name_zh as modalityZh',
      'dim.name_en as dimensionEn',
      'dim.name_zh as dimensionZh',
      'rl.name_en as levelEn',
      'rl.name_zh as levelZh',
      'rubric.slug as rubricSlug',
      'rubric.version as rubricVersion',
      'document.title as documentTitle',
      'app_user.display_name as createdBy',
    ])
    .where('source_score.theme_id', '=', themeId)
    .orderBy('source_score.published_on', 'desc')
    .orderBy('source_score.id', 'desc')
    .limit(500)
    .execute()
}

/** Source views to mark on a history chart: on the theme's rubric, in the date range. */
export async function listSourceMarkers(
  db: DB,
  themeId: number,
  q: { rubricSlug: string; modalityIds: number[]; dimensionId: number; fromDate: string; toDate: string },
) {
  if (q.modalityIds.length === 0) return []
  return db
    .selectFrom('source_score')
    .innerJoin('rubric', 'rubric.id', 'source_score.rubric_id')
    .select([
      'source_score.modality_id as modalityId',
      'source_score.source',
      'source_score.published_on as publishedOn',
      'source_score.level',
    ])
    .where('source_score.theme_id', '=', themeId)
    .where('rubric.slug', '=', q.rubricSlug)
    .where('source_score.modality_id', 'in', q.modalityIds)
    .where('source_score.dimension_id', '=', q.dimensionId)
    .where('source_score.published_on', '>=', q.fromDate)
    .where('source_score.published_on', '<=', q.toDate)
    .orderBy('source_score.published_on')
    .execute()
}

/** Documents of the theme, newest first, to link a source view to its report. */
export async function listThemeDocuments(db: DB, themeId: number) {
  return db
    .selectFrom('document')
    .innerJoin('document_theme', 'document_theme.document_id', 'document.id')
    .select(['document.id', 'document.title', 'document.publisher', 'document.published_on as publishedOn'])
    .where('document_theme.theme_id', '=', themeId)
    .orderBy('document.published_on', (ob) => ob.desc().nullsLast())
    .limit(200)
    .execute()
}
