import { sql } from 'kysely'

import { SEARCH_TOKENIZER_VERSION, searchQueryOf, type SearchText, searchTextOf } from '#app/ingest/search-text.ts'
import type { DB } from '#app/models/db.server.ts'
import { Refusal } from '#app/utils/refusal.ts'
import type { DocumentLanguage } from '#db/types.ts'

import { findTermRanges, parseDocumentQuery, type SearchTerm, type Snippet, snippetOf, type TextRange } from './search-query.ts'

// Full-text search over every document (issue 13 section 3, decision 028). The index
// (document_search) is written here: at ingest, when a title changes, and by a backfill
// for documents stored before it existed or under an older tokenizer.

export const DOCUMENT_SEARCH_PAGE_SIZE = 20
/** Deeper pages are refused: nobody reads page 51, and OFFSET grows with it. */
export const DOCUMENT_SEARCH_MAX_PAGE = 50

function searchRow(id: number, title: string, body: string, known?: SearchText) {
  return { document_id: id, ...(known ?? searchTextOf(title, body)), version: SEARCH_TOKENIZER_VERSION }
}

async function writeSearchRows(db: DB, rows: ReturnType<typeof searchRow>[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('document_search')
    .values(rows.map((r) => ({ ...r, words: sql<string>`${r.words}::tsvector` })))
    .onConflict((oc) =>
      oc.column('document_id').doUpdateSet((eb) => ({
        words: eb.ref('excluded.words'),
        plain: eb.ref('excluded.plain'),
        version: eb.ref('excluded.version'),
      })),
    )
    .execute()
}

/**
 * (Re)indexes one document; pass title and body when the caller has them (ingest), and
 * their searchTextOf when it was worked out already (in a worker thread).
 */
export async function indexDocumentForSearch(
  db: DB,
  id: number,
  known?: { title: string; body: string; search?: SearchText | Promise<SearchText> },
): Promise<void> {
  const doc = known ?? (await db.selectFrom('document').select(['title', 'body']).where('id', '=', id).executeTakeFirst())
  if (doc) await writeSearchRows(db, [searchRow(id, doc.title, doc.body, await known?.search)])
}

/**
 * Indexes documents missing from the search index or indexed by an older tokenizer, in
 * batches (each its own statement, so a large backfill does not hold one long transaction).
 * Returns how many were indexed.
 */
export async function indexUnsearchedDocuments(db: DB, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200
  let total = 0
  for (;;) {
    const docs = await db
      .selectFrom('document as d')
      .leftJoin('document_search as s', 's.document_id', 'd.id')
      .select(['d.id', 'd.title', 'd.body'])
      .where((eb) => eb.or([eb('s.document_id', 'is', null), eb('s.version', '<>', SEARCH_TOKENIZER_VERSION)]))
      .orderBy('d.id')
      .limit(batchSize)
      .execute()
    if (docs.length === 0) return total
    await writeSearchRows(
      db,
      docs.map((d) => searchRow(d.id, d.title, d.body)),
    )
    total += docs.length
  }
}

export interface DocumentSearchInput {
  query: string
  companyId?: number | null
  publisher?: string | null
  language?: DocumentLanguage | null
  themeSlug?: string | null
  /** YYYY-MM-DD, inclusive, on the published date. */
  from?: string | null
  to?: string | null
  page?: number
  pageSize?: number
}

export interface DocumentSearchHit {
  id: number
  title: string
  titleMarks: TextRange[]
  publisher: string
  publishedOn: string | null
  language: DocumentLanguage
  snippet: Snippet
}

export interface DocumentSearchResult {
  total: number
  page: number
  pageSize: number
  hits: DocumentSearchHit[]
}

/** The query's terms, or a 400 Refusal naming what is wrong with it. */
export function requireSearchTerms(query: string): SearchTerm[] {
  const parsed = parseDocumentQuery(query)
  if (!parsed.ok) throw new Refusal(`document search: ${parsed.problem}`, { field: 'q', messageKey: `docsearch.error.${parsed.problem}` })
  return parsed.terms
}

/** Matching documents, most relevant first, then the newest; each with a marked snippet. */
export async function searchDocuments(db: DB, input: DocumentSearchInput): Promise<DocumentSearchResult> {
  const terms = requireSearchTerms(input.query)
  const pageSize = input.pageSize ?? DOCUMENT_SEARCH_PAGE_SIZE
  const page = Math.min(Math.max(1, input.page ?? 1), DOCUMENT_SEARCH_MAX_PAGE)
  const tsquery = sql`${searchQueryOf(terms.flatMap((t) => t.tokens))}::tsquery`
  // Ranked first on the index table alone, into narrow rows (materialized: otherwise the
  // planner carries every match's tsvector through the join and the count, and spills).
  let query = db
    .with(
      (cte) => cte('hits').materialized(),
      (cdb) => {
        let hits = cdb
          .selectFrom('document_search as s')
          .select(['s.document_id as id', sql<number>`ts_rank(s.words, ${tsquery})`.as('rank')])
          .where(sql<boolean>`s.words @@ ${tsquery}`)
        // Tokens are found by the index; a phrase is then checked against the folded text.
        for (const term of terms) if (term.phrase) hits = hits.where(sql<boolean>`strpos(s.plain, ${term.folded}) > 0`)
        return hits
      },
    )
    .selectFrom('hits as h')
    .innerJoin('document as d', 'd.id', 'h.id')
  if (input.companyId != null) {
    const companyId = input.companyId
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('mention as m').select('m.id').whereRef('m.document_id', '=', 'd.id').where('m.company_id', '=', companyId)),
    )
  }
  if (input.publisher) query = query.where('d.publisher', '=', input.publisher)
  if (input.language) query = query.where('d.language', '=', input.language)
  if (input.from) query = query.where('d.published_on', '>=', input.from)
  if (input.to) query = query.where('d.published_on', '<=', input.to)
  if (input.themeSlug) {
    const slug = input.themeSlug
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_theme as dt')
          .innerJoin('theme as t', 't.id', 'dt.theme_id')
          .select('dt.document_id')
          .whereRef('dt.document_id', '=', 'd.id')
          .where('t.slug', '=', slug),
      ),
    )
  }
  const rows = await query
    .select([
      'd.id',
      'd.title',
      'd.publisher',
      'd.published_on as publishedOn',
      'd.language',
      'h.rank',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('h.rank', 'desc')
    .orderBy(sql`d.published_on desc nulls last`)
    .orderBy('d.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  const bodies = await documentOpenings(
    db,
    rows.map((r) => r.id),
  )
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    page,
    pageSize,
    hits: rows.map((r) => ({
      id: r.id,
      title: r.title,
      titleMarks: findTermRanges(r.title, terms),
      publisher: r.publisher,
      publishedOn: r.publishedOn,
      language: r.language,
      snippet: snippetAround(bodies.get(r.id) ?? '', terms),
    })),
  }
}

