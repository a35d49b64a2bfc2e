import { z } from 'zod'

import { parseTicker, type Ticker, tickerKey } from '#app/utils/ticker.ts'

import { IdSchema, optionalText, requiredText } from './common.ts'
import { contextWordsField, NEGATIVE_CONTEXT_MAX_WORDS } from './context-words.ts'

// Forms of the company registry: the create form, the profile editor and the inline
// alias/ticker/modality edits on the company page (one `intent` per form).

export const REGIONS = ['domestic', 'overseas'] as const
export const VENDOR_TYPES = ['big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform'] as const
export const ALIAS_LANGUAGES = ['zh', 'en', 'any'] as const
export const ALIAS_KINDS = ['name', 'short_name', 'product', 'ticker'] as const

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.choice' })

// An unticked checkbox is simply absent from the form.
const checkbox = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v.includes('on') || v.includes('true') : v === 'on' || v === 'true'))

const optionalId = z
  .union([z.literal(''), IdSchema])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))

// "openai.com" is what people paste; the database only takes http(s) addresses.
const website = z
  .string()
  .trim()
  .max(500, { error: 'validation.tooLong?max=500' })
  .optional()
  .transform((v) => (!v ? null : /^https?:\/\//i.test(v) ? v : `https://${v}`))
  .refine((v) => v === null || /^https?:\/\/[^\s/$.?#][^\s.]*\.\S+$/i.test(v) || /^https?:\/\/localhost/i.test(v), {
    error: 'companyEdit.websiteInvalid',
  })

const ids = z
  .union([IdSchema, z.array(IdSchema)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))

const profileFields = {
  nameEn: requiredText(200),
  nameZh: optionalText(200),
  region: choice(REGIONS),
  listing: choice(['listed', 'private'] as const),
  vendorType: choice(VENDOR_TYPES),
  website,
  parentId: optionalId,
  notesMd: optionalText(100_000),
}

export const CompanyProfileSchema = z.object(profileFields)
export type CompanyProfileInput = z.output<typeof CompanyProfileSchema>

export const NewCompanySchema = z.object({
  ...profileFields,
  tickers: optionalText(500),
  aliases: optionalText(10_000).refine((text) => text.split('\n').every((line) => line.trim().length <= 200), {
    error: 'validation.tooLong?max=200',
  }),
  modalityIds: ids,
})

const aliasFields = {
  text: requiredText(200),
  language: choice(ALIAS_LANGUAGES),
  kind: choice(ALIAS_KINDS),
  caseSensitive: checkbox,
  ambiguous: checkbox,
  negativeContext: contextWordsField(NEGATIVE_CONTEXT_MAX_WORDS),
}

export const CompanyEditSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('profile'), ...profileFields }),
    z.object({ intent: z.literal('addTicker'), ticker: requiredText(32), primary: checkbox }),
    z.object({ intent: z.literal('removeTicker'), tickerId: IdSchema }),
    z.object({ intent: z.literal('primaryTicker'), tickerId: IdSchema }),
    z.object({ intent: z.literal('addAlias'), ...aliasFields }),
    z.object({ intent: z.literal('updateAlias'), aliasId: IdSchema, ...aliasFields }),
    z.object({ intent: z.literal('removeAlias'), aliasId: IdSchema }),
    z.object({ intent: z.literal('modalities'), modalityIds: ids }),
  ],
  { error: 'validation.invalid' },
)
export type CompanyEdit = z.output<typeof CompanyEditSchema>

export type TickerListResult = { ok: true; tickers: Ticker[] } | { ok: false; bad: string }

/**
 * The tickers field: separated by commas, semicolons, 、 or new lines, or by spaces when a
 * part is not itself one ticker ("700 HK" is one, "BABA 9988.HK" is two). Duplicates in
 * any house style (600519.SS, 600519.SH) collapse to one.
 */
export function parseTickerList(text: string): TickerListResult {
  const tickers = new Map<string, Ticker>()
  for (const part of text
    .split(/[,，;；、\n]+/u)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const whole = parseTicker(part)
    const pieces = whole ? [whole] : part.split(/\s+/u).map((piece) => ({ piece, ticker: parseTicker(piece) }))
    for (const item of pieces) {
      if ('piece' in item) {
        if (!item.ticker) return { ok: false, bad: item.piece }
        tickers.set(tickerKey(item.ticker), item.ticker)
      } else {
        tickers.set(tickerKey(item), item)
      }
    }
  }
  return { ok: true, tickers: [...tickers.values()] }
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u

/** A guess at an alias's language from its script: Latin-script names appear verbatim in Chinese notes. */
export function guessAliasLanguage(text: string): 'zh' | 'any' {
  return CJK.test(text) ? 'zh' : 'any'
}

/** The alias lines of the create form, blank lines dropped. */
export function aliasLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** A field error code with parameters, as fieldError() in app/components/form.tsx reads it. */
export function messageCode(key: string, params: Record<string, string>): string {
  return `${key}?${new URLSearchParams(params).toString()}`
}
