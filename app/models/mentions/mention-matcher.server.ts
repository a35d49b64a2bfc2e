import { sql } from 'kysely'

import { buildMentionMatcher, type MentionAlias, type MentionMatcher } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// The mention matcher is built from every alias of every company (~50 ms for thousands of
// aliases) and kept for the life of the process. Before each use a cheap fingerprint of
// the alias table says whether it is still current: any added, removed or edited alias
// (text, company, language, kind, flags) changes it, and the next use rebuilds.

export interface CachedMatcher {
  fingerprint: string
  matcher: MentionMatcher
}

let cached: CachedMatcher | undefined
let building: { fingerprint: string; promise: Promise<CachedMatcher> } | undefined

/**
 * count, max(id) and an md5 over every field the matcher reads, in id order. One query,
 * no rows shipped: measured ~5 ms for 10,000 aliases on PGlite (tests/documents.test.ts).
 */
export async function aliasFingerprint(db: DB): Promise<string> {
  const row = await sql<{ n: number; maxId: number | null; digest: string }>`
    select count(*)::int as "n", max(id) as "maxId",
      md5(coalesce(string_agg(
        id || ':' || company_id || ':' || language || ':' || kind || ':' || case_sensitive || ':' || is_ambiguous || ':' || text,
        chr(10) order by id), '')) as "digest"
    from company_alias`.execute(db)
  const { n, maxId, digest } = row.rows[0]
  return `${n}:${maxId ?? 0}:${digest}`
}

async function loadAliases(db: DB): Promise<MentionAlias[]> {
  const rows = await db
    .selectFrom('company_alias')
    .select(['id', 'company_id as companyId', 'text', 'language', 'kind', 'case_sensitive as caseSensitive', 'is_ambiguous as isAmbiguous'])
    .orderBy('id')
    .execute()
  return rows
}

/** The matcher for the aliases as they are now; rebuilt only when they changed. */
export async function getMentionMatcher(db: DB): Promise<CachedMatcher> {
  const fingerprint = await aliasFingerprint(db)
  if (cached?.fingerprint === fingerprint) return cached
  // Concurrent requests after an alias change share one build.
  if (building?.fingerprint === fingerprint) return building.promise
  const promise = loadAliases(db)
    .then((aliases) => {
      const next = { fingerprint, matcher: buildMentionMatcher(aliases) }
      cached = next
      return next
    })
    .finally(() => {
      if (building?.promise === promise) building = undefined
    })
  building = { fingerprint, promise }
  return promise
}

/** Forgets the cached matcher (tests, or after a failed write that hinted it was stale). */
export function clearMentionMatcherCache(): void {
  cached = undefined
  building = undefined
}
