import { Link } from '@remix-run/react'

import { localName, type MessageKey, type Translate } from '#app/i18n/index.ts'
import type { Locale } from '#db/types.ts'

// An audit entry as a sentence in the reader's language: "Wang Fang edited the watchlist
// Core AI", the object by name and linked. An action without a sentence yet (new code)
// still reads, with its code, rather than failing the page.

export interface SentenceEntry {
  action: string
  actorName: string | null
  entityType: string
  entityId: string | null
}

export interface SentenceTarget {
  nameEn: string
  nameZh: string
  href?: string
}

const WHO = '\u0001'
const WHAT = '\u0002'

export function objectLabel(t: Translate, entityType: string): string {
  const key = `auditObject.${entityType}` as MessageKey
  const text = t(key)
  return text === key ? entityType : text
}

/** The sentence as text pieces around the object, for the page (with a link) and the CSV. */
export function auditSentence(t: Translate, locale: Locale, entry: SentenceEntry, target: SentenceTarget | undefined) {
  const who = entry.actorName ?? t('audit.system')
  const what = target ? localName(locale, target) : entry.entityId ? `${objectLabel(t, entry.entityType)} #${entry.entityId}` : ''
  const key = `auditAction.${entry.action}` as MessageKey
  let template = t(key, { who: WHO, what: WHAT })
  if (template === key) template = t('audit.unknownAction', { who: WHO, what: WHAT, action: entry.action })
  const [head, tail = ''] = template.split(WHAT)
  return {
    before: head.replace(WHO, who),
    what: template.includes(WHAT) ? what : '',
    after: tail.replace(WHO, who),
    href: template.includes(WHAT) ? target?.href : undefined,
  }
}

export function sentenceText(parts: ReturnType<typeof auditSentence>): string {
  return `${parts.before}${parts.what}${parts.after}`
}

export function AuditSentence({
  t,
  locale,
  entry,
  target,
}: {
  t: Translate
  locale: Locale
  entry: SentenceEntry
  target?: SentenceTarget
}) {
  const parts = auditSentence(t, locale, entry, target)
  return (
    <>
      {parts.before}
      {parts.href ? <Link to={parts.href}>{parts.what}</Link> : parts.what ? <strong>{parts.what}</strong> : null}
      {parts.after}
    </>
  )
}
