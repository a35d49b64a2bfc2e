import { defaultLocale, isLocale, type Locale, localName, type MessageKey, translate } from './index.ts'

// Page titles (the browser tab, the name a bookmark gets) in the reader's language.
// Remix's meta functions run outside React, so they read the locale from the root
// loader's data among the matches instead of from the i18n context.

type TitlePart =
  | MessageKey
  | { key: MessageKey; params: Record<string, string | number> }
  | { text: string }
  | { nameEn: string; nameZh: string }
  | null
  | undefined

interface MatchLike {
  id: string
  data?: unknown
}

export function localeOfMatches(matches: readonly MatchLike[]): Locale {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : defaultLocale()
}

/** `[{ title: 'ThemeRadar · <part> · <part>' }]`, each part translated or localised. */
export function pageTitle(matches: readonly MatchLike[], ...parts: TitlePart[]): { title: string }[] {
  const locale = localeOfMatches(matches)
  const words = parts.flatMap((part) => {
    if (!part) return []
    if (typeof part === 'string') return [translate(locale, part)]
    if ('key' in part) return [translate(locale, part.key, part.params)]
    if ('text' in part) return [part.text]
    return [localName(locale, part)]
  })
  return [{ title: ['ThemeRadar', ...words].join(' · ') }]
}
