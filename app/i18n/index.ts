import { useRouteLoaderData } from '@remix-run/react'

import { dateTimeFormat, numberFormat } from '#app/utils/intl-formats.ts'

import type { messages as enMessages } from './en.ts'

export type MessageKey = keyof typeof enMessages
export type Messages = Record<MessageKey, string>
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

// The browser holds only the reader's language: each language is a chunk of its own (en.ts,
// zh-CN.ts), loaded by entry.client.tsx before hydration and by the root's clientLoader when
// the language changes. The server holds both (messages.server.ts registers them).
const catalogs: Partial<Record<Locale, Messages>> = {}
let lastLoaded: Locale = 'en'

export function registerMessages(locale: Locale, messages: Messages): void {
  catalogs[locale] = messages
}

/** Loads a language's messages in the browser (once); t() in that language works afterwards. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (!catalogs[locale]) {
    // Two literal import() calls so the bundler makes one chunk per language.
    const { messages } = locale === 'zh-CN' ? await import('./zh-CN.ts') : await import('./en.ts')
    registerMessages(locale, messages)
  }
  lastLoaded = locale
}

/**
 * The language to speak when the root loader has no data (the root error boundary): in the
 * browser the one loaded last, which is what the page was in; on the server English.
 */
export function defaultLocale(): Locale {
  return lastLoaded
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN'
}

const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en'), 'zh-CN': new Intl.PluralRules('zh-CN') }

/**
 * Fills `{name}` placeholders. English also needs `{name|one|other}`: the word for one
 * or for any other number (`{count} {count|company|companies}`); Chinese never uses it.
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale]?.[key] ?? key
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
  return dateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: tz }).format(date)
}

export function formatDateTime(locale: Locale, value: Date | string, timeZone = 'Asia/Shanghai'): string {
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(typeof value === 'string' ? new Date(value) : value)
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value)
}

interface RootI18nData {
  locale: Locale
  timeZone: string
}

/** The reader's locale and a t() bound to it, from the root loader. */
export function useI18n(): { locale: Locale; timeZone: string; t: Translate } {
  const data = useRouteLoaderData('root') as RootI18nData | undefined
  const locale = data?.locale ?? defaultLocale()
  return { locale, timeZone: data?.timeZone ?? 'Asia/Shanghai', t: makeTranslate(locale) }
}
