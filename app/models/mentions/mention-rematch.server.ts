import { sql } from 'kysely'

import type { MentionMatcher } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { REMATCH_COMPANY_JOB_KIND } from '#app/schemas/job-kinds.ts'

import { findMentionRows, insertMentions, type MentionRow } from './document-mentions.server.ts'
import { raiseAlertsForDocument } from './mention-alert.server.ts'
import { dropRejectedRows } from './mention-review-rules.server.ts'

// The queries behind "re-match one company's history" (issue 12 item 9): queueing the job
// so that several edits in a row become one run, and the reads the job does batch by batch.
//
// Why this equals a full rescan: an edit to one company's aliases, negative words or
// review rules changes what the matcher finds for that company, and for the others only
// through it (its mentions are list context for their ambiguous aliases; relevance shares
// the document). So a document whose mentions of that company come out the same as stored
// comes out the same whole, and only the documents where they differ are redone, all of
// their mentions, through the same find-and-store path as ingest (findMentionRows,
// insertMentions: review rules, relevance). tests/mention-rematch.test.ts checks it
// against a rescan from scratch.

/** Advisory-lock namespace for rematch requests (any constant distinct from other locks). */
const REMATCH_LOCK_KEY = 4_120_912

export interface RematchPayload {
  companyId: number
  /** Why it was asked for, in the users' words ("alias added", "review rule"); shown in the audit log. */
  reasons: string[]
}

/**
 * Queues a rematch of one company, or joins one already queued for it (an analyst editing
 * five aliases in a minute gets one run, not five). A job already running is not joined:
 * it may have passed the documents the new edit changes, so a fresh one queues behind it.
 */
export async function queueCompanyRematch(
  db: DB,
  input: { companyId: number; userId?: number | null; reason: string; ip?: string | null },
): Promise<{ jobId: number; queued: boolean }> {
  return inTransaction(db, async (tx) => {
    // Serialises two requests for the same company, so they cannot both queue a job.
    await sql`select pg_advisory_xact_lock(${REMATCH_LOCK_KEY}, ${input.companyId})`.execute(tx)
    const pending = await tx
      .selectFrom('job')
      .select(['id', 'payload'])
      .where('kind', '=', REMATCH_COMPANY_JOB_KIND)
      .where('status', '=', 'queued')
      .where(sql<string>`payload->>'companyId'`, '=', String(input.companyId))
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst()
    if (pending) {
      const payload = pending.payload as RematchPayload
      const reasons = payload.reasons?.includes(input.reason) ? payload.reasons : [...(payload.reasons ?? []), input.reason].slice(-20)
      await tx
        .updateTable('job')
        .set({ payload: JSON.stringify({ ...payload, reasons }) })
        .where('id', '=', pending.id)
        .execute()
      return { jobId: pending.id, queued: false }
    }
    const payload: RematchPayload = { companyId: input.companyId, reasons: [input.reason] }
    const jobId = await enqueueJob(tx, { kind: REMATCH_COMPANY_JOB_KIND, payload, createdBy: input.userId ?? null, ip: input.ip })
    return { jobId, queued: true }
  })
}

/** What makes two stored mentions the same for a rematch (the snippet follows from the offsets). */
export interface RematchKey {
  companyId: number
  aliasId: number | null
  aliasText: string
  start: number
  end: number
  rule: string
  ruleDetail: string | null
  confidence: string
  /** A person confirmed it: its confidence is theirs, not the matcher's. */
  confirmed?: boolean
}

const keyOf = (m: RematchKey, withConfidence: boolean) =>
  [m.companyId, m.aliasId ?? '', m.start, m.end, m.rule, m.ruleDetail ?? '', withConfidence ? m.confidence : '', m.aliasText].join('\u0001')

/** Whether two sets of mentions of one document are the same rows (order aside). */
export function sameMentions(stored: readonly RematchKey[], found: readonly RematchKey[]): boolean {
  if (stored.length !== found.length) return false
  const wanted = new Map<string, number>()
  for (const m of found) for (const k of [keyOf(m, true), keyOf(m, false)]) wanted.set(k, (wanted.get(k) ?? 0) + 1)
  return stored.every((m) => {
    const k = keyOf(m, !m.confirmed)
    const n = wanted.get(k) ?? 0
    if (n === 0) return false
    wanted.set(k, n - 1)
    return true
  })
}

/** Documents after afterId in id order, with what matching reads: one batch (keyset, bounded memory). */
export async function readDocumentsForRematch(db: DB, afterId: number, limit: number) {
  return db.selectFrom('document').select(['id', 'body']).where('id', '>', afterId).orderBy('id').limit(limit).execute()
}

