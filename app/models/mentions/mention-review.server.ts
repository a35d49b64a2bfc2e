import { sql } from 'kysely'

import { foldAliasKey, reviewPhrase } from '#app/mentions/index.ts'
import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { Refusal, refusalFrom, type RefusalTable } from '#app/utils/refusal.ts'

import { refreshDocumentRelevance } from './mention-relevance.server.ts'
import { findRejectedMentions, type ReviewRuleMatch } from './mention-review-rules.server.ts'

// An analyst's verdict on one mention. "Not this company" becomes a rule (this alias in
// this phrase, or in this whole document) that removes the matching mentions now, in this
// document and in every other one of the company, and keeps them out of later ingests,
// rescans and rematches. The mention_week rollup follows by its triggers, so counts,
// charts, movers and alerts stop counting them in the same transaction. "Confirmed" marks
// the row; a rescan keeps it (same start, same company keeps the row).

export type RejectScope = 'phrase' | 'document'
type ReviewFailure = 'mentionNotFound' | 'ruleNotFound'

const REVIEW_REFUSALS: RefusalTable<ReviewFailure> = {
  mentionNotFound: { key: 'review.mentionNotFound', status: 404 },
  ruleNotFound: { key: 'review.ruleNotFound', status: 404 },
}

export class MentionReviewError extends Refusal {
  declare readonly reason: ReviewFailure

  constructor(reason: ReviewFailure) {
    super(reason, refusalFrom(REVIEW_REFUSALS, reason))
    this.name = 'MentionReviewError'
  }
}

/** Characters of the document either side of the match read to cut the phrase (more than PHRASE_RADIUS). */
const PHRASE_READ = 60

async function lockMention(tx: DB, mentionId: number) {
  const mention = await tx
    .selectFrom('mention')
    .select([
      'id',
      'document_id as documentId',
      'company_id as companyId',
      'alias_text as aliasText',
      'start_offset as start',
      'end_offset as end',
    ])
    .where('id', '=', mentionId)
    .forUpdate()
    .executeTakeFirst()
  if (!mention) throw new MentionReviewError('mentionNotFound')
  return mention
}

/** The document's text around a mention, and where the match sits in it. */
async function textAround(tx: DB, mention: { documentId: number; start: number; end: number }) {
  const from = Math.max(mention.start - PHRASE_READ, 0)
  // substr counts code points and JavaScript UTF-16 units: read generously, then cut by units.
  const row = await tx
    .selectFrom('document')
    .select(sql<string>`substr(body, 1, ${mention.end + PHRASE_READ})`.as('head'))
    .where('id', '=', mention.documentId)
    .executeTakeFirstOrThrow()
  return { text: row.head.slice(from, mention.end + PHRASE_READ), start: mention.start - from, end: mention.end - from }
}

/**
 * "Not this company": stores the rule, deletes every stored mention it covers (the one
 * reviewed included) and audits it. Making the same rule twice is harmless.
 */
export async function rejectMention(
  db: DB,
  actor: Actor,
  input: { mentionId: number; scope: RejectScope },
): Promise<{ ruleId: number; removed: number; documents: number }> {
  return inTransaction(db, async (tx) => {
    const mention = await lockMention(tx, input.mentionId)
    const around = input.scope === 'phrase' ? await textAround(tx, mention) : null
    const rule: ReviewRuleMatch = {
      companyId: mention.companyId,
      aliasKey: foldAliasKey(mention.aliasText).slice(0, 200),
      scope: input.scope,
      phrase: around ? reviewPhrase(around.text, around.start, around.end).slice(0, 400) : null,
      documentId: input.scope === 'document' ? mention.documentId : null,
    }
    await tx
      .insertInto('mention_review_rule')
      .values({
        company_id: rule.companyId,
        alias_key: rule.aliasKey,
        scope: rule.scope,
        phrase: rule.phrase,
        document_id: rule.documentId,
        created_by: actor.id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const saved = await tx
      .selectFrom('mention_review_rule')
      .select('id')
      .where('company_id', '=', rule.companyId)
      .where('alias_key', '=', rule.aliasKey)
      .where('scope', '=', rule.scope)
      .where(sql<boolean>`coalesce(phrase, '') = ${rule.phrase ?? ''} and coalesce(document_id, 0) = ${rule.documentId ?? 0}`)
      .executeTakeFirstOrThrow()
    const rejected = await findRejectedMentions(tx, rule)
    const ids = new Set([Number(mention.id), ...rejected.map((m) => m.id)])
    const documents = new Set([mention.documentId, ...rejected.map((m) => m.documentId)])
    const idList = [...ids]
    // One statement per thousand: the rollup triggers see each batch whole.
    for (let i = 0; i < idList.length; i += 1000)
      await tx
        .deleteFrom('mention')
        .where('id', 'in', idList.slice(i, i + 1000))
        .execute()
    for (const documentId of documents) await refreshDocumentRelevance(tx, documentId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'mention.reject',
      entityType: 'mention_review_rule',
      entityId: saved.id,
      oldValue: { mentionId: Number(mention.id), documentId: mention.documentId, aliasText: mention.aliasText },
      newValue: { ...rule, removed: ids.size, documents: documents.size },
      ip: actor.ip,
    })
    return { ruleId: saved.id, removed: ids.size, documents: documents.size }
  })
}

/** "Yes, this company": who and when, confidence high; the rule that admitted it stays. */
export async function confirmMention(db: DB, actor: Actor, mentionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const mention = await lockMention(tx, mentionId)
    await tx
      .updateTable('mention')
      .set({ confirmed_by: actor.id, confirmed_at: new Date(), confidence: 'high' })
      .where('id', '=', mentionId)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'mention.confirm',
      entityType: 'mention',
      entityId: mentionId,
      newValue: { documentId: mention.documentId, companyId: mention.companyId, aliasText: mention.aliasText, start: mention.start },
      ip: actor.ip,
    })
  })
}

/**
 * Deletes a rule. The mentions it removed come back with the company's next rematch
 * (the caller queues one): they are found again from the text, not kept anywhere.
 */
export async function deleteReviewRule(db: DB, actor: Actor, ruleId: number): Promise<{ companyId: number }> {
  return inTransaction(db, async (tx) => {
    const rule = await tx
      .deleteFrom('mention_review_rule')
      .where('id', '=', ruleId)
      .returning(['id', 'company_id as companyId', 'alias_key as aliasKey', 'scope', 'phrase', 'document_id as documentId'])
      .executeTakeFirst()
    if (!rule) throw new MentionReviewError('ruleNotFound')
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'mention.review_undo',
      entityType: 'mention_review_rule',
      entityId: ruleId,
      oldValue: rule,
      ip: actor.ip,
    })
    return { companyId: rule.companyId }
  })
}
