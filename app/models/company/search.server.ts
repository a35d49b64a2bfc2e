import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { normaliseAlias, normaliseText } from '#app/utils/normalise.ts'
import { formatTicker, parseTicker } from '#app/utils/ticker.ts'
import type { AliasKind, Exchange, ThemeStatus } from '#db/types.ts'

// The header's search box: companies by alias, ticker or name, and themes by name or slug.
// Text is folded like aliases are (NFKC, lower case), so full-width and mixed-case input
// finds the same rows; a second comparison with all spaces removed lets "Ｏｐｅｎ ＡＩ"
// find the alias "OpenAI". Plain LIKE on folded text, because PGlite has no pg_trgm.

export const SEARCH_LIMIT = 20
/** Exact beats prefix beats substring. */
export type MatchRank = 0 | 1 | 2

export interface CompanyHit {
  id: number
  nameEn: string
  nameZh: string
  isListed: boolean
  tickers: { exchange: Exchange; code: string }[]
  match: { by: 'ticker' | 'alias' | 'name'; text: string; kind: AliasKind | null; rank: MatchRank }
}

export interface ThemeHit {
  slug: string
  nameEn: string
  nameZh: string
  summaryEn: string
  summaryZh: string
  status: ThemeStatus
  rank: MatchRank
}

