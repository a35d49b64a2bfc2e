import { foldAliasKey, snippetHasPhrase } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// Applying "not this company" rules (mention_review_rule) to mentions about to be stored,
// and to mentions already stored when a rule is made. A document rule covers one alias of
// one company in one document; a phrase rule covers that alias in that wording anywhere.

export interface ReviewRuleMatch {
  companyId: number
  aliasKey: string
  scope: 'phrase' | 'document'
  phrase: string | null
  documentId: number | null
}

interface Reviewable {
  companyId: number
  aliasText: string
  snippet: string
  start: number
  end: number
  /** Where the snippet starts in the text; null on older rows that could not be placed. */
  snippetStart: number | null
}

function matchInSnippet(m: Reviewable): [number, number] | [] {
  return m.snippetStart === null ? [] : [m.start - m.snippetStart, m.end - m.snippetStart]
}

/** Whether one of the rules rejects a mention of `documentId`. */
export function isRejectedBy(rules: readonly ReviewRuleMatch[], documentId: number, mention: Reviewable): boolean {
  if (rules.length === 0) return false
  const key = foldAliasKey(mention.aliasText)
  return rules.some(
    (rule) =>
      rule.companyId === mention.companyId &&
      rule.aliasKey === key &&
      (rule.scope === 'document'
        ? rule.documentId === documentId
        : snippetHasPhrase(mention.snippet, rule.phrase ?? '', ...matchInSnippet(mention))),
  )
}

/** The rules that may apply to mentions of these companies in this document. */
export async function loadReviewRules(db: DB, documentId: number, companyIds: readonly number[]): Promise<ReviewRuleMatch[]> {
  if (companyIds.length === 0) return []
  return db
    .selectFrom('mention_review_rule')
    .select(['company_id as companyId', 'alias_key as aliasKey', 'scope', 'phrase', 'document_id as documentId'])
    .where('company_id', 'in', [...new Set(companyIds)])
    .where((eb) => eb.or([eb('scope', '=', 'phrase'), eb('document_id', '=', documentId)]))
    .execute()
}

/** The rows no rule rejects (one query for the rules, none when the companies have none). */
export async function dropRejectedRows<T extends Reviewable>(db: DB, documentId: number, rows: readonly T[]): Promise<T[]> {
  if (rows.length === 0) return []
  const rules = await loadReviewRules(
    db,
    documentId,
    rows.map((r) => r.companyId),
  )
  return rules.length ? rows.filter((row) => !isRejectedBy(rules, documentId, row)) : [...rows]
}

/**
 * Stored mentions a new rule rejects: the company's mentions through an alias with the
 * rule's key (in the rule's document, or whose snippet holds the phrase). Alias texts are
 * few per company, so they are folded here and the mentions are then read by text.
 */
export async function findRejectedMentions(db: DB, rule: ReviewRuleMatch): Promise<{ id: number; documentId: number }[]> {
  const texts = await db
    .selectFrom('mention')
    .select('alias_text as aliasText')
    .distinct()
    .where('company_id', '=', rule.companyId)
    .$if(rule.documentId !== null, (q) => q.where('document_id', '=', rule.documentId as number))
    .execute()
  const matching = texts.map((t) => t.aliasText).filter((text) => foldAliasKey(text) === rule.aliasKey)
  if (matching.length === 0) return []
  const rows = await db
    .selectFrom('mention')
    .select([
      'id',
      'document_id as documentId',
      'company_id as companyId',
      'alias_text as aliasText',
      'snippet',
      'snippet_offset as snippetStart',
      'start_offset as start',
      'end_offset as end',
    ])
    .where('company_id', '=', rule.companyId)
    .where('alias_text', 'in', matching)
    .$if(rule.documentId !== null, (q) => q.where('document_id', '=', rule.documentId as number))
    .execute()
  return rows.filter((row) => isRejectedBy([rule], row.documentId, row)).map((row) => ({ id: Number(row.id), documentId: row.documentId }))
}
