import { sql } from 'kysely'

import type { Mention, MentionMatcher } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// Mentions as rows: finding them in a document's text, writing them in batches, and the
// per-company summary that ingestion and the document page both report.

/** mention.snippet is at most 1000 characters (a check constraint). */
const MAX_SNIPPET = 1000
/** Rows per INSERT: 8 parameters a row stays far below PostgreSQL's 65,535. */
export const MENTION_BATCH_SIZE = 1000

export interface MentionRow {
  companyId: number
  aliasId: number | null
  aliasText: string
  start: number
  end: number
  snippet: string
  /** Where the snippet starts in the document's text (mention.snippet_offset). */
  snippetStart: number
}

export function findMentionRows(matcher: MentionMatcher, body: string): MentionRow[] {
  // No language filter: this team's Chinese reports write OpenAI and GPT-4V in Latin
  // letters and their English notes quote 百度, so every alias may match in every text.
  return matcher.findMentions(body).map((m: Mention) => ({
    companyId: m.companyId,
    aliasId: m.aliasId,
    aliasText: m.aliasText,
    start: m.start,
    end: m.end,
    // Cut at the end only, so snippetStart still holds.
    snippet: m.snippet.length > MAX_SNIPPET ? m.snippet.slice(0, MAX_SNIPPET) : m.snippet,
    snippetStart: m.snippetStart,
  }))
}

export async function insertMentions(
  db: DB,
  documentId: number,
  rows: readonly MentionRow[],
  batchSize = MENTION_BATCH_SIZE,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insertInto('mention')
      .values(
        rows.slice(i, i + batchSize).map((m) => ({
          document_id: documentId,
          company_id: m.companyId,
          alias_id: m.aliasId,
          alias_text: m.aliasText,
          start_offset: m.start,
          end_offset: m.end,
          snippet: m.snippet,
          snippet_offset: m.snippetStart,
        })),
      )
      .execute()
  }
}

export interface CompanyMentionSummary {
  id: number
  name: string
  nameZh: string
  count: number
}

/** Companies a document mentions, most mentioned first (then by English name). */
export async function summariseDocumentMentions(db: DB, documentId: number): Promise<CompanyMentionSummary[]> {
  const rows = await db
    .selectFrom('mention')
    .innerJoin('company', 'company.id', 'mention.company_id')
    .select(['company.id', 'company.name_en as name', 'company.name_zh as nameZh', sql<number>`count(*)::int`.as('count')])
    .where('mention.document_id', '=', documentId)
    .groupBy(['company.id', 'company.name_en', 'company.name_zh'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('company.name_en')
    .execute()
  return rows
}
