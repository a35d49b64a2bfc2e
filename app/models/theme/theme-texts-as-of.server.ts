import type { DB } from '#app/models/db.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { weekEndsAt } from '#app/scoring/week-time.ts'

// The thesis as it stood when a week ended, read back from the audit log: every save
// records the languages it changed with their text before and after (updateThesis), so the
// first save after that instant holds, per language, the text that stood then. A language
// no later save touched stands as it is now.

const FIELDS = [
  ['thesisMd', 'en'],
  ['thesisZhMd', 'zh'],
] as const

type Values = Record<string, unknown> | null

export async function readThesisAsOf(db: DB, themeId: number, at: Date) {
  const [theme, saves] = await Promise.all([
    db
      .selectFrom('theme')
      .select([
        'created_at as createdAt',
        'thesis_md as thesisMd',
        'thesis_zh_md as thesisZhMd',
        'thesis_en_updated_at as enUpdatedAt',
        'thesis_zh_updated_at as zhUpdatedAt',
      ])
      .where('id', '=', themeId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .select(['at', 'old_value as oldValue', 'new_value as newValue'])
      .where('entity_type', '=', 'theme')
      .where('entity_id', '=', String(themeId))
      .where('action', '=', 'theme.thesis')
      .orderBy('id')
      .execute(),
  ])
  if (theme.createdAt > at) return null
  const texts = { en: theme.thesisMd, zh: theme.thesisZhMd }
  const stamps: { en: Date | null; zh: Date | null } = { en: theme.enUpdatedAt, zh: theme.zhUpdatedAt }
  for (const [field, lang] of FIELDS) {
    const changes = saves.filter((s) => s.newValue != null && field in (s.newValue as Exclude<Values, null>))
    const after = changes.find((s) => s.at > at)
    if (!after) continue
    texts[lang] = String((after.oldValue as Values)?.[field] ?? '')
    // Saved when the last save up to then was made; unknown (no marker) when none was audited.
    stamps[lang] = changes.filter((s) => s.at <= at).at(-1)?.at ?? null
  }
  return { texts, stamps }
}

/** The thesis as the team's week ended (or as it is now, for the running week). */
export async function readThesisAsOfWeek(db: DB, themeId: number, week: string, now = new Date()) {
  const end = weekEndsAt(week, await getTeamTimeZone(db))
  return { week, thesis: await readThesisAsOf(db, themeId, end < now ? end : now) }
}