export interface SearchResults {
  query: string
  companies: CompanyHit[]
  themes: ThemeHit[]
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&')
const compactOf = (text: string) => text.replace(/\s+/gu, '')

/** How well one stored text matches the query, or null: compares both spaced and compact forms. */
export function rankMatch(candidate: string, key: string): MatchRank | null {
  const folded = normaliseText(candidate)
  const compactKey = compactOf(key)
  const compact = compactOf(folded)
  if (folded === key || compact === compactKey) return 0
  if (folded.startsWith(key) || compact.startsWith(compactKey)) return 1
  if (folded.includes(key) || compact.includes(compactKey)) return 2
  return null
}

export async function searchEverything(db: DB, query: string): Promise<SearchResults> {
  const text = query.trim().slice(0, 100)
  const key = normaliseAlias(text)
  if (!key) return { query: text, companies: [], themes: [] }
  const [companies, themes] = await Promise.all([searchCompanies(db, text, key), searchThemes(db, key)])
  return { query: text, companies, themes }
}

type Best = Map<number, CompanyHit['match']>

function offer(best: Best, id: number, match: CompanyHit['match']) {
  const current = best.get(id)
  // Tickers first on a tie: "BIDU" typed is more likely the symbol than the alias.
  const order = { ticker: 0, alias: 1, name: 2 }
  if (!current || match.rank < current.rank || (match.rank === current.rank && order[match.by] < order[current.by])) best.set(id, match)
}

/**
 * Every company the header search would find for this text (not only its first 20), best
 * match first: the /companies filter uses it so both find the same companies.
 */
export async function findCompanyIds(db: DB, query: string): Promise<number[]> {
  const text = query.trim().slice(0, 100)
  const key = normaliseAlias(text)
  if (!key) return []
  const best = await matchCompanies(db, text, key)
  return [...best.entries()].sort((a, b) => a[1].rank - b[1].rank).map(([id]) => id)
}

async function searchCompanies(db: DB, text: string, key: string): Promise<CompanyHit[]> {
  const best = await matchCompanies(db, text, key)
  if (best.size === 0) return []
  const rows = await db
    .selectFrom('company')
    .select(['id', 'name_en as nameEn', 'name_zh as nameZh', 'is_listed as isListed'])
    .where('id', 'in', [...best.keys()])
    .execute()
  const ranked = rows
    .map((c) => ({ ...c, match: best.get(c.id)! }))
    .sort((a, b) => a.match.rank - b.match.rank || a.nameEn.localeCompare(b.nameEn))
    .slice(0, SEARCH_LIMIT)
  const tickerRows = await db
    .selectFrom('company_ticker')
    .select(['company_id as companyId', 'exchange', 'code'])
    .where(
      'company_id',
      'in',
      ranked.map((c) => c.id),
    )
    .orderBy('is_primary', 'desc')
    .orderBy('exchange')
    .execute()
  return ranked.map((c) => ({
    ...c,
    tickers: tickerRows.filter((t) => t.companyId === c.id).map(({ exchange, code }) => ({ exchange, code })),
  }))
}

async function matchCompanies(db: DB, text: string, key: string): Promise<Best> {
  const like = `%${escapeLike(key)}%`
  const compactLike = `%${escapeLike(compactOf(key))}%`
  const ticker = parseTicker(text)
  // A code being typed ("3004", "BAB") matches tickers that start with it.
  const codePrefix = text.normalize('NFKC').toUpperCase().replace(/\s+/gu, '')
  const best: Best = new Map()

  const [aliases, names, tickers] = await Promise.all([
    db
      .selectFrom('company_alias')
      .select(['company_id as companyId', 'text', 'normalised_text as normalised', 'kind'])
      .where((eb) => eb.or([eb('normalised_text', 'like', like), eb(sql<string>`replace(normalised_text, ' ', '')`, 'like', compactLike)]))
      .limit(1000)
      .execute(),
    db
      .selectFrom('company')
      .select(['id', 'name_en as nameEn', 'name_zh as nameZh'])
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(name_en)`, 'like', like),
          eb(sql<string>`lower(name_zh)`, 'like', like),
          eb(sql<string>`replace(lower(name_en), ' ', '')`, 'like', compactLike),
          eb(sql<string>`replace(lower(name_zh), ' ', '')`, 'like', compactLike),
        ]),
      )
      .limit(1000)
      .execute(),
    ticker || /^[A-Z0-9.]{2,10}$/u.test(codePrefix)
      ? db
          .selectFrom('company_ticker')
          .select(['company_id as companyId', 'exchange', 'code'])
          .where((eb) => {
            const any = [eb('code', 'like', `${escapeLike(codePrefix)}%`)]
            if (ticker) any.push(eb.and([eb('exchange', '=', ticker.exchange), eb('code', '=', ticker.code)]))
            return eb.or(any)
          })
          .limit(1000)
          .execute()
      : [],
  ])

  for (const t of tickers) {
    const exact = ticker && t.exchange === ticker.exchange && t.code === ticker.code
    offer(best, t.companyId, { by: 'ticker', text: formatTicker(t), kind: null, rank: exact ? 0 : 1 })
  }
  for (const a of aliases) {
    const rank = rankMatch(a.normalised, key)
    if (rank !== null) offer(best, a.companyId, { by: 'alias', text: a.text, kind: a.kind, rank })
  }
  for (const n of names) {
    for (const name of [n.nameEn, n.nameZh]) {
      const rank = name ? rankMatch(name, key) : null
      if (rank !== null) offer(best, n.id, { by: 'name', text: name, kind: null, rank })
    }
  }
  return best
}

async function searchThemes(db: DB, key: string): Promise<ThemeHit[]> {
  const like = `%${escapeLike(key)}%`
  const compactLike = `%${escapeLike(compactOf(key))}%`
  const rows = await db
    .selectFrom('theme')
    .select(['slug', 'name_en as nameEn', 'name_zh as nameZh', 'summary_en as summaryEn', 'summary_zh as summaryZh', 'status'])
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(name_en)`, 'like', like),
        eb(sql<string>`lower(name_zh)`, 'like', like),
        eb('slug', 'like', like),
        eb(sql<string>`replace(lower(name_en), ' ', '')`, 'like', compactLike),
        eb(sql<string>`replace(lower(name_zh), ' ', '')`, 'like', compactLike),
        // "multimodal ai" against the slug "multimodal-ai"
        eb(sql<string>`replace(slug, '-', '')`, 'like', compactLike),
      ]),
    )
    .limit(500)
    .execute()
  return rows
    .map((t) => {
      const ranks = [t.nameEn, t.nameZh, t.slug, t.slug.replace(/-/g, ' ')]
        .map((s) => rankMatch(s, key))
        .filter((r): r is MatchRank => r !== null)
      return { ...t, rank: (ranks.length ? Math.min(...ranks) : 2) as MatchRank }
    })
    .sort((a, b) => a.rank - b.rank || a.nameEn.localeCompare(b.nameEn))
    .slice(0, SEARCH_LIMIT)
}
