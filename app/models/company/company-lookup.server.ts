import type { DB } from '#app/models/db.server.ts'
import { normaliseAlias } from '#app/utils/normalise.ts'
import { parseTicker } from '#app/utils/ticker.ts'

export interface CompanyMatch {
  id: number
  nameEn: string
  nameZh: string
  matchedBy: 'ticker' | 'alias' | 'name'
}

/**
 * The one company a user means by a name, alias or ticker ("腾讯", "tencent", "0700.HK",
 * "700.hk", "Ｔｅｎｃｅｎｔ"), or null. Tickers are tried first because "BIDU" is both.
 * Used by watchlist import and anywhere a person types a company.
 */
export async function findCompanyByIdentifier(db: DB, text: string): Promise<CompanyMatch | null> {
  const trimmed = text.trim()
  if (!trimmed) return null
  const ticker = parseTicker(trimmed)
  if (ticker) {
    const row = await db
      .selectFrom('company_ticker')
      .innerJoin('company', 'company.id', 'company_ticker.company_id')
      .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh'])
      .where('company_ticker.exchange', '=', ticker.exchange)
      .where('company_ticker.code', '=', ticker.code)
      .executeTakeFirst()
    if (row) return { ...row, matchedBy: 'ticker' }
  }
  const key = normaliseAlias(trimmed)
  const alias = await db
    .selectFrom('company_alias')
    .innerJoin('company', 'company.id', 'company_alias.company_id')
    .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh'])
    .where('company_alias.normalised_text', '=', key)
    .executeTakeFirst()
  if (alias) return { ...alias, matchedBy: 'alias' }
  const byName = await db
    .selectFrom('company')
    .select(['id', 'name_en as nameEn', 'name_zh as nameZh'])
    .where((eb) => eb.or([eb(eb.fn('lower', ['name_en']), '=', key), eb('name_zh', '=', trimmed.normalize('NFKC'))]))
    .executeTakeFirst()
  return byName ? { ...byName, matchedBy: 'name' } : null
}
