import { sql } from 'kysely'

import { nameSegmenter } from '#app/mentions/name-segmenter.server.ts'
import { extractNewNames, type NewNameCandidate, newNameKey } from '#app/mentions/new-names.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

// Collecting names the registry does not know yet, per document. Re-running for a document
// replaces what it contributed (its sightings), so ingest, rescans and repeats agree.

/** A document contributes at most this many different names (a list of 5,000 suppliers stays bounded). */
export const MAX_NAMES_PER_DOCUMENT = 200
const MAX_SNIPPET = 1000

interface KnownNames {
  fingerprint: string
  keys: Set<string>
}

let known: KnownNames | undefined

/**
 * Every alias and company name, folded like candidate keys. Kept until the registry
 * changes: an alias added, removed or edited touches its company's updated_at, so company
 * count and latest update plus alias count and latest id say when to reload.
 */
async function knownNameKeys(db: DB): Promise<Set<string>> {
  const { rows } = await sql<{ fingerprint: string }>`
    select (select count(*) from company) || ':' || coalesce((select max(updated_at)::text from company), '') || ':' ||
      (select count(*) from company_alias) || ':' || coalesce((select max(id) from company_alias), 0) as "fingerprint"`.execute(db)
  const fingerprint = rows[0]!.fingerprint
  if (known?.fingerprint === fingerprint) return known.keys
  const [aliases, companies] = await Promise.all([
    db.selectFrom('company_alias').select('text').execute(),
    db.selectFrom('company').select(['name_en', 'name_zh']).execute(),
  ])
  const keys = new Set<string>()
  const add = (text: string | null) => {
    if (text?.trim()) keys.add(newNameKey(text, nameSegmenter.toSimplified))
  }
  for (const a of aliases) add(a.text)
  for (const c of companies) {
    add(c.name_en)
    add(c.name_zh)
  }
  known = { fingerprint, keys }
  return keys
}

interface Grouped {
  first: NewNameCandidate
  occurrences: number
}

function groupByKey(candidates: readonly NewNameCandidate[]): Grouped[] {
  const groups = new Map<string, Grouped>()
  for (const candidate of candidates) {
    const group = groups.get(candidate.key)
    if (group) group.occurrences++
    else if (groups.size < MAX_NAMES_PER_DOCUMENT) groups.set(candidate.key, { first: candidate, occurrences: 1 })
  }
  return [...groups.values()]
}

/** Where a stored mention is; its text is a known name, not a new one. */
interface MentionSpan {
  start: number
  end: number
  companyId: number
}

/**
 * Finds the new names in one stored document (after its mentions are stored) and replaces
 * its sightings. `stored`: the document's text and every mention it has, when the caller
 * just wrote them (an ingest), so they are not read back (3,200 rows: 20-30 ms on PGlite).
 */
export async function collectDocumentNewNames(
  db: DB,
  documentId: number,
  stored?: { body: string; mentions: readonly MentionSpan[] },
): Promise<{ names: number }> {
  const text = stored?.body ?? (await db.selectFrom('document').select('body').where('id', '=', documentId).executeTakeFirst())?.body
  if (text === undefined) return { names: 0 }
  const [mentions, keys] = await Promise.all([
    stored?.mentions ??
      db
        .selectFrom('mention')
        .select(['start_offset as start', 'end_offset as end', 'company_id as companyId'])
        .where('document_id', '=', documentId)
        .execute(),
    knownNameKeys(db),
  ])
  const groups = groupByKey(
    extractNewNames(text, { mentions, isKnownName: (key) => keys.has(key), segmenter: nameSegmenter }, { limit: 2000 }),
  )
  return inTransaction(db, async (tx) => {
    await tx.deleteFrom('new_name_sighting').where('document_id', '=', documentId).execute()
    if (!groups.length) return { names: 0 }
    const named = await tx
      .insertInto('new_name')
      .values(
        groups.map(({ first }) => ({
          key: first.key.slice(0, 200),
          display_text: first.text.slice(0, 200),
          language: first.language,
          kind: first.kind,
          owner_company_id: first.ownerCompanyId,
        })),
      )
      // A product seen before without its owner learns it now; otherwise the first sighting's form stays.
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ owner_company_id: sql`coalesce(new_name.owner_company_id, excluded.owner_company_id)` }),
      )
      .returning(['id', 'key'])
      .execute()
    const idOf = new Map(named.map((n) => [n.key, n.id]))
    await tx
      .insertInto('new_name_sighting')
      .values(
        groups.map(({ first, occurrences }) => {
          const snippet = first.snippet.slice(0, MAX_SNIPPET)
          const matchStart = Math.min(first.start - first.snippetStart, snippet.length)
          return {
            new_name_id: idOf.get(first.key.slice(0, 200))!,
            document_id: documentId,
            occurrences,
            snippet,
            match_start: matchStart,
            match_end: Math.min(first.end - first.snippetStart, snippet.length),
          }
        }),
      )
      .execute()
    return { names: groups.length }
  })
}

/** The rescan's batch: every document with afterId < id <= throughId. */
export async function collectNewNamesForDocuments(db: DB, { afterId, throughId }: { afterId: number; throughId: number | null }) {
  if (throughId === null) return
  const ids = await db.selectFrom('document').select('id').where('id', '>', afterId).where('id', '<=', throughId).orderBy('id').execute()
  for (const { id } of ids) await collectDocumentNewNames(db, id)
}
