import type { DB } from '#app/models/db.server.ts'
import { findMentionRows, insertMentions, type MentionRow } from '#app/models/mentions/document-mentions.server.ts'
import { raiseAlertsForDocument } from '#app/models/mentions/mention-alert.server.ts'
import { getMentionMatcher } from '#app/models/mentions/mention-matcher.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

// Re-finding mentions after aliases changed. Each document is redone in its own
// transaction, and the work is cut into resumable batches (afterId -> lastId) so a job
// runner can persist its place, report progress and pick up after a restart.
//
// A mention that is still found (same start, same company) keeps its row and id, so the
// score evidence pointing at it survives; only vanished mentions are deleted (and their
// evidence with them: it cited text that no longer counts as a mention).

export interface RescanBatch {
  /** Id of the last document looked at; pass it as afterId for the next batch. */
  lastId: number | null
  processed: number
  /** True when no documents are left after lastId. */
  done: boolean
  added: number
  removed: number
  updated: number
}

export interface RescanProgress {
  done: number
  total: number
  lastId: number | null
}

export async function rescanDocuments(
  db: DB,
  { afterId = 0, limit = 25 }: { afterId?: number; limit?: number } = {},
): Promise<RescanBatch> {
  const { matcher } = await getMentionMatcher(db)
  const ids = await db
    .selectFrom('document')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  const batch = ids.slice(0, limit)
  const result: RescanBatch = {
    lastId: batch.at(-1)?.id ?? null,
    processed: 0,
    done: ids.length <= limit,
    added: 0,
    removed: 0,
    updated: 0,
  }
  for (const { id } of batch) {
    const changes = await inTransaction(db, async (tx) => {
      const doc = await tx.selectFrom('document').select('body').where('id', '=', id).forUpdate().executeTakeFirst()
      if (!doc) return null // deleted meanwhile
      const existing = await tx
        .selectFrom('mention')
        .select([
          'id',
          'company_id as companyId',
          'alias_id as aliasId',
          'alias_text as aliasText',
          'start_offset as start',
          'end_offset as end',
          'snippet',
          'snippet_offset as snippetStart',
          'rule',
          'rule_detail as ruleDetail',
          'confidence',
          'confirmed_at as confirmedAt',
        ])
        .where('document_id', '=', id)
        .execute()
      const changes = await applyMentionChanges(tx, id, existing, findMentionRows(matcher, doc.body))
      // New aliases can make a week jump too.
      if (changes.added) await raiseAlertsForDocument(tx, id)
      return changes
    })
    result.processed += 1
    if (changes) {
      result.added += changes.added
      result.removed += changes.removed
      result.updated += changes.updated
    }
  }
  return result
}

// snippetStart is null on older rows the migration could not place: a rescan fills it in.
type ExistingMention = Omit<MentionRow, 'aliasId' | 'snippetStart'> & {
  id: number | string
  aliasId: number | null
  snippetStart: number | null
  /** An analyst confirmed it: it stays high confidence whatever the engine now says. */
  confirmedAt: Date | string | null
}

async function applyMentionChanges(tx: DB, documentId: number, existing: ExistingMention[], found: MentionRow[]) {
  const byStart = new Map(existing.map((m) => [m.start, m]))
  const keep = new Set<number | string>()
  const toInsert: MentionRow[] = []
  let updated = 0
  for (const m of found) {
    const old = byStart.get(m.start)
    if (!old || old.companyId !== m.companyId) {
      toInsert.push(m)
      continue
    }
    keep.add(old.id)
    if (
      old.end !== m.end ||
      old.aliasId !== m.aliasId ||
      old.aliasText !== m.aliasText ||
      old.snippet !== m.snippet ||
      old.snippetStart !== m.snippetStart ||
      old.rule !== (m.rule ?? 'name') ||
      old.ruleDetail !== (m.ruleDetail ?? null) ||
      (!old.confirmedAt && old.confidence !== (m.confidence ?? 'high'))
    ) {
      await tx
        .updateTable('mention')
        .set({
          end_offset: m.end,
          alias_id: m.aliasId,
          alias_text: m.aliasText,
          snippet: m.snippet,
          snippet_offset: m.snippetStart,
          rule: m.rule ?? 'name',
          rule_detail: m.ruleDetail ?? null,
          confidence: old.confirmedAt ? 'high' : (m.confidence ?? 'high'),
        })
        .where('id', '=', Number(old.id))
        .execute()
      updated++
    }
  }
  const gone = existing.filter((m) => !keep.has(m.id)).map((m) => Number(m.id))
  // Delete first: a new mention may start where a vanished one did (unique per start).
  for (let i = 0; i < gone.length; i += 1000)
    await tx
      .deleteFrom('mention')
      .where('id', 'in', gone.slice(i, i + 1000))
      .execute()
  await insertMentions(tx, documentId, toInsert)
  return { added: toInsert.length, removed: gone.length, updated }
}

/** Every document, batch by batch; onProgress after each batch. */
export async function rescanAllDocuments(
  db: DB,
  onProgress?: (progress: RescanProgress) => void | Promise<void>,
  { batchSize = 25 }: { batchSize?: number } = {},
): Promise<{ documents: number; added: number; removed: number; updated: number }> {
  const total = Number(
    (
      await db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  const totals = { documents: 0, added: 0, removed: 0, updated: 0 }
  let afterId = 0
  for (;;) {
    const batch = await rescanDocuments(db, { afterId, limit: batchSize })
    totals.documents += batch.processed
    totals.added += batch.added
    totals.removed += batch.removed
    totals.updated += batch.updated
    await onProgress?.({ done: totals.documents, total: Math.max(total, totals.documents), lastId: batch.lastId })
    if (batch.done || batch.lastId === null) return totals
    afterId = batch.lastId
  }
}
