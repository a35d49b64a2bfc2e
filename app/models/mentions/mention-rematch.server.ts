import { sql } from 'kysely'

import type { MentionMatcher } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { REMATCH_COMPANY_JOB_KIND } from '#app/schemas/job-kinds.ts'

import { findMentionRows, insertMentions, type MentionRow } from './document-mentions.server.ts'
import { raiseMentionAlerts } from './mention-alert.server.ts'
import { asKey, keyOf, type RematchKey, sameMentions } from './mention-rematch-keys.ts'
import { isRejectedBy, type ReviewRuleMatch } from './mention-review-rules.server.ts'

export { type RematchKey, sameMentions } from './mention-rematch-keys.ts'

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

// What a stored mention is compared on, read the same way by the scan and by the redo.
const MENTION_KEY_COLUMNS = [
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
] as const

/** Documents after afterId in id order, with what matching reads: one batch (keyset, bounded memory). */
export async function readDocumentsForRematch(db: DB, afterId: number, limit: number) {
  return db.selectFrom('document').select(['id', 'body']).where('id', '>', afterId).orderBy('id').limit(limit).execute()
}

/** Stored mentions of one company in documents firstId..lastId, by document. */
export async function storedCompanyMentions(db: DB, companyId: number, firstId: number, lastId: number) {
  const rows = await db
    .selectFrom('mention')
    .select(MENTION_KEY_COLUMNS)
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
  const rules = await companyReviewRules(db, companyId, documents[0].id, documents.at(-1)!.id)
  // A mention a review rule rejected is not stored, yet the matcher still finds it and it
  // still serves as list context for other companies; after an alias edit it may vanish
  // without a trace in the stored rows. So when the company has review rules, documents
  // where another company was admitted as listed with someone are redone too.
  const listed = rules.length
    ? new Set(
        (
          await db
            .selectFrom('mention')
            .select('document_id as id')
            .distinct()
            .where('document_id', '>=', documents[0].id)
            .where('document_id', '<=', documents.at(-1)!.id)
            .where('rule', '=', 'listed_with')
            .where('company_id', '<>', companyId)
            .execute()
        ).map((r) => r.id),
      )
    : new Set<number>()
  const redo: { id: number; found: MentionRow[] }[] = []
  for (const doc of documents) {
    const found = findMentionRows(matcher, doc.body)
    const mine = found.filter((m) => m.companyId === companyId)
    const before = stored.get(doc.id) ?? []
    if (listed.has(doc.id)) {
      redo.push({ id: doc.id, found })
      continue
    }
    if (!mine.length && !before.length) continue
    const kept = rules.length ? mine.filter((m) => !isRejectedBy(rules, doc.id, m)) : mine
    if (!sameMentions(before, kept.map(asKey))) redo.push({ id: doc.id, found })
  }
  const change = await redoDocumentsMentions(db, redo)
  result.changed = change.changed
  result.added = change.added
  result.removed = change.removed
  return result
}

/** The company's review rules that can apply to documents firstId..lastId: one query a batch, not one a document. */
async function companyReviewRules(db: DB, companyId: number, firstId: number, lastId: number): Promise<ReviewRuleMatch[]> {
  return db
    .selectFrom('mention_review_rule')
    .select(['company_id as companyId', 'alias_key as aliasKey', 'scope', 'phrase', 'document_id as documentId'])
    .where('company_id', '=', companyId)
    .where((eb) => eb.or([eb('scope', '=', 'phrase'), eb.between('document_id', firstId, lastId)]))
    .execute()
}

/**
 * The documents' mentions set to what was found (less what review rules reject), in one
 * transaction for the batch: a handful of queries for all of them, then the ingest store
 * path (insertMentions: review rules, relevance) per document. Rows found again keep their
 * id (score evidence cites them, confirmations stay); the rest are deleted. The weekly
 * rollup follows by trigger; alerts are checked per week for the companies of the
 * documents that gained mentions, as after an ingest. Deleted documents are skipped.
 */
export async function redoDocumentsMentions(db: DB, documents: readonly { id: number; found: readonly MentionRow[] }[]) {
  const totals = { changed: 0, added: 0, removed: 0 }
  if (!documents.length) return totals
  return inTransaction(db, async (tx) => {
    const ids = documents.map((d) => d.id)
    const alive = await tx
      .selectFrom('document')
      .select(['id', 'iso_week as week'])
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute()
    const weekOf = new Map(alive.map((d) => [d.id, d.week]))
    const existing = await tx
      .selectFrom('mention')
      .select(['id', ...MENTION_KEY_COLUMNS])
      .where('document_id', 'in', ids)
      .execute()
    const byDocument = new Map<number, typeof existing>()
    for (const m of existing) {
      const list = byDocument.get(m.documentId)
      if (list) list.push(m)
      else byDocument.set(m.documentId, [m])
    }
    const companies = [...new Set(documents.flatMap((d) => d.found.map((m) => m.companyId)))]
    const rules = companies.length
      ? await tx
          .selectFrom('mention_review_rule')
          .select(['company_id as companyId', 'alias_key as aliasKey', 'scope', 'phrase', 'document_id as documentId'])
          .where('company_id', 'in', companies)
          .where((eb) => eb.or([eb('scope', '=', 'phrase'), eb('document_id', 'in', ids)]))
          .execute()
      : []
    const gone: number[] = []
    const inserts: { id: number; rows: MentionRow[] }[] = []
    for (const doc of documents) {
      if (!weekOf.has(doc.id)) continue
      const wanted = rules.length ? doc.found.filter((m) => !isRejectedBy(rules, doc.id, m)) : doc.found
      const pending = new Map<string, MentionRow[]>()
      for (const m of wanted) {
        const k = keyOf(asKey(m), true)
        pending.set(k, [...(pending.get(k) ?? []), m])
      }
      const goneBefore = gone.length
      for (const old of byDocument.get(doc.id) ?? []) {
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
      if (gone.length === goneBefore && pending.size === 0) continue // redone to be sure, and nothing changed
      inserts.push({ id: doc.id, rows: [...pending.values()].flat() })
      totals.changed++
    }
    // Delete first: a new mention may start where a vanished one did (unique per start).
    for (let i = 0; i < gone.length; i += 1000)
      await tx
        .deleteFrom('mention')
        .where('id', 'in', gone.slice(i, i + 1000))
        .execute()
    totals.removed = gone.length
    const gained = new Map<string, Set<number>>()
    for (const { id, rows } of inserts) {
      // Review rules were applied above, from one read for the whole batch.
      const stored = await insertMentions(tx, id, rows, undefined, { rulesApplied: true })
      totals.added += stored.length
      if (!stored.length) continue
      const week = weekOf.get(id)!
      const set = gained.get(week) ?? new Set<number>()
      for (const m of byDocument.get(id) ?? []) set.add(m.companyId)
      for (const m of stored) set.add(m.companyId)
      gained.set(week, set)
    }
    for (const [week, ids] of gained) await raiseMentionAlerts(tx, [...ids], week)
    return totals
  })
}
