import { sql } from 'kysely'

import type { Mention, MentionConfidence, MentionMatcher, MentionRule } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { checkMentionReferences, skipRowChecksIfEmbedded } from './mention-references.server.ts'
import { refreshDocumentRelevance, relevanceOf } from './mention-relevance.server.ts'
import { dropRejectedRows } from './mention-review-rules.server.ts'

// Mentions as rows: finding them in a document's text, writing them in batches, and the
// per-company summary that ingestion and the document page both report. Every write
// leaves out what an analyst rejected (mention_review_rule) and sets each company's
// relevance for the document again, so ingest, bulk jobs, rescans and rematches agree.

/** mention.snippet is at most 1000 characters (a check constraint). */
const MAX_SNIPPET = 1000
/** mention.rule_detail is at most 200 characters (a check constraint). */
const MAX_RULE_DETAIL = 200
/** Rows per INSERT (one array parameter per column, so no parameter limit; a bound on one statement's size). */
export const MENTION_BATCH_SIZE = 5000

export interface MentionRow {
  companyId: number
  aliasId: number | null
  aliasText: string
  start: number
  end: number
  snippet: string
  /** Where the snippet starts in the document's text (mention.snippet_offset). */
  snippetStart: number
  /** Why it counted (defaults: 'name', no detail, 'high', as for rows stored before issue 12). */
  rule?: MentionRule
  ruleDetail?: string | null
  confidence?: MentionConfidence
}

export function findMentionRows(matcher: MentionMatcher, body: string): MentionRow[] {
  // No language filter: this team's Chinese reports write OpenAI and GPT-4V in Latin
  // letters and their English notes quote 百度, so every alias may match in every text.
  return mentionRowsOf(matcher.findMentions(body))
}

/** Mentions found elsewhere (a worker thread, app/workers) as rows to store. */
export function mentionRowsOf(mentions: readonly Mention[]): MentionRow[] {
  return mentions.map((m) => ({
    companyId: m.companyId,
    aliasId: m.aliasId,
    aliasText: m.aliasText,
    start: m.start,
    end: m.end,
    // Cut at the end only, so snippetStart still holds.
    snippet: m.snippet.length > MAX_SNIPPET ? m.snippet.slice(0, MAX_SNIPPET) : m.snippet,
    snippetStart: m.snippetStart,
    rule: m.rule,
    ruleDetail: m.ruleDetail === null ? null : m.ruleDetail.slice(0, MAX_RULE_DETAIL),
    confidence: m.confidence,
  }))
}

/**
 * Stores a document's mentions, less those a review rule rejects, and sets relevance for
 * every company of the document (rows stored before included). Returns the rows stored.
 * `rulesApplied`: the caller already left out what review rules reject (a rematch that
 * loads the rules once for many documents), so they are not read again.
 * `newDocument`: the text of a document stored in this transaction, which has no mentions
 * yet: relevance is worked out from it and written with the rows, rather than read back
 * and updated (3,200 rows of a 100-page report: ~90 ms less on PGlite).
 */
export async function insertMentions(
  db: DB,
  documentId: number,
  rows: readonly MentionRow[],
  batchSize = MENTION_BATCH_SIZE,
  { rulesApplied = false, newDocument }: { rulesApplied?: boolean; newDocument?: { title: string; body: string } } = {},
): Promise<MentionRow[]> {
  return inTransaction(db, async (tx) => {
    const kept = rulesApplied ? [...rows] : await dropRejectedRows(tx, documentId, rows)
    const relevance = newDocument ? relevanceOf(newDocument, kept) : null
    const checkOnce = kept.length > 0 && (await skipRowChecksIfEmbedded(tx))
    for (let i = 0; i < kept.length; i += batchSize) {
      // One array per column, unnested into rows: 11 parameters a statement whatever its size,
      // which PGlite and PostgreSQL parse in a fraction of the time of 11 per row (a 100-page
      // report's 3,200 mentions: ~0.3 s instead of ~1.1 s on PGlite).
      const batch = kept.slice(i, i + batchSize)
      const column = <T>(of: (m: MentionRow) => T) => batch.map(of)
      await sql`
        insert into mention (document_id, company_id, alias_id, alias_text, start_offset, end_offset, snippet, snippet_offset, rule, rule_detail, confidence, relevance)
        select ${documentId}::int, * from unnest(
          ${column((m) => m.companyId)}::int[], ${column((m) => m.aliasId)}::int[], ${column((m) => m.aliasText)}::text[],
          ${column((m) => m.start)}::int[], ${column((m) => m.end)}::int[], ${column((m) => m.snippet)}::text[],
          ${column((m) => m.snippetStart)}::int[], ${column((m) => m.rule ?? 'name')}::text[],
          ${column((m) => m.ruleDetail ?? null)}::text[], ${column((m) => m.confidence ?? 'high')}::text[],
          ${column((m) => relevance?.get(m.companyId) ?? 'passing')}::text[])`.execute(tx)
    }
    if (checkOnce) await checkMentionReferences(tx, documentId, kept)
    if (!relevance) await refreshDocumentRelevance(tx, documentId)
    return kept
  })
}

export interface CompanyMentionSummary {
  id: number
  name: string
  nameZh: string
  count: number
  /** How many of its mentions each rule admitted: { name: 3, ticker: 1, listed_with: 1 }. */
  rules: Partial<Record<MentionRule, number>>
}

/** Companies a document mentions, most mentioned first (then by English name). */
export async function summariseDocumentMentions(db: DB, documentId: number): Promise<CompanyMentionSummary[]> {
  const rows = await db
    .selectFrom('mention')
    .innerJoin('company', 'company.id', 'mention.company_id')
    .select(['company.id', 'company.name_en as name', 'company.name_zh as nameZh', 'mention.rule', sql<number>`count(*)::int`.as('count')])
    .where('mention.document_id', '=', documentId)
    .groupBy(['company.id', 'company.name_en', 'company.name_zh', 'mention.rule'])
    .execute()
  const byCompany = new Map<number, CompanyMentionSummary>()
  for (const { rule, count, ...company } of rows) {
    const summary = byCompany.get(company.id) ?? { ...company, count: 0, rules: {} }
    summary.count += count
    summary.rules[rule] = count
    byCompany.set(company.id, summary)
  }
  return [...byCompany.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
