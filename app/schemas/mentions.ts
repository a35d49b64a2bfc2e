import { z } from 'zod'

import { parseIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'

import { optionalText, requiredText } from './common.ts'
import { FeedUrlSchema } from './feed.ts'

// The mentions dashboard's address (scope, weeks, filters) and the admin's webhook form.

export const DEFAULT_WEEKS = 8
export const MAX_WEEKS = 104

export type ScopeKey = `theme-${number}` | `watchlist-${number}`

export interface MentionQuery {
  scope: { themeId: number } | { watchlistId: number } | null
  from: string
  to: string
  publisher?: string
  tag?: string
  language?: 'zh' | 'en' | 'mixed'
  /** 'about': count only documents about each company (title, opening paragraph or dense), not passing mentions. */
  relevance?: 'about'
}

export function scopeKey(scope: { themeId: number } | { watchlistId: number }): ScopeKey {
  return 'themeId' in scope ? `theme-${scope.themeId}` : `watchlist-${scope.watchlistId}`
}

function parseScope(value: string | null): MentionQuery['scope'] {
  const match = /^(theme|watchlist)-([1-9]\d{0,9})$/.exec(value ?? '')
  if (!match || Number(match[2]) > 2_147_483_647) return null
  return match[1] === 'theme' ? { themeId: Number(match[2]) } : { watchlistId: Number(match[2]) }
}

const LanguageSchema = z.enum(['zh', 'en', 'mixed'])

/**
 * Reads the dashboard's search params. A week that is not an ISO week, or a range that is
 * backwards or too long, is an error on that field (the page answers 400 and shows the
 * default range); unknown filter values are dropped. Default: the DEFAULT_WEEKS weeks
 * ending with the current week.
 */
export function parseMentionQuery(params: URLSearchParams, currentWeek: string): { query: MentionQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const text = (key: string, max: number) => {
    const value = (params.get(key) ?? '').trim()
    return value && value.length <= max ? value : undefined
  }
  const weekParam = (key: 'from' | 'to') => {
    const raw = (params.get(key) ?? '').trim().toUpperCase()
    if (!raw) return undefined
    if (!parseIsoWeek(raw)) {
      errors[key] = `mentions.error.week?week=${currentWeek}`
      return undefined
    }
    return raw
  }
  let to = weekParam('to') ?? currentWeek
  let from = weekParam('from') ?? shiftIsoWeek(to, -(DEFAULT_WEEKS - 1))
  if (from > to) {
    errors.from = 'mentions.error.order'
  } else if (from < shiftIsoWeek(to, -(MAX_WEEKS - 1))) {
    errors.from = `mentions.error.tooLong?max=${MAX_WEEKS}`
  }
  if (errors.from || errors.to) {
    to = errors.to ? currentWeek : to
    from = shiftIsoWeek(to, -(DEFAULT_WEEKS - 1))
  }
  const language = LanguageSchema.safeParse(params.get('language'))
  return {
    query: {
      scope: parseScope(params.get('scope')),
      from,
      to,
      publisher: text('publisher', 200),
      tag: text('tag', 50),
      language: language.success ? language.data : undefined,
      relevance: params.get('relevance') === 'about' ? 'about' : undefined,
    },
    errors,
  }
}

export const WebhookFormSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  name: requiredText(100),
  url: FeedUrlSchema.pipe(z.string().max(2000)),
  format: z.enum(['generic', 'wecom', 'dingtalk', 'feishu'], { error: 'validation.choice' }),
  enabled: optionalText(10).transform((v) => v === 'on' || v === 'true'),
  /** Missing (an older form): a new webhook posts at once, an edit keeps its mode. */
  delivery: z.enum(['immediate', 'daily', 'weekly'], { error: 'validation.choice' }).optional(),
})

/** "Send a test message" to one webhook. */
export const WebhookTestSchema = z.object({ id: z.coerce.number().int().positive() })
