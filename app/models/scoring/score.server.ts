import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { isCorrection } from '#app/scoring/correction.ts'
import { ScoringError } from '#app/scoring/errors.ts'

import { currentTeamWeek, getWeekLock } from './score-week.server.ts'

// An analyst's scores: one per (theme, analyst, modality, dimension, ISO week), kept by
// the score_one_per_week_key constraint. A save is an upsert (INSERT ... ON CONFLICT DO
// UPDATE), so two saves of one cell never make two rows; a per-cell advisory lock makes
// saves of the same cell apply one after the other, so the audit's old value and the
// revision order are exact and the stored value is the last save. Every save that changes
// something appends a score_revision row and an audit row in the same transaction.

export const MAX_EVIDENCE = 20

export interface ScoreInput {
  themeId: number
  modality: string
  dimension: string
  week: string
  level: number
  reason: string
  documentIds: number[]
  mentionIds: number[]
}

export interface EvidenceItem {
  documentId: number | null
  mentionId: number | null
  title: string
}

export type SaveOutcome = 'created' | 'replaced' | 'unchanged'

export interface SaveResult {
  scoreId: number
  outcome: SaveOutcome
  /** The level differs from the score it replaces or follows. */
  moved: boolean
}

async function resolveCell(tx: DB, input: ScoreInput) {
  const theme = await tx.selectFrom('theme').select(['id', 'rubric_id as rubricId']).where('id', '=', input.themeId).executeTakeFirst()
  if (!theme) throw new ScoringError('themeNotFound')
  if (!theme.rubricId) throw new ScoringError('noRubric')
  const [modality, dimension, level, rubric] = await Promise.all([
    tx
      .selectFrom('modality')
      .select('id')
      .where('theme_id', '=', theme.id)
      .where('slug', '=', input.modality)
      .where('archived_at', 'is', null)
      .executeTakeFirst(),
    tx
      .selectFrom('scoring_dimension')
      .select('id')
      .where('theme_id', '=', theme.id)
      .where('slug', '=', input.dimension)
      .where('archived_at', 'is', null)
      .executeTakeFirst(),
    tx
      .selectFrom('rubric_level')
      .select('level')
      .where('rubric_id', '=', theme.rubricId)
      .where('level', '=', input.level)
      .executeTakeFirst(),
    tx.selectFrom('rubric').select('slug').where('id', '=', theme.rubricId).executeTakeFirstOrThrow(),
  ])
  if (!modality) throw new ScoringError('unknownModality', 'modality')
  if (!dimension) throw new ScoringError('unknownDimension', 'dimension')
  if (!level) throw new ScoringError('levelOutsideRubric', 'level')
  return { rubricId: theme.rubricId, rubricSlug: rubric.slug, modalityId: modality.id, dimensionId: dimension.id }
}

async function resolveEvidence(tx: DB, documentIds: number[], mentionIds: number[]): Promise<EvidenceItem[]> {
  const docs = [...new Set(documentIds)]
  const mentions = [...new Set(mentionIds)]
  if (docs.length + mentions.length > MAX_EVIDENCE) throw new ScoringError('tooMuchEvidence', 'evidence')
  const [docRows, mentionRows] = await Promise.all([
    docs.length ? tx.selectFrom('document').select(['id', 'title']).where('id', 'in', docs).execute() : [],
    mentions.length
      ? tx
          .selectFrom('mention')
          .innerJoin('document', 'document.id', 'mention.document_id')
          .select(['mention.id', 'mention.alias_text as alias', 'document.title'])
          .where('mention.id', 'in', mentions)
          .execute()
      : [],
  ])
  if (docRows.length !== docs.length || mentionRows.length !== mentions.length) throw new ScoringError('evidenceNotFound', 'evidence')
  return [
    ...docs.map((id) => ({ documentId: id, mentionId: null, title: docRows.find((d) => d.id === id)!.title })),
    ...mentions.map((id) => {
      const m = mentionRows.find((r) => r.id === id)!
      return { documentId: null, mentionId: id, title: `${m.alias} · ${m.title}` }
    }),
  ]
}

const evidenceKey = (items: EvidenceItem[]) =>
  items
    .map((e) => `${e.documentId ?? ''}:${e.mentionId ?? ''}`)
    .sort()
    .join(',')

export async function listEvidence(db: DB, scoreIds: number[]) {
  if (scoreIds.length === 0) return []
  return db
    .selectFrom('score_evidence')
    .leftJoin('mention', 'mention.id', 'score_evidence.mention_id')
    .leftJoin('document', (join) =>
      join.on((eb) =>
        eb.or([eb('document.id', '=', eb.ref('score_evidence.document_id')), eb('document.id', '=', eb.ref('mention.document_id'))]),
      ),
    )
    .select([
      'score_evidence.score_id as scoreId',
      'score_evidence.document_id as documentId',
      'score_evidence.mention_id as mentionId',
      'document.title',
      'mention.alias_text as alias',
    ])
    .where('score_evidence.score_id', 'in', scoreIds)
    .orderBy('score_evidence.id')
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        scoreId: r.scoreId,
        documentId: r.documentId,
        mentionId: r.mentionId,
        title: r.alias ? `${r.alias} · ${r.title ?? ''}` : (r.title ?? ''),
      })),
    )
}

