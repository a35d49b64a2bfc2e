import type { DB } from '#app/models/db.server.ts'
import { mondayOfIsoWeek } from '#app/utils/iso-week.ts'

// The home page's "this week" line per theme: how far the signed-in analyst and the team
// are with this week's scores, and how many documents came in. Three grouped counts, so
// it stays cheap however long the history is.

export interface ThemeWeekSummary {
  myCells: number
  cells: number
  scorers: number
}

export async function loadWeekSummary(db: DB, userId: number, week: string) {
  const monday = mondayOfIsoWeek(week)
  const sunday = new Date(monday.getTime() + 6 * 86_400_000)
  const [mine, team, grid, documents] = await Promise.all([
    db
      .selectFrom('score')
      .select(['theme_id as themeId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', '=', userId)
      .where('iso_week', '=', week)
      .groupBy('theme_id')
      .execute(),
    db
      .selectFrom('score')
      .select(['theme_id as themeId', (eb) => eb.fn.count<number>('user_id').distinct().as('n')])
      .where('iso_week', '=', week)
      .groupBy('theme_id')
      .execute(),
    // Each theme's grid: its own items x its own dimensions (decision 036).
    db
      .selectFrom('theme')
      .select((eb) => [
        'theme.id as themeId',
        eb
          .selectFrom('modality')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('modality.theme_id', '=', 'theme.id')
          .where('archived_at', 'is', null)
          .as('modalities'),
        eb
          .selectFrom('scoring_dimension')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('scoring_dimension.theme_id', '=', 'theme.id')
          .where('archived_at', 'is', null)
          .as('dimensions'),
      ])
      .execute(),
    db
      .selectFrom('document')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published_on', '>=', monday.toISOString().slice(0, 10))
      .where('published_on', '<=', sunday.toISOString().slice(0, 10))
      .executeTakeFirstOrThrow(),
  ])
  const cells = 0
  const byTheme: Record<number, ThemeWeekSummary> = {}
  const at = (themeId: number) => (byTheme[themeId] ??= { myCells: 0, cells, scorers: 0 })
  for (const row of grid) at(row.themeId).cells = Number(row.modalities ?? 0) * Number(row.dimensions ?? 0)
  for (const row of mine) at(row.themeId).myCells = Number(row.n)
  for (const row of team) at(row.themeId).scorers = Number(row.n)
  return { cells, byTheme, documents: Number(documents.n) }
}
