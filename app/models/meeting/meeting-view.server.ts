import type { DB } from '#app/models/db.server.ts'
import { loadMentionOverview } from '#app/models/mentions/mention-stats.server.ts'
import { topNewNames } from '#app/models/new-names/index.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { loadWeekScores } from '#app/models/scoring/consensus-query.server.ts'
import { getDisagreementRule } from '#app/models/scoring/consensus-rule.server.ts'
import { listWeekMoves } from '#app/models/scoring/moves-query.server.ts'
import { getRubric } from '#app/models/scoring/rubric.server.ts'
import { listDimensions, listModalities } from '#app/models/scoring/scoring-vocabulary.server.ts'
import { shapeHistory } from '#app/scoring/chart-data.ts'
import { historyFromWeek } from '#app/scoring/history-range.ts'
import { weeksBetween } from '#app/scoring/history-series.ts'
import { weekEndsAt, weekStartsAt } from '#app/scoring/week-time.ts'
import { calendarDateIn, mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'

import { getMeeting, getPreviousMeetingNotes, listMeetingThemes } from './meeting.server.ts'
import { listNewDocuments, listWatchlistChanges, loadEstimatesAsOf } from './meeting-activity.server.ts'
import { firstScoredWeekAsOf, listConsensusAsOf, listSourceMarkersAsOf, loadMeetingMatrix } from './meeting-scores.server.ts'

// Everything the weekly meeting shows for one theme and ISO week, as it stood at the end
// of that week in the team's time zone. The route, the XLSX export and the benchmark all
// call loadMeetingView, so the page's queries live here and in the files it imports.

/** History charts on one slide: more would not read on a projector. */
export const MAX_HISTORY_CHARTS = 2

export type MeetingTheme = Awaited<ReturnType<typeof listMeetingThemes>>[number]

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** The meeting's theme: the one asked for, or the first active one; null when there is none. */
export async function resolveMeetingTheme(db: DB, slug: string | null) {
  const themes = await listMeetingThemes(db)
  const theme = slug ? themes.find((t) => t.slug === slug) : themes[0]
  return { themes, theme: theme ?? null }
}

export async function loadMeetingView(db: DB, theme: MeetingTheme, week: string, now = new Date()) {
  const timeZone = await getTeamTimeZone(db)
  const weekStart = weekStartsAt(week, timeZone)
  const weekEnd = weekEndsAt(week, timeZone)
  // Never later than now: a week in progress shows what is known so far.
  const asOf = weekEnd < now ? weekEnd : now
  const [notes, previousNotes, rubric, modalities, dimensions, threshold] = await Promise.all([
    getMeeting(db, theme.id, week),
    getPreviousMeetingNotes(db, theme.id, week, asOf),
    theme.rubricId ? getRubric(db, theme.rubricId) : null,
    listModalities(db, theme.id, { week }),
    listDimensions(db, theme.id, { week }),
    getDisagreementRule(db),
  ])
  // "Since the previous meeting": the last meeting held before this week, else last week.
  const previousWeek = previousNotes?.week ?? shiftIsoWeek(week, -1)
  const previousAsOf = weekEndsAt(previousWeek, timeZone)
  const axes = <T extends { id: number; slug: string; nameEn: string; nameZh: string }>(list: T[]) =>
    list.map(({ id, slug, nameEn, nameZh }) => ({ id, slug, nameEn, nameZh }))
  const mods = axes(modalities)
  const dims = axes(dimensions)
  const rubricSlug = rubric?.slug ?? ''
  const span = { from: weekStart, to: asOf }
  // The matrix and the moves both need the week's scores as the week ended: read once.
  const current = loadWeekScores(db, theme.id, week, asOf)

  const [matrix, moved, mentions, watchlists, estimates, documents, firstScored, newNames] = await Promise.all([
    loadMeetingMatrix(db, theme.id, {
      rubricSlug,
      week,
      asOf,
      previousWeek,
      previousAsOf,
      threshold,
      modalities: mods,
      dimensions: dims,
      current,
    }),
    listWeekMoves(db, theme.id, week, { asOfWeekEnd: true, current }),
    loadMentionOverview(db, { themeId: theme.id }, week),
    listWatchlistChanges(db, theme.id, span),
    loadEstimatesAsOf(db, theme.id, previousAsOf, asOf),
    listNewDocuments(db, theme.id, span),
    firstScoredWeekAsOf(db, theme.id, asOf),
    topNewNames(db, week, 5),
  ])

  // History charts: the dimensions with the most moved cells, each with its moved modalities.
  const movedDims = dims
    .map((d) => ({
      dimension: d,
      modalityIds: matrix.moved.filter((c) => c.dimensionId === d.id).map((c) => c.modalityId),
    }))
    .filter((d) => d.modalityIds.length > 0)
    .sort((a, b) => b.modalityIds.length - a.modalityIds.length)
  const charted = movedDims.slice(0, MAX_HISTORY_CHARTS)
  // The range that has data, as the week stood (the consensus page's rule): five weeks of
  // scores chart five weeks, not seven blank ones before them.
  const fromWeek = historyFromWeek(firstScored, week)
  const sunday = new Date(mondayOfIsoWeek(week).getTime() + 6 * 86_400_000)
  const chartQuery = {
    rubricSlug,
    modalityIds: [...new Set(charted.flatMap((c) => c.modalityIds))],
    dimensionIds: charted.map((c) => c.dimension.id),
    asOf,
  }
  const [consensus, sources] = await Promise.all([
    listConsensusAsOf(db, theme.id, {
      ...chartQuery,
      fromWeek,
      toWeek: week,
      threshold,
    }),
    listSourceMarkersAsOf(db, theme.id, {
      ...chartQuery,
      fromDate: isoDate(mondayOfIsoWeek(fromWeek)),
      toDate: isoDate(sunday),
    }),
  ])
  const weeks = weeksBetween(fromWeek, week)
  const history = charted.map(({ dimension, modalityIds }) => {
    const chartModalities = mods.map((m, colour) => ({ ...m, colour })).filter((m) => modalityIds.includes(m.id))
    return {
      dimension,
      chart: shapeHistory({
        weeks,
        consensus: consensus.filter((c) => c.dimensionId === dimension.id),
        modalities: chartModalities,
        analysts: [],
        analystLevels: [],
        sources: sources.filter((s) => s.dimensionId === dimension.id),
      }),
    }
  })

  const modalityRank = (id: number) => mods.findIndex((m) => m.id === id)
  const dimensionRank = (id: number) => dims.findIndex((d) => d.id === id)
  const moves = moved.moves
    .filter((m) => modalityRank(m.modalityId) >= 0 && dimensionRank(m.dimensionId) >= 0)
    .map((m) => ({
      ...m,
      modality: mods[modalityRank(m.modalityId)],
      dimension: dims[dimensionRank(m.dimensionId)],
    }))
    .sort(
      (a, b) =>
        modalityRank(a.modalityId) - modalityRank(b.modalityId) ||
        dimensionRank(a.dimensionId) - dimensionRank(b.dimensionId) ||
        a.analyst.localeCompare(b.analyst),
    )

  const today = calendarDateIn(asOf, timeZone)
  return {
    week,
    timeZone,
    asOf: asOf.toISOString(),
    asOfDate: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`,
    isPast: weekEnd < now,
    previousWeek,
    previousWeekEnd: previousAsOf.toISOString(),
    rubric: rubric
      ? {
          slug: rubric.slug,
          levels: rubric.levels.map(({ level, nameEn, nameZh }) => ({
            level,
            nameEn,
            nameZh,
          })),
        }
      : null,
    modalities: mods,
    dimensions: dims,
    // A row made by closing the meeting alone (version 0) has no notes yet.
    notes:
      notes && notes.version > 0
        ? {
            notesMd: notes.notesMd,
            actionsMd: notes.actionsMd,
            updatedAt: notes.updatedAt.toISOString(),
            updatedBy: notes.updatedBy,
            version: notes.version,
          }
        : null,
    closed: notes?.closedAt ? { at: notes.closedAt.toISOString(), by: notes.closedBy } : null,
    previousNotes,
    matrix,
    moves,
    history,
    historyFrom: fromWeek,
    moreHistory: movedDims.length - charted.length,
    mentions,
    newNames,
    watchlists,
    estimates,
    documents,
  }
}

export type MeetingView = Awaited<ReturnType<typeof loadMeetingView>>