/** Stored mentions of one company in documents firstId..lastId, by document. */
export async function storedCompanyMentions(db: DB, companyId: number, firstId: number, lastId: number) {
  const rows = await db
    .selectFrom('mention')
    .select([
      'document_id as documentId',
      'company_id as companyId',
      'alias_id as aliasId',
      'alias_text as aliasText',
      'start_offset as start',
      'end_offset as end',
      'rule',
      'rule_detail as ruleDetail',
      'confidence',
      sql<boolean>`confirmed_at is not null`.as('confirmed'),
    ])
    .where('company_id', '=', companyId)
    .where('document_id', '>=', firstId)
    .where('document_id', '<=', lastId)
    .execute()
  const byDocument = new Map<number, RematchKey[]>()
  for (const { documentId, ...m } of rows) {
    const list = byDocument.get(documentId) ?? []
    list.push(m)
    byDocument.set(documentId, list)
  }
  return byDocument
}

export interface RematchBatch {
  /** Id of the last document looked at; the next batch starts after it. */
  lastId: number | null
  scanned: number
  /** Documents whose mentions were redone. */
  changed: number
  added: number
  removed: number
  done: boolean
}

/** One batch of a company's rematch: documents after afterId, by id. */
export async function rematchCompanyBatch(
  db: DB,
  matcher: MentionMatcher,
  { companyId, afterId, limit }: { companyId: number; afterId: number; limit: number },
): Promise<RematchBatch> {
  const documents = await readDocumentsForRematch(db, afterId, limit)
  const result: RematchBatch = {
    lastId: documents.at(-1)?.id ?? null,
    scanned: documents.length,
    changed: 0,
    added: 0,
    removed: 0,
    done: documents.length < limit,
  }
  if (!documents.length) return result
  const stored = await storedCompanyMentions(db, companyId, documents[0].id, documents.at(-1)!.id)
  for (const doc of documents) {
    const found = findMentionRows(matcher, doc.body)
    const mine = found.filter((m) => m.companyId === companyId)
    const before = stored.get(doc.id) ?? []
    if (!mine.length && !before.length) continue
    // Review rules only ever drop rows, so the quick test needs them only when something was found.
    const kept = mine.length ? await dropRejectedRows(db, doc.id, mine) : mine
    if (sameMentions(before, kept.map(asKey))) continue
    const change = await redoDocumentMentions(db, doc.id, found)
    if (!change) continue
    result.changed++
    result.added += change.added
    result.removed += change.removed
  }
  return result
}

const asKey = (m: MentionRow): RematchKey => ({
  ...m,
  rule: m.rule ?? 'name',
  ruleDetail: m.ruleDetail ?? null,
  confidence: m.confidence ?? 'high',
})

/**
 * All mentions of one document set to `found` (less what review rules reject), in one
 * transaction. Rows found again keep their id (score evidence cites them, confirmations
 * stay); the rest are deleted and the new ones inserted. The weekly rollup follows by
 * trigger; alerts are checked as after an ingest. Null when the document was deleted.
 */
export async function redoDocumentMentions(db: DB, documentId: number, found: readonly MentionRow[]) {
  return inTransaction(db, async (tx) => {
    const doc = await tx.selectFrom('document').select('id').where('id', '=', documentId).forUpdate().executeTakeFirst()
    if (!doc) return null
    const existing = await tx
      .selectFrom('mention')
      .select([
        'id',
        'company_id as companyId',
        'alias_id as aliasId',
        'alias_text as aliasText',
        'start_offset as start',
        'end_offset as end',
        'rule',
        'rule_detail as ruleDetail',
        'confidence',
        sql<boolean>`confirmed_at is not null`.as('confirmed'),
      ])
      .where('document_id', '=', documentId)
      .execute()
    const wanted = await dropRejectedRows(tx, documentId, found)
    const pending = new Map<string, MentionRow[]>()
    for (const m of wanted) {
      const k = keyOf(asKey(m), true)
      pending.set(k, [...(pending.get(k) ?? []), m])
    }
    const gone: number[] = []
    for (const old of existing) {
      // A confirmed row stays whatever confidence the matcher now gives it.
      const k = old.confirmed
        ? [...pending.keys()].find((key) => keyOf(asKey(pending.get(key)![0]), false) === keyOf(old, false))
        : keyOf(old, true)
      const same = k === undefined ? undefined : pending.get(k)
      if (k !== undefined && same?.length) {
        same.pop()
        if (!same.length) pending.delete(k)
      } else gone.push(Number(old.id))
    }
    // Delete first: a new mention may start where a vanished one did (unique per start).
    for (let i = 0; i < gone.length; i += 1000)
      await tx
        .deleteFrom('mention')
        .where('id', 'in', gone.slice(i, i + 1000))
        .execute()
    const added = await insertMentions(tx, documentId, [...pending.values()].flat())
    if (added.length) await raiseAlertsForDocument(tx, documentId)
    return { added: added.length, removed: gone.length }
  })
}
