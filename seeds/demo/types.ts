import type { AliasKind, AliasLanguage, Audience, CompanyRole, Exposure, Region, ThemeStance, ThemeStatus, VendorType } from '#db/types.ts'

// Shapes of the demo data set. Rows refer to each other by natural key (a company's
// name_en, a modality's slug), never by id, so the data reads on its own and the loader
// resolves ids whatever the database already holds.

export type ModalitySlug = 'text' | 'image' | 'video' | 'audio' | '3d' | 'any-to-any'

export interface DemoAlias {
  text: string
  language: AliasLanguage
  kind: AliasKind
  /** Match only with this exact case (CLIP the model, not "clip" the word). */
  caseSensitive: boolean
  /** Also an everyday word or a name of something else: a match needs a second look. */
  ambiguous: boolean
  /** Why it is ambiguous (company_alias.ambiguous_reason): english_word, chinese_word or set_by_user. */
  ambiguousReason: AmbiguousReason | null
  /** Words that, near a match, mean it is not this company (company_alias.negative_context). */
  negativeContext: string[]
}

/** The reasons the alias editor knows: an ordinary English or Chinese word, or a person's call. */
export type AmbiguousReason = 'english_word' | 'chinese_word' | 'set_by_user'

export interface DemoCompany {
  nameEn: string
  nameZh: string
  region: Region
  isListed: boolean
  vendorType: VendorType
  /** name_en of the parent company, listed earlier in DEMO_COMPANIES. */
  parent?: string
  website?: string
  notesMd: string
  /** As a person would type them; the loader normalises with parseTicker. First is primary. */
  tickers: string[]
  aliases: DemoAlias[]
  modalities: ModalitySlug[]
}

export interface DemoModality {
  slug: ModalitySlug
  nameEn: string
  nameZh: string
  descriptionEn: string
  descriptionZh: string
}

export interface DemoDimension {
  slug: string
  nameEn: string
  nameZh: string
}

export interface DemoRubric {
  slug: string
  nameEn: string
  nameZh: string
  levels: Array<{ level: number; nameEn: string; nameZh: string; descriptionEn: string; descriptionZh: string }>
}

export interface DemoThemePoint {
  kind: 'risk' | 'catalyst'
  textEn: string
  textZh: string
  expectedOn?: string
}

export interface DemoTheme {
  slug: string
  nameEn: string
  nameZh: string
  summaryEn: string
  summaryZh: string
  thesisMd: string
  /** The thesis for Chinese readers (theme.thesis_zh_md); thesisMd is the English one. */
  thesisZhMd?: string
  stance: ThemeStance
  status: ThemeStatus
  rubric: string
  points: DemoThemePoint[]
  /** Words that tell an ambiguous alias it is in the theme's world (视频生成, text-to-image): theme.topic_words. */
  topicWords: string[]
}

export interface DemoSegment {
  audience: Audience
  slug: string
  nameEn: string
  nameZh: string
  noteEn: string
  noteZh: string
  companies: Array<{ company: string; note: string }>
}

export interface DemoThemeCompany {
  company: string
  role: CompanyRole
  exposure: Exposure
  note: string
}

export interface DemoDataStock {
  slug: string
  nameEn: string
  nameZh: string
  estimates: Array<{ source: string; estimatedOn: string; yearFrom: number; yearTo: number; note: string }>
}

export interface DemoWatchlist {
  name: string
  description: string
  /** Slug of the theme the list belongs to, if any. */
  theme?: string
  entries: Array<{ company: string; rationale: string; tags: string[] }>
}

type AliasFlags = {
  caseSensitive?: boolean
  /** Ambiguous, and why: also an ordinary word, or the demo team's call (SAM, Claude). */
  ambiguous?: AmbiguousReason
  /** Negative context: words that mean the alias is not this company. */
  not?: readonly string[]
}

function alias(text: string, language: AliasLanguage, kind: AliasKind, flags: AliasFlags = {}): DemoAlias {
  return {
    text,
    language,
    kind,
    caseSensitive: flags.caseSensitive ?? false,
    ambiguous: flags.ambiguous !== undefined,
    ambiguousReason: flags.ambiguous ?? null,
    negativeContext: [...(flags.not ?? [])],
  }
}

// Short constructors keep the company table readable.
export const name = (text: string, language: AliasLanguage, flags?: AliasFlags) => alias(text, language, 'name', flags)
export const short = (text: string, language: AliasLanguage, flags?: AliasFlags) => alias(text, language, 'short_name', flags)
export const product = (text: string, language: AliasLanguage, flags?: AliasFlags) => alias(text, language, 'product', flags)
// Symbols are upper-case words that collide with ordinary text when folded (BABA, ZH).
export const symbol = (text: string) => alias(text, 'any', 'ticker', { caseSensitive: true })
