import { sql } from 'kysely'

import { idiomsContaining } from '#app/mentions/idioms.ts'
import { buildMentionMatcher, type MentionAlias, type MentionMatcher, type MentionTicker } from '#app/mentions/index.ts'
import type { DB } from '#app/models/db.server.ts'

// The mention matcher is built from every alias of every company, every registry ticker
// and the topic words of every theme (~50 ms for thousands of aliases), and kept for the
// life of the process. Before each use a cheap fingerprint says whether it is still
// current: any added, removed or edited alias (text, company, language, kind, flags,
// negative context, ambiguity reason), ticker or theme topic word changes it, and the
// next use rebuilds.

export interface CachedMatcher {
  fingerprint: string
  matcher: MentionMatcher
}

/** What a matcher is built from: enough for a worker thread to build the same one (app/workers). */
export interface MatcherSource {
  fingerprint: string
  aliases: MentionAlias[]
  tickers: MentionTicker[]
  topicWords: string[]
  /** Every field but fingerprint and aliases is a buildMentionMatcher option: pass them all. */
  cjkVetoPhrases: string[]
}

const sources = new WeakMap<MentionMatcher, MatcherSource>()

/** The registry a matcher from getMentionMatcher was built from; undefined for any other matcher. */
export function matcherSource(matcher: MentionMatcher): MatcherSource | undefined {
  return sources.get(matcher)
}

let cached: CachedMatcher | undefined
let building: { fingerprint: string; promise: Promise<CachedMatcher> } | undefined

/**
 * Per table: count, max(id) and an md5 over every field the matcher reads, in id order.
 * One query, no rows shipped: measured ~5 ms for 10,000 aliases on PGlite
 * (tests/documents.test.ts). Arrays are joined with a unit that cannot be typed (chr(1)).
 */
export async function aliasFingerprint(db: DB): Promise<string> {
  const row = await sql<{ aliases: string; tickers: string; topics: string }>`
    select
      (select count(*) || ':' || coalesce(max(id), 0) || ':' || md5(coalesce(string_agg(
          id || ':' || company_id || ':' || language || ':' || kind || ':' || case_sensitive || ':' || is_ambiguous || ':' ||
          coalesce(ambiguous_reason, '') || ':' || array_to_string(negative_context, chr(1)) || ':' || text,
          chr(10) order by id), ''))
        from company_alias) as "aliases",
      (select count(*) || ':' || md5(coalesce(string_agg(company_id || ':' || exchange || ':' || code, chr(10) order by id), ''))
        from company_ticker) as "tickers",
      (select md5(coalesce(string_agg(distinct word, chr(10) order by word), ''))
        from theme, unnest(topic_words) as word) as "topics"`.execute(db)
  const { aliases, tickers, topics } = row.rows[0]
  return `${aliases}|${tickers}|${topics}`
}

async function loadAliases(db: DB): Promise<MentionAlias[]> {
  return db
    .selectFrom('company_alias')
    .select([
      'id',
      'company_id as companyId',
      'text',
      'language',
      'kind',
      'case_sensitive as caseSensitive',
      'is_ambiguous as isAmbiguous',
      'negative_context as negativeContext',
      'ambiguous_reason as ambiguousReason',
    ])
    .orderBy('id')
    .execute()
}

async function loadTickers(db: DB): Promise<MentionTicker[]> {
  return db.selectFrom('company_ticker').select(['company_id as companyId', 'exchange', 'code']).orderBy('id').execute()
}

/** The union of every theme's topic words: a mention is found once, whatever theme reads it. */
async function loadTopicWords(db: DB): Promise<string[]> {
  const rows = await sql<{ word: string }>`select distinct unnest(topic_words) as "word" from theme order by 1`.execute(db)
  return rows.rows.map((row) => row.word)
}

async function build(db: DB, fingerprint: string): Promise<CachedMatcher> {
  const aliases = await loadAliases(db)
  const tickers = await loadTickers(db)
  const topicWords = await loadTopicWords(db)
  // Idioms holding a short Chinese alias (快手快脚): read from jieba's dictionary once per process.
  const cjkVetoPhrases = idiomsContaining(aliases.map((alias) => alias.text))
  const matcher = buildMentionMatcher(aliases, { tickers, topicWords, cjkVetoPhrases })
  sources.set(matcher, { fingerprint, aliases, tickers, topicWords, cjkVetoPhrases })
  return { fingerprint, matcher }
}

/** The matcher for the aliases, tickers and topic words as they are now; rebuilt only when they changed. */
export async function getMentionMatcher(db: DB): Promise<CachedMatcher> {
  const fingerprint = await aliasFingerprint(db)
  if (cached?.fingerprint === fingerprint) return cached
  // Concurrent requests after a change share one build.
  if (building?.fingerprint === fingerprint) return building.promise
  const promise = build(db, fingerprint)
    .then((next) => {
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