/** Snippets look at most this far into a text (a match further in shows the opening). */
const SNIPPET_SCAN = 100_000

async function documentOpenings(db: DB, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('document')
    .select(['id', sql<string>`left(body, ${SNIPPET_SCAN})`.as('opening')])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.opening]))
}

/** Folding is per character: look near the start first, since most matches are there. */
function snippetAround(text: string, terms: readonly SearchTerm[]): Snippet {
  for (const reach of [4_000, 30_000, SNIPPET_SCAN]) {
    const part = text.slice(0, reach)
    const ranges = findTermRanges(part, terms)
    if (ranges.length > 0 || part.length === text.length) return snippetOf(text, ranges)
  }
  return snippetOf(text, [])
}

/** The document page's `?q=`: where the query's terms occur in the text, and the first few in context. */
export function documentSearchMatches(text: string, query: string) {
  const parsed = parseDocumentQuery(query)
  const ranges = parsed.ok ? findTermRanges(text, parsed.terms) : []
  // Up to three passages, each around the first match the one before did not show.
  const snippets: Snippet[] = []
  for (let i = 0; i < ranges.length && snippets.length < 3;) {
    const snippet = snippetOf(text, ranges.slice(i), 120)
    snippets.push(snippet)
    const shownTo = snippet.from + snippet.text.length
    while (i < ranges.length && ranges[i].end <= shownTo) i++
    if (snippet.marks.length === 0) i++
  }
  return { query, ranges, snippets }
}

export { MAX_QUERY_LENGTH, type Snippet, type TextRange } from './search-query.ts'
