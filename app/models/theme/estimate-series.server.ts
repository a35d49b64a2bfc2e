import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { isShareUnit } from '#app/schemas/estimate-series.ts'
import { groupBySource, revisionsBySource, sourceKey, sourceOrder } from '#app/utils/estimate-sources.ts'
import { Refusal } from '#app/utils/refusal.ts'

import { auditTheme, lockTheme, ThemeEditError } from './theme-edit.server.ts'

// Numeric estimates beyond data exhaustion (market size, cost per unit, adoption share),
// each series with a unit. The by-source rule is the data stocks' one
// (app/utils/estimate-sources.ts): "current" is the latest of each source, a revision is
// the same source changing. That rule is written over year ranges, so a value's low and
// high travel through it as `yearFrom`/`yearTo` and come back as `low`/`high`.

interface Row {
  id: number
  seriesId: number
  source: string
  estimatedOn: string
  low: number
  high: number
  refersToYear: number | null
  note: string
}

function bySource(rows: readonly Row[]) {
  return revisionsBySource(rows.map((r) => ({ ...r, yearFrom: r.low, yearTo: r.high }))).map(
    ({ yearFrom: _from, yearTo: _to, shiftFrom, shiftTo, ...e }) => ({ ...e, changeLow: shiftFrom, changeHigh: shiftTo }),
  )
}

const listRows = (db: DB, themeId: number) =>
  db
    .selectFrom('series_estimate as e')
    .innerJoin('estimate_series as s', 's.id', 'e.series_id')
    .select([
      'e.id',
      'e.series_id as seriesId',
      'e.source',
      'e.estimated_on as estimatedOn',
      'e.value_low as low',
      'e.value_high as high',
      'e.refers_to_year as refersToYear',
      'e.note',
    ])
    .where('s.theme_id', '=', themeId)
    .orderBy('e.estimated_on')
    .orderBy('e.id')
    .execute()

/** Each series of a theme with, per source (in the order sources first estimated), its current and previous estimate. */
export async function listEstimateSeries(db: DB, themeId: number) {
  const [series, rows] = await Promise.all([
    db
      .selectFrom('estimate_series')
      .select(['id', 'name_en as nameEn', 'name_zh as nameZh', 'unit'])
      .where('theme_id', '=', themeId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    listRows(db, themeId),
  ])
  const order = sourceOrder(rows.map((r) => ({ ...r, yearFrom: r.low, yearTo: r.high })))
  return series.map((s) => {
    const marked = bySource(rows.filter((r) => r.seriesId === s.id).map((r) => ({ ...r, low: Number(r.low), high: Number(r.high) })))
    const sources = groupBySource(marked.map((e) => ({ ...e, yearFrom: e.low, yearTo: e.high, shiftFrom: null, shiftTo: null })))
      .sort((a, b) => order.indexOf(a.estimates[0].sourceKey) - order.indexOf(b.estimates[0].sourceKey))
      .map((group) => {
        const own = marked.filter((e) => e.sourceKey === group.estimates[0].sourceKey)
        return {
          source: group.source,
          current: own[own.length - 1],
          previous: own.length > 1 ? own[own.length - 2] : null,
          count: own.length,
        }
      })
    return { ...s, sources }
  })
}

export async function addEstimateSeries(db: DB, actor: Actor, themeId: number, input: { nameEn: string; nameZh: string; unit: string }) {
  return inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const same = await tx
      .selectFrom('estimate_series')
      .select('id')
      .where('theme_id', '=', themeId)
      .where((eb) => eb(eb.fn('lower', ['name_en']), '=', input.nameEn.toLowerCase()))
      .executeTakeFirst()
    if (same) throw new Refusal('seriesExists', { field: 'nameEn', messageKey: 'estimates.seriesExists', status: 409 })
    const last = await tx
      .selectFrom('estimate_series')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('theme_id', '=', themeId)
      .executeTakeFirst()
    const { id } = await tx
      .insertInto('estimate_series')
      .values({ theme_id: themeId, name_en: input.nameEn, name_zh: input.nameZh, unit: input.unit, position: (last?.max ?? -1) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await auditTheme(tx, actor, themeId, 'estimate_series.add', null, { id, ...input })
    return id
  })
}

export interface SeriesEstimateInput {
  source: string
  estimatedOn: string
  valueLow: number
  /** Absent for a single value. */
  valueHigh?: number
  refersToYear?: number
  note: string
}

/** Adds an estimate; the audit row keeps the same source's current one it revises (never another source's). */
export async function addSeriesEstimate(db: DB, actor: Actor, themeId: number, seriesId: number, input: SeriesEstimateInput) {
  const high = input.valueHigh ?? input.valueLow
  try {
    return await inTransaction(db, async (tx) => {
      await lockTheme(tx, themeId)
      const series = await tx
        .selectFrom('estimate_series')
        .select(['id', 'name_en as nameEn', 'name_zh as nameZh', 'unit'])
        .where('id', '=', seriesId)
        .where('theme_id', '=', themeId)
        .executeTakeFirst()
      if (!series) throw new ThemeEditError('notFound', 'seriesId')
      if (isShareUnit(series.unit) && high > 100) {
        throw new Refusal('shareOver100', { field: 'valueHigh', messageKey: 'estimates.shareOver100', status: 400 })
      }
      const sameSource = (await listRows(tx, themeId)).filter(
        (r) => r.seriesId === seriesId && sourceKey(r.source) === sourceKey(input.source),
      )
      const current = sameSource[sameSource.length - 1]
      const { id } = await tx
        .insertInto('series_estimate')
        .values({
          series_id: seriesId,
          source: input.source,
          estimated_on: input.estimatedOn,
          value_low: input.valueLow,
          value_high: high,
          refers_to_year: input.refersToYear ?? null,
          note: input.note,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const subject = { nameEn: series.nameEn, nameZh: series.nameZh, unit: series.unit }
      const revises =
        current && current.estimatedOn <= input.estimatedOn
          ? {
              subject,
              source: current.source,
              estimatedOn: current.estimatedOn,
              valueLow: Number(current.low),
              valueHigh: Number(current.high),
            }
          : null
      await auditTheme(tx, actor, themeId, 'series_estimate.add', revises, {
        subject,
        id,
        ...input,
        valueHigh: high,
        refersToYear: input.refersToYear ?? null,
      })
      return id
    })
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === 'series_estimate_series_source_date_key') {
      throw new ThemeEditError('estimateExists', 'estimatedOn')
    }
    throw error
  }
}
