import type { Kysely } from 'kysely'

import { normaliseAlias } from '#app/utils/normalise.ts'
import { parseTicker } from '#app/utils/ticker.ts'
import type { AliasKind, AliasLanguage, Database, Region, VendorType } from '#db/types.ts'

import { nextSeq } from './sequence.ts'

export interface AliasOverrides {
  text?: string
  language?: AliasLanguage
  kind?: AliasKind
  caseSensitive?: boolean
  ambiguous?: boolean
}

export interface CompanyOverrides {
  nameEn?: string
  nameZh?: string
  region?: Region
  isListed?: boolean
  vendorType?: VendorType
  website?: string | null
  notesMd?: string
  parentId?: number | null
  /** As a person types them ('0700.HK', 'BABA'); the first is primary. */
  tickers?: string[]
  /** Aliases besides the two names, which become aliases of kind 'name' as the app makes them. */
  aliases?: (string | AliasOverrides)[]
  modalityIds?: number[]
}

const CJK = /\p{Script=Han}/u
const guessLanguage = (text: string): AliasLanguage => (CJK.test(text) ? 'zh' : 'en')

/**
 * A company with its tickers, aliases and modalities, inserted directly (no audit row).
 * Defaults are unique per call: "Company 7" / "公司7号".
 */
export async function createCompany(db: Kysely<Database>, overrides: CompanyOverrides = {}) {
  const n = nextSeq()
  const nameEn = overrides.nameEn ?? `Company ${n}`
  const nameZh = overrides.nameZh ?? `公司${n}号`
  const region = overrides.region ?? 'domestic'
  const company = await db
    .insertInto('company')
    .values({
      name_en: nameEn,
      name_zh: nameZh,
      region,
      is_listed: overrides.isListed ?? (overrides.tickers?.length ?? 0) > 0,
      vendor_type: overrides.vendorType ?? 'model_company',
      website: overrides.website ?? null,
      notes_md: overrides.notesMd ?? '',
      parent_company_id: overrides.parentId ?? null,
    })
    .returning(['id', 'name_en as nameEn', 'name_zh as nameZh'])
    .executeTakeFirstOrThrow()
  const tickers = (overrides.tickers ?? []).map((text, index) => {
    const ticker = parseTicker(text)
    if (!ticker) throw new Error(`createCompany: "${text}" is not a ticker`)
    return { company_id: company.id, exchange: ticker.exchange, code: ticker.code, is_primary: index === 0 }
  })
  if (tickers.length) await db.insertInto('company_ticker').values(tickers).execute()
  // The names first, as the app stores them (an overseas English name is written as-is in Chinese notes).
  const aliases: AliasOverrides[] = [{ text: nameEn, language: region === 'overseas' ? 'any' : 'en' }]
  if (nameZh) aliases.push({ text: nameZh, language: 'zh' })
  for (const alias of overrides.aliases ?? []) aliases.push(typeof alias === 'string' ? { text: alias } : alias)
  const seen = new Set<string>()
  for (const alias of aliases) {
    const key = normaliseAlias(alias.text!)
    if (seen.has(key)) continue
    seen.add(key)
    await createAlias(db, { companyId: company.id, kind: 'name', ...alias })
  }
  if (overrides.modalityIds?.length) {
    await db
      .insertInto('company_modality')
      .values(overrides.modalityIds.map((modalityId) => ({ company_id: company.id, modality_id: modalityId })))
      .execute()
  }
  return company
}

/** An alias of a company; the language is guessed from the script unless given. */
export async function createAlias(db: Kysely<Database>, overrides: AliasOverrides & { companyId: number }) {
  const text = overrides.text ?? `alias ${nextSeq()}`
  return db
    .insertInto('company_alias')
    .values({
      company_id: overrides.companyId,
      text,
      normalised_text: normaliseAlias(text),
      language: overrides.language ?? guessLanguage(text),
      kind: overrides.kind ?? 'product',
      case_sensitive: overrides.caseSensitive ?? false,
      is_ambiguous: overrides.ambiguous ?? false,
    })
    .returning(['id', 'text'])
    .executeTakeFirstOrThrow()
}
