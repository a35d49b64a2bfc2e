import type { MentionRow } from './document-mentions.server.ts'

// When a rematch may leave a document alone: its stored mentions of the company are the
// same rows as the ones found again. Pure, so the rule is read and tested on its own.

/** What makes two stored mentions the same for a rematch (the snippet follows from the offsets). */
export interface RematchKey {
  companyId: number
  aliasId: number | null
  aliasText: string
  start: number
  end: number
  rule: string
  ruleDetail: string | null
  confidence: string
  /** A person confirmed it: its confidence is theirs, not the matcher's. */
  confirmed?: boolean
}

export const keyOf = (m: RematchKey, withConfidence: boolean) =>
  [m.companyId, m.aliasId ?? '', m.start, m.end, m.rule, m.ruleDetail ?? '', withConfidence ? m.confidence : '', m.aliasText].join('\u0001')

/** Whether two sets of mentions of one document are the same rows (order aside). */
export function sameMentions(stored: readonly RematchKey[], found: readonly RematchKey[]): boolean {
  if (stored.length !== found.length) return false
  const wanted = new Map<string, number>()
  for (const m of found) for (const k of [keyOf(m, true), keyOf(m, false)]) wanted.set(k, (wanted.get(k) ?? 0) + 1)
  return stored.every((m) => {
    const k = keyOf(m, !m.confirmed)
    const n = wanted.get(k) ?? 0
    if (n === 0) return false
    wanted.set(k, n - 1)
    return true
  })
}

/** A found mention in the shape it is compared in (defaults as insertMentions stores them). */
export const asKey = (m: MentionRow): RematchKey => ({
  ...m,
  rule: m.rule ?? 'name',
  ruleDetail: m.ruleDetail ?? null,
  confidence: m.confidence ?? 'high',
})
