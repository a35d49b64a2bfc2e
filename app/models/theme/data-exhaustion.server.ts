import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { groupBySource, revisionsBySource, sourceKey, sourceOrder } from '#app/utils/estimate-sources.ts'

import { auditTheme, lockTheme, ThemeEditError } from './theme-edit.server.ts'
import { freeSlug } from './theme-segments.server.ts'

// Data exhaustion: for each data stock (high-quality language data...), estimates of the
// years it runs out, each with a source and the date it was made. Sources stand side by
// side: a revision is the same source changing its estimate, and each source has its own
// current estimate (app/utils/estimate-sources.ts). Rows are never updated, so the table
// is its own history.

async function listStocks(db: DB, themeId: number) {
  return db
    .selectFrom('data_stock')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'position'])
    .where('theme_id', '=', themeId)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

async function listEstimates(db: DB, themeId: number) {
  return db
    .selectFrom('data_exhaustion_estimate as e')
    .innerJoin('data_stock', 'data_stock.id', 'e.data_stock_id')
    .leftJoin('app_user', 'app_user.id', 'e.created_by')
    .select([
      'e.id',
      'e.data_stock_id as stockId',
      'e.source',
      'e.estimated_on as estimatedOn',
      'e.year_from as yearFrom',
      'e.year_to as yearTo',
      'e.note',
      'app_user.display_name as createdBy',
    ])
    .where('data_stock.theme_id', '=', themeId)
    .orderBy('e.estimated_on')
    .orderBy('e.id')
    .execute()
}

/** Every data stock of a theme with its estimates by source, oldest first, and how each source moved its own range. */
export async function listDataStocks(db: DB, themeId: number) {
  const [stocks, estimates] = await Promise.all([listStocks(db, themeId), listEstimates(db, themeId)])
  const order = sourceOrder(estimates)
  return stocks.map(({ position: _position, ...stock }) => {
    const marked = revisionsBySource(estimates.filter((e) => e.stockId === stock.id))
    const sources = groupBySource(marked).sort((a, b) => order.indexOf(a.estimates[0].sourceKey) - order.indexOf(b.estimates[0].sourceKey))
    return { ...stock, estimates: marked, sources }
  })
}

/** The current estimate of each source for each data stock: stocks in their order, sources in the order they first estimated. */
export async function listCurrentEstimates(db: DB, themeId: number) {
  const [stocks, estimates] = await Promise.all([listStocks(db, themeId), listEstimates(db, themeId)])
  const order = sourceOrder(estimates)
  return stocks.flatMap((stock) =>
    revisionsBySource(estimates.filter((e) => e.stockId === stock.id))
      .filter((e) => e.isCurrent)
      .sort((a, b) => order.indexOf(a.sourceKey) - order.indexOf(b.sourceKey))
      .map((e) => ({
        stockId: stock.id,
        nameEn: stock.nameEn,
        nameZh: stock.nameZh,
        position: stock.position,
        id: e.id,
        source: e.source,
        estimatedOn: e.estimatedOn,
        yearFrom: e.yearFrom,
        yearTo: e.yearTo,
        note: e.note,
      })),
  )
}

async function findStock(tx: DB, themeId: number, stockId: number) {
  const stock = await tx
    .selectFrom('data_stock')
    .select(['id', 'name_en as nameEn', 'name_zh as nameZh'])
    .where('id', '=', stockId)
    .where('theme_id', '=', themeId)
    .executeTakeFirst()
  if (!stock) throw new ThemeEditError('notFound', 'stockId')
  return stock
}

export async function addDataStock(db: DB, actor: Actor, themeId: number, input: { nameEn: string; nameZh: string }): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockTheme(tx, themeId)
    const same = await tx
      .selectFrom('data_stock')
      .select('id')
      .where('theme_id', '=', themeId)
      .where((eb) => eb(eb.fn('lower', ['name_en']), '=', input.nameEn.toLowerCase()))
      .executeTakeFirst()
    if (same) throw new ThemeEditError('stockExists', 'nameEn')
    const slug = await freeSlug(tx, 'data_stock', themeId, input.nameEn, 'data')
    const last = await tx
      .selectFrom('data_stock')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('theme_id', '=', themeId)
      .executeTakeFirst()
    const { id } = await tx
      .insertInto('data_stock')
      .values({ theme_id: themeId, slug, name_en: input.nameEn, name_zh: input.nameZh, position: (last?.max ?? -1) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await auditTheme(tx, actor, themeId, 'data_stock.add', null, { id, ...input })
    return id
  })
}

export interface EstimateInput {
  source: string
  estimatedOn: string
  yearFrom: number
  yearTo: number
  note: string
}

/** Adds an estimate; when it is the newest of its source, the audit row keeps the one of that source it revises. */
export async function addEstimate(db: DB, actor: Actor, themeId: number, stockId: number, input: EstimateInput): Promise<number> {
  try {
    return await inTransaction(db, async (tx) => {
      await lockTheme(tx, themeId)
      const stock = await findStock(tx, themeId, stockId)
      const sameSource = await tx
        .selectFrom('data_exhaustion_estimate')
        .select(['id', 'source', 'estimated_on as estimatedOn', 'year_from as yearFrom', 'year_to as yearTo', 'note'])
        .where('data_stock_id', '=', stockId)
        .execute()
        .then((rows) => rows.filter((r) => sourceKey(r.source) === sourceKey(input.source)))
      const current = revisionsBySource(sameSource).find((e) => e.isCurrent)
      const { id } = await tx
        .insertInto('data_exhaustion_estimate')
        .values({
          data_stock_id: stockId,
          source: input.source,
          estimated_on: input.estimatedOn,
          year_from: input.yearFrom,
          year_to: input.yearTo,
          note: input.note,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const subject = { nameEn: stock.nameEn, nameZh: stock.nameZh }
      const revises =
        current && current.estimatedOn <= input.estimatedOn
          ? {
              subject,
              source: current.source,
              estimatedOn: current.estimatedOn,
              yearFrom: current.yearFrom,
              yearTo: current.yearTo,
              note: current.note,
            }
          : null
      await auditTheme(tx, actor, themeId, 'estimate.add', revises, { subject, id, ...input })
      return id
    })
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === 'data_exhaustion_estimate_stock_source_date_key') {
      throw new ThemeEditError('estimateExists', 'estimatedOn')
    }
    throw error
  }
}
