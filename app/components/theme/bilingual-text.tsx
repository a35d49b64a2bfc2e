import type { ReactNode } from 'react'

import { formatDate, type Locale, useI18n } from '#app/i18n/index.ts'

// A text the team keeps in English and Chinese (thesis, summary, risks, catalysts,
// segment notes). The reader sees their language; the other is one click away in a
// <details> (works without JavaScript); a marker says when one language is missing or
// was saved before the other was last changed, so nobody reads a stale translation as
// current without knowing.

export type Lang = 'en' | 'zh'

export interface TextPair {
  en: string
  zh: string
  /** When each language was last saved (a Date, or its JSON string from a loader). */
  enUpdatedAt: Date | string | null
  zhUpdatedAt: Date | string | null
}

export const readerLang = (locale: Locale): Lang => (locale === 'zh-CN' ? 'zh' : 'en')
const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'zh' : 'en')
const time = (value: Date | string | null) => (value == null ? null : new Date(value).getTime())

export type PairState =
  { kind: 'empty' } | { kind: 'missing'; missing: Lang } | { kind: 'older'; older: Lang; newerOn: Date } | { kind: 'same' }

/** Which language is missing, or older than the other; pure, so the tests can check it without a page. */
export function pairState(pair: TextPair): PairState {
  const hasEn = pair.en.trim() !== ''
  const hasZh = pair.zh.trim() !== ''
  if (!hasEn && !hasZh) return { kind: 'empty' }
  if (!hasEn) return { kind: 'missing', missing: 'en' }
  if (!hasZh) return { kind: 'missing', missing: 'zh' }
  const en = time(pair.enUpdatedAt)
  const zh = time(pair.zhUpdatedAt)
  // A stamp is only missing for texts written before languages were tracked: nothing to compare.
  if (en == null || zh == null || en === zh) return { kind: 'same' }
  return en < zh ? { kind: 'older', older: 'en', newerOn: new Date(zh) } : { kind: 'older', older: 'zh', newerOn: new Date(en) }
}

/** "No Chinese version yet" / "The English version is older than the Chinese one (changed 3 Dec)". */
export function LanguageMarker({ pair, inline }: { pair: TextPair; inline?: boolean }) {
  const { t, locale } = useI18n()
  const state = pairState(pair)
  const Tag = inline ? 'span' : 'p'
  if (state.kind === 'missing')
    return <Tag className="language-marker missing">{t(state.missing === 'zh' ? 'bilingual.missingZh' : 'bilingual.missingEn')}</Tag>
  if (state.kind === 'older')
    return (
      <Tag className="language-marker older">
        {t(state.older === 'zh' ? 'bilingual.olderZh' : 'bilingual.olderEn', { date: formatDate(locale, state.newerOn) })}
      </Tag>
    )
  return null
}

interface Props {
  pair: TextPair
  /** How one language's text shows; plain text by default. */
  render?: (lang: Lang) => ReactNode
  /** Points and notes: a small toggle on the same line instead of under the text. */
  compact?: boolean
  className?: string
}

/** The reader's language, the other behind a "中文 / English" toggle, and the marker. */
export function BilingualText({ pair, render, compact, className }: Props) {
  const { t, locale } = useI18n()
  const state = pairState(pair)
  if (state.kind === 'empty') return null
  const mine = readerLang(locale)
  // Missing in the reader's language: show the other one, marked as such.
  const shown = state.kind === 'missing' && state.missing === mine ? otherLang(mine) : mine
  const other = otherLang(shown)
  const body = (lang: Lang) => (render ? render(lang) : pair[lang])
  const canToggle = state.kind !== 'missing'
  const Tag = compact ? 'span' : 'div'
  return (
    <Tag className={`bilingual ${compact ? 'compact' : ''} ${className ?? ''}`}>
      <Tag lang={shown === 'zh' ? 'zh-CN' : 'en'} className="bilingual-shown">
        {body(shown)}
      </Tag>
      <LanguageMarker pair={pair} inline={compact} />
      {canToggle ? (
        <details className="other-language">
          <summary title={t(other === 'zh' ? 'bilingual.showZh' : 'bilingual.showEn')}>{other === 'zh' ? '中文' : 'English'}</summary>
          <Tag lang={other === 'zh' ? 'zh-CN' : 'en'} className="bilingual-other">
            {body(other)}
          </Tag>
        </details>
      ) : null}
    </Tag>
  )
}
