import type { Actor } from '#app/models/account/user.server.ts'
import { constraintName, type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'

import { auditTheme, lockTheme, ThemeEditError } from './theme-edit.server.ts'
import { freeSlug } from './theme-segments.server.ts'

// Data exhaustion: for each data stock (high-quality language data...), estimates of the
// years it runs out, each with a source and the date it was made. A revision is a new
// estimate with a later date; rows are never updated, so the table is its own history.

/** The latest estimate per data stock of a theme (later estimates revise earlier ones). */
export async function listCurrentEstimates(db: DB, themeId: number) {
  return db
    .selectFrom('data_stock')
    .innerJoin('data_exhaustion_estimate as e', 'e.data_stock_id', 'data_stock.id')
    .select([
      'data_stock.id as stockId',
      'data_stock.name_en as nameEn',
      'data_stock.name_zh as nameZh',
      'data_stock.position',
      'e.id',
      'e.source',
      'e.estimated_on as estimatedOn',
      'e.year_from as yearFrom',
      'e.year_to as yearTo',
      'e.note',
    ])
    .distinctOn('data_stock.id')
    .where('data_stock.theme_id', '=', themeId)
    .orderBy('data_stock.id')
    .orderBy('e.estimated_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute()
    .then((rows) => rows.sort((a, b) => a.position - b.position || a.stockId - b.stockId))
}

/** Every data stock of a theme with all its estimates, oldest first, and how each moved the range. */
export async function listDataStocks(db: DB, themeId: number) {
  const [stocks, estimates] = await Promise.all([
    db
      .selectFrom('data_stock')
      .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh'])
      .where('theme_id', '=', themeId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
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
      .execute(),
  ])
  return stocks.map((stock) => {
    const own = estimates.filter((e) => e.stockId === stock.id)
    return {
      ...stock,
      estimates: own.map((e, i) => {
        const prev = i > 0 ? own[i - 1] : null
        return {
          ...e,
          isCurrent: i === own.length - 1,
          // Positive: the stock is now expected to last longer than the previous estimate said.
          shiftFrom: prev ? e.yearFrom - prev.yearFrom : null,
          shiftTo: prev ? e.yearTo - prev.yearTo : null,
        }
      }),
    }
  })
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

/** Adds an estimate; when it is the newest for its stock, the audit row keeps the one it revises. */
export async function addEstimate(db: DB, actor: Actor, themeId: number, stockId: number, input: EstimateInput): Promise<number> {
  try {
    return await inTransaction(db, async (tx) => {
      await lockTheme(tx, themeId)
      const stock = await findStock(tx, themeId, stockId)
      const current = await tx
        .selectFrom('data_exhaustion_estimate')
        .select(['source', 'estimated_on as estimatedOn', 'year_from as yearFrom', 'year_to as yearTo', 'note'])
        .where('data_stock_id', '=', stockId)
        .orderBy('estimated_on', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst()
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
      const revises = current && current.estimatedOn <= input.estimatedOn ? { subject, ...current } : null
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
