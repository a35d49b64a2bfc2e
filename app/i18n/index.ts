import { useRouteLoaderData } from '@remix-run/react'

import { messages as enMessages } from './en.ts'
import { messages as zhMessages } from './zh-CN.ts'

export type MessageKey = keyof typeof enMessages
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export const en: Record<MessageKey, string> = enMessages
export const zhCN: Record<MessageKey, string> = zhMessages
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN }

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN'
}

const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en'), 'zh-CN': new Intl.PluralRules('zh-CN') }

/**
 * Fills `{name}` placeholders. English also needs `{name|one|other}`: the word for one
 * or for any other number (`{count} {count|company|companies}`); Chinese never uses it.
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? en[key] ?? key
  const values = params ?? {}
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_whole, name: string, one: string, other: string) =>
      name in values && pluralRules[locale].select(Number(values[name])) === 'one' ? one : other,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

export function makeTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** First guess from Accept-Language: the best-weighted of zh* or en*, English otherwise. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return 'en'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return 'en'
}

/** The name of a bilingual thing in the reader's language, falling back to the other. */
export function localName(locale: Locale, thing: { nameEn: string; nameZh: string }): string {
  return locale === 'zh-CN' ? thing.nameZh || thing.nameEn : thing.nameEn || thing.nameZh
}

export function formatDate(locale: Locale, value: Date | string, timeZone = 'Asia/Shanghai'): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value
  const tz = typeof value === 'string' && value.length === 10 ? 'UTC' : timeZone
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: tz }).format(date)
}

export function formatDateTime(locale: Locale, value: Date | string, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(typeof value === 'string' ? new Date(value) : value)
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value)
}

interface RootI18nData {
  locale: Locale
  timeZone: string
}

/** The reader's locale and a t() bound to it, from the root loader. */
export function useI18n(): { locale: Locale; timeZone: string; t: Translate } {
  const data = useRouteLoaderData('root') as RootI18nData | undefined
  const locale = data?.locale ?? 'en'
  return { locale, timeZone: data?.timeZone ?? 'Asia/Shanghai', t: makeTranslate(locale) }
}