/**
 * Saves an analyst's score for one cell and week. Refuses (ScoringError, nothing stored):
 * unknown or archived modality/dimension, a level outside the theme's rubric, a future or
 * locked week, a changed level without a reason, evidence that does not exist.
 */
export async function saveScore(db: DB, actor: Actor, input: ScoreInput, now = new Date()): Promise<SaveResult> {
  return inTransaction(db, async (tx) => {
    const cell = await resolveCell(tx, input)
    const lock = await getWeekLock(tx, input.themeId, input.week, await currentTeamWeek(tx, now))
    if (lock.state === 'future') throw new ScoringError('futureWeek', 'week')
    if (lock.state === 'locked') throw new ScoringError('weekLocked', 'week')
    const evidence = await resolveEvidence(tx, input.documentIds, input.mentionIds)

    const key = `score:${input.themeId}:${actor.id}:${cell.modalityId}:${cell.dimensionId}:${input.week}`
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx)

    const existing = await tx
      .selectFrom('score')
      .select(['id', 'level', 'reason', 'rubric_id as rubricId', 'created_at as createdAt'])
      .where('theme_id', '=', input.themeId)
      .where('user_id', '=', actor.id)
      .where('modality_id', '=', cell.modalityId)
      .where('dimension_id', '=', cell.dimensionId)
      .where('iso_week', '=', input.week)
      .executeTakeFirst()
    const oldEvidence = existing ? await listEvidence(tx, [existing.id]) : []
    // Within the correction window the first save does not count as the reference: the
    // analyst's score before this week does (as if the mistyped digit had never been saved).
    const correcting = existing != null && isCorrection(existing.createdAt, now)
    const reference =
      existing && !correcting ? existing : await previousScore(tx, input.themeId, actor.id, cell.modalityId, cell.dimensionId, input.week)
    const referenceSlug = reference
      ? (await tx.selectFrom('rubric').select('slug').where('id', '=', reference.rubricId).executeTakeFirstOrThrow()).slug
      : null
    // Levels of another rubric (a theme that switched scales) cannot be compared.
    const moved = reference != null && referenceSlug === cell.rubricSlug && reference.level !== input.level
    if (moved && input.reason.trim() === '') throw new ScoringError('reasonRequired', 'reason')

    if (
      existing &&
      existing.level === input.level &&
      existing.rubricId === cell.rubricId &&
      existing.reason === input.reason &&
      evidenceKey(oldEvidence) === evidenceKey(evidence)
    ) {
      return { scoreId: existing.id, outcome: 'unchanged', moved: false }
    }

    const { id: scoreId } = await tx
      .insertInto('score')
      .values({
        theme_id: input.themeId,
        user_id: actor.id,
        modality_id: cell.modalityId,
        dimension_id: cell.dimensionId,
        iso_week: input.week,
        rubric_id: cell.rubricId,
        level: input.level,
        reason: input.reason,
      })
      .onConflict((oc) =>
        oc.columns(['theme_id', 'user_id', 'modality_id', 'dimension_id', 'iso_week']).doUpdateSet((eb) => ({
          rubric_id: eb.ref('excluded.rubric_id'),
          level: eb.ref('excluded.level'),
          reason: eb.ref('excluded.reason'),
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow()

    await tx.deleteFrom('score_evidence').where('score_id', '=', scoreId).execute()
    if (evidence.length) {
      await tx
        .insertInto('score_evidence')
        .values(evidence.map((e) => ({ score_id: scoreId, document_id: e.documentId, mention_id: e.mentionId })))
        .execute()
    }
    await tx
      .insertInto('score_revision')
      .values({
        score_id: scoreId,
        theme_id: input.themeId,
        user_id: actor.id,
        modality_id: cell.modalityId,
        dimension_id: cell.dimensionId,
        iso_week: input.week,
        rubric_id: cell.rubricId,
        level: input.level,
        reason: input.reason,
        evidence: JSON.stringify(evidence),
      })
      .execute()
    const newValue = {
      themeId: input.themeId,
      modality: input.modality,
      dimension: input.dimension,
      week: input.week,
      rubricId: cell.rubricId,
      level: input.level,
      reason: input.reason,
      evidence,
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: existing ? 'score.replace' : 'score.create',
      entityType: 'score',
      entityId: scoreId,
      oldValue: existing
        ? {
            rubricId: existing.rubricId,
            level: existing.level,
            reason: existing.reason,
            evidence: oldEvidence.map(({ scoreId: _, ...e }) => e),
          }
        : undefined,
      newValue,
      ip: actor.ip,
    })
    return { scoreId, outcome: existing ? 'replaced' : 'created', moved }
  })
}

/** The analyst's latest score of a cell in a week before `week`. */
async function previousScore(db: DB, themeId: number, userId: number, modalityId: number, dimensionId: number, week: string) {
  return db
    .selectFrom('score')
    .select(['id', 'level', 'reason', 'rubric_id as rubricId', 'iso_week as week'])
    .where('theme_id', '=', themeId)
    .where('user_id', '=', userId)
    .where('modality_id', '=', modalityId)
    .where('dimension_id', '=', dimensionId)
    .where('iso_week', '<', week)
    .orderBy('iso_week', 'desc')
    .limit(1)
    .executeTakeFirst()
}
