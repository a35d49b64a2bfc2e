import type { Actor } from '#app/models/account/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { applyFrameworkTemplate, createTheme } from '#app/models/theme/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { ThemeCreate } from '#app/schemas/theme.ts'
import type { FrameworkTemplate } from '#app/scoring/framework-templates.ts'

/** A new theme and its scoring framework from a template, in one transaction: a theme never exists without a rubric. */
export async function createThemeFromTemplate(db: DB, actor: Actor, input: ThemeCreate, template: FrameworkTemplate) {
  return inTransaction(db, async (tx) => {
    const theme = await createTheme(tx, actor, input)
    await applyFrameworkTemplate(tx, actor, theme.id, template)
    return theme
  })
}
