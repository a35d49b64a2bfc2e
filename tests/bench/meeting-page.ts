// The pieces of the meeting benchmark that are not about the data: the page's queries
// as a list of model calls, the JavaScript a page ships, and an autocannon run.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import autocannon from 'autocannon'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'

import { listNewDocuments, listWatchlistChanges, loadEstimatesAsOf } from '#app/models/meeting/index.server.ts'
import { listConsensusAsOf, listSourceMarkersAsOf, loadMeetingMatrix } from '#app/models/meeting/index.server.ts'
import { firstScoredWeekAsOf, type MeetingTheme } from '#app/models/meeting/index.server.ts'
import { getMeeting, getPreviousMeetingNotes, listMeetingThemes } from '#app/models/meeting/index.server.ts'
import { loadMentionOverview } from '#app/models/mentions/index.server.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import { listWeekMoves } from '#app/models/scoring/index.server.ts'
import { getRubric } from '#app/models/scoring/index.server.ts'
import { getDisagreementThreshold, listDimensions, listModalities } from '#app/models/scoring/index.server.ts'
import { historyFromWeek } from '#app/scoring/history-range.ts'
import { weekEndsAt, weekStartsAt } from '#app/scoring/week-time.ts'
import { mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Database } from '#db/types.ts'

export interface PageQuery {
  name: string
  run: () => Promise<unknown>
}

/**
 * The model calls loadMeetingView (app/models/meeting-view.server.ts) makes for a past
 * week, one by one, with the arguments it would pass. The history charts are asked for
 * every modality of the two first dimensions: at least what the page asks for.
 */
export async function meetingPageQueries(db: Kysely<Database>, theme: MeetingTheme, week: string): Promise<PageQuery[]> {
  const timeZone = await getTeamTimeZone(db)
  const asOf = weekEndsAt(week, timeZone)
  const previous = await getPreviousMeetingNotes(db, theme.id, week, asOf)
  const previousWeek = previous?.week ?? shiftIsoWeek(week, -1)
  const previousAsOf = weekEndsAt(previousWeek, timeZone)
  const [rubric, modalities, dimensions, threshold] = await Promise.all([
    getRubric(db, theme.rubricId!),
    listModalities(db, theme.id, { week }),
    listDimensions(db, theme.id, { week }),
    getDisagreementThreshold(db),
  ])
  const axis = ({ id, slug, nameEn, nameZh }: { id: number; slug: string; nameEn: string; nameZh: string }) => ({
    id,
    slug,
    nameEn,
    nameZh,
  })
  const mods = modalities.map(axis)
  const dims = dimensions.map(axis)
  const rubricSlug = rubric!.slug
  const span = { from: weekStartsAt(week, timeZone), to: asOf }
  const fromWeek = historyFromWeek(await firstScoredWeekAsOf(db, theme.id, asOf), week)
  const chart = { rubricSlug, modalityIds: mods.map((m) => m.id), dimensionIds: dims.slice(0, 2).map((d) => d.id), asOf }
  const sunday = new Date(mondayOfIsoWeek(week).getTime() + 6 * 86_400_000).toISOString().slice(0, 10)
  return [
    { name: 'getTeamTimeZone', run: () => getTeamTimeZone(db) },
    { name: 'listMeetingThemes', run: () => listMeetingThemes(db) },
    { name: 'getMeeting', run: () => getMeeting(db, theme.id, week) },
    { name: 'getPreviousMeetingNotes', run: () => getPreviousMeetingNotes(db, theme.id, week, asOf) },
    { name: 'getRubric', run: () => getRubric(db, theme.rubricId!) },
    { name: 'listModalities', run: () => listModalities(db, theme.id, { week }) },
    { name: 'listDimensions', run: () => listDimensions(db, theme.id, { week }) },
    { name: 'getDisagreementThreshold', run: () => getDisagreementThreshold(db) },
    {
      name: 'loadMeetingMatrix',
      run: () =>
        loadMeetingMatrix(db, theme.id, {
          rubricSlug,
          week,
          asOf,
          previousWeek,
          previousAsOf,
          threshold,
          modalities: mods,
          dimensions: dims,
        }),
    },
    { name: 'listWeekMoves', run: () => listWeekMoves(db, theme.id, week, { asOfWeekEnd: true }) },
    { name: 'loadMentionOverview', run: () => loadMentionOverview(db, { themeId: theme.id }, week) },
    { name: 'listWatchlistChanges', run: () => listWatchlistChanges(db, theme.id, span) },
    { name: 'loadEstimatesAsOf', run: () => loadEstimatesAsOf(db, theme.id, previousAsOf, asOf) },
    { name: 'listNewDocuments', run: () => listNewDocuments(db, theme.id, span) },
    { name: 'firstScoredWeekAsOf', run: () => firstScoredWeekAsOf(db, theme.id, asOf) },
    { name: 'listConsensusAsOf', run: () => listConsensusAsOf(db, theme.id, { ...chart, fromWeek, toWeek: week, threshold }) },
    {
      name: 'listSourceMarkersAsOf',
      run: () =>
        listSourceMarkersAsOf(db, theme.id, { ...chart, fromDate: mondayOfIsoWeek(fromWeek).toISOString().slice(0, 10), toDate: sunday }),
    },
  ]
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the page's model calls send, captured
 * through kysely's log on a pool of its own. Slowest first.
 */
export async function explainPageQueries(url: string, theme: MeetingTheme, week: string) {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const sent: { call: string; sql: string; parameters: readonly unknown[] }[] = []
  let call = ''
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (call && event.level === 'query') sent.push({ call, sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  try {
    for (const query of await meetingPageQueries(db, theme, week)) {
      call = query.name
      await query.run()
    }
    call = ''
    const plans = []
    for (const statement of sent) {
      const { rows } = await pool.query(`explain (analyze, buffers, costs off) ${statement.sql}`, statement.parameters as unknown[])
      const lines = rows.map((row: Record<string, string>) => row['QUERY PLAN'])
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? 0)
      plans.push({ call: statement.call, sql: statement.sql, executionMs, plan: lines.join('\n') })
    }
    return plans.sort((a, b) => b.executionMs - a.executionMs)
  } finally {
    await db.destroy()
  }
}

/** Every /build/*.js the page's HTML references (module preloads, imports), gzip-sized. */
export function shippedJavaScript(html: string, publicDir: string) {
  const urls = [...new Set(html.match(/\/build\/[^"'\s)]+?\.js\b/g) ?? [])]
  const assets = urls.map((url) => {
    const file = path.join(publicDir, decodeURIComponent(url))
    const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0)
    return { url, bytes: body.length, gzipBytes: body.length ? gzipSync(body).length : 0, missing: body.length === 0 }
  })
  return {
    assets: assets.sort((a, b) => b.gzipBytes - a.gzipBytes),
    gzipBytes: assets.reduce((sum, a) => sum + a.gzipBytes, 0),
    bytes: assets.reduce((sum, a) => sum + a.bytes, 0),
  }
}

export interface LoadResult {
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  non2xx: number
  errors: number
}

/** GETs `url` with `connections` concurrent keep-alive connections for `seconds`. */
export async function load(url: string, cookie: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { cookie, 'accept-language': 'en', 'accept-encoding': 'gzip' },
  })
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
