import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'

import { auditTheme, changedFields, languageStamps, lockTheme, THEME_CONFLICT_KEY } from './theme-edit.server.ts'

// Saving a theme's thesis in its two languages, and when each language was last saved.

/** The thesis in each language; a form that leaves the Chinese one out keeps it as saved. */
export interface ThesisTexts {
  thesisMd: string
  thesisZhMd?: string
}

/**
 * `baseVersion`: the thesis version the form was opened at. When someone saved another
 * thesis since (either language), the save is refused with their text (EditConflict)
 * instead of replacing it.
 */
export async function updateThesis(db: DB, actor: Actor, themeId: number, input: ThesisTexts, baseVersion?: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const theme = await lockTheme(tx, themeId)
    const saved = { thesisMd: theme.thesisMd, thesisZhMd: theme.thesisZhMd }
    const typed = { thesisMd: input.thesisMd, thesisZhMd: input.thesisZhMd ?? theme.thesisZhMd }
    const changes = changedFields(saved, typed)
    if (!changes) return
    // Compare only the fields the form sent, so a form without the Chinese text is not refused over it.
    const sent = input.thesisZhMd === undefined ? ['thesisMd'] : ['thesisMd', 'thesisZhMd']
    const pick = (texts: Record<string, string>) => Object.fromEntries(sent.map((name) => [name, texts[name]]))
    if (isStale(baseVersion, theme.thesisVersion, pick(saved), pick(typed)))
      throw new EditConflict(THEME_CONFLICT_KEY, theme.thesisVersion, pick(saved), pick(typed))
    const stamps = languageStamps({ en: saved.thesisMd, zh: saved.thesisZhMd }, { en: typed.thesisMd, zh: typed.thesisZhMd })
    await tx
      .updateTable('theme')
      .set({
        thesis_md: typed.thesisMd,
        thesis_zh_md: typed.thesisZhMd,
        thesis_en_updated_at: stamps.en,
        thesis_zh_updated_at: stamps.zh,
        thesis_version: theme.thesisVersion + 1,
      })
      .where('id', '=', themeId)
      .execute()
    await auditTheme(tx, actor, themeId, 'thesis', changes.oldValue, changes.newValue)
  })
}
