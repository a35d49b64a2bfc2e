import type { DB } from '#app/models/db.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { diffWeeks, type WeekScore } from '#app/scoring/moves.ts'
import { weekEndsAt } from '#app/scoring/week-time.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { loadWeekScores, lookupNames } from './consensus-query.server.ts'

// "What moved" in a week: each analyst's change of a cell against their score of the
// previous week, who made it, the reason and the evidence. With `asOfWeekEnd`, both
// weeks are read as they stood when the week ended (team time zone), which is what a
// meeting reviewing that week saw; later edits to a reopened week do not show then.

export async function listWeekMoves(
  db: DB,
  themeId: number,
  week: string,
  options: {
    asOfWeekEnd?: boolean
    /** The week's scores as loadWeekScores reads them with the same instant, when the caller reads them anyway (the meeting's matrix). */
    current?: Promise<WeekScore[]>
  } = {},
) {
  const previousWeek = shiftIsoWeek(week, -1)
  const asOf = options.asOfWeekEnd ? weekEndsAt(week, await getTeamTimeZone(db)) : undefined
  const [previous, current] = await Promise.all([
    loadWeekScores(db, themeId, previousWeek, asOf),
    options.current ?? loadWeekScores(db, themeId, week, asOf),
  ])
  const rubricIds = [...new Set([...previous, ...current].map((s) => s.rubricId))]
  const userIds = [...new Set(current.map((s) => s.userId))]
  const { users, rubrics } = await lookupNames(db, userIds, rubricIds)
  const slugOf = new Map(rubrics.map((r) => [r.id, r.slug]))
  const moves = diffWeeks(previous, current, (a, b) => slugOf.get(a) === slugOf.get(b))
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]))
  return {
    week,
    previousWeek,
    asOf: asOf?.toISOString() ?? null,
    scorers: userIds.length,
    moves: moves.map((m) => ({ ...m, analyst: nameOf.get(m.userId) ?? '?', savedAt: new Date(m.savedAt).toISOString() })),
  }
}
