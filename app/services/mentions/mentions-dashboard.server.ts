import type { DB } from '#app/models/db.server.ts'
import { listDocumentPublishers, listDocumentTags } from '#app/models/document/index.server.ts'
import { countCompaniesBeingRematched, getSnoozes, loadMentionRange } from '#app/models/mentions/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { listThemes } from '#app/models/theme/index.server.ts'
import { listWatchlists } from '#app/models/watchlist/index.server.ts'
import { parseMentionQuery, scopeKey } from '#app/schemas/mentions.ts'

// What the /mentions dashboard shows for a query: the scopes to choose from (live themes
// and watchlists), the filters' options, and the chosen range's mention view. An unknown
// scope is reported as a field error and the first theme (or watchlist) is shown instead.

export async function loadMentionsDashboard(db: DB, params: URLSearchParams) {
  const currentWeek = await currentTeamWeek(db)
  const { query, errors } = parseMentionQuery(params, currentWeek)
  const [allThemes, allWatchlists, publishers, tags, rematching, snoozes] = await Promise.all([
    listThemes(db),
    listWatchlists(db),
    listDocumentPublishers(db),
    listDocumentTags(db),
    countCompaniesBeingRematched(db),
    getSnoozes(db),
  ])
  const themes = allThemes.filter((t) => t.status !== 'archived').map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh }))
  const watchlists = allWatchlists.filter((w) => !w.archivedAt).map((w) => ({ id: w.id, name: w.name }))
  const known = new Set([...themes.map((t) => `theme-${t.id}`), ...watchlists.map((w) => `watchlist-${w.id}`)])
  let scope = query.scope && known.has(scopeKey(query.scope)) ? query.scope : null
  if (params.get('scope') && !scope) errors.scope = 'mentions.error.scope'
  scope ??= themes[0] ? { themeId: themes[0].id } : watchlists[0] ? { watchlistId: watchlists[0].id } : null
  const filters = { publisher: query.publisher, tag: query.tag, language: query.language, relevance: query.relevance }
  const view = scope ? await loadMentionRange(db, scope, { from: query.from, to: query.to }, filters) : null
  return {
    values: { scope: scope ? scopeKey(scope) : '', from: query.from, to: query.to, ...filters },
    errors,
    currentWeek,
    themes,
    watchlists,
    publishers,
    tags,
    view,
    /** Companies being re-matched now: the page says the counts are being updated. */
    rematching,
    /** Companies whose alerts are not posted, until when (team-wide). */
    snoozes,
  }
}
