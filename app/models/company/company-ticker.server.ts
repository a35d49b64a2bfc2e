import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { formatTicker, type Ticker } from '#app/utils/ticker.ts'

import { assertNoConflicts, CompanyEditError, withConflictRecheck } from './company-conflicts.server.ts'

// A company has one primary ticker (shown first, used for charts and exports) when it has
// any: the first one added becomes primary, and removing the primary promotes the next.

async function lockCompany(db: DB, companyId: number): Promise<void> {
  const row = await db.selectFrom('company').select('id').where('id', '=', companyId).forUpdate().executeTakeFirst()
  if (!row) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
}

async function tickersOf(db: DB, companyId: number) {
  return db
    .selectFrom('company_ticker')
    .select(['id', 'exchange', 'code', 'is_primary as isPrimary'])
    .where('company_id', '=', companyId)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute()
}

/** The company's tickers before and after a change, in the audit log. */
async function auditTickers(tx: DB, actor: Actor, companyId: number, action: string, before: Awaited<ReturnType<typeof tickersOf>>) {
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: 'company',
    entityId: companyId,
    oldValue: { tickers: display(before) },
    newValue: { tickers: display(await tickersOf(tx, companyId)) },
    ip: actor.ip,
  })
}

const display = (rows: { exchange: Ticker['exchange']; code: string; isPrimary: boolean }[]) =>
  rows.map((t) => `${formatTicker(t)}${t.isPrimary ? ' (primary)' : ''}`)

/** Adds a ticker already normalised by parseTicker; one another company has is refused, naming it. */
export async function addTicker(db: DB, actor: Actor, companyId: number, ticker: Ticker, primary = false): Promise<void> {
  const plan = { tickers: [ticker] }
  await withConflictRecheck(db, plan, () =>
    inTransaction(db, async (tx) => {
      await lockCompany(tx, companyId)
      await assertNoConflicts(tx, plan)
      const before = await tickersOf(tx, companyId)
      const makePrimary = primary || before.length === 0
      if (makePrimary) await tx.updateTable('company_ticker').set({ is_primary: false }).where('company_id', '=', companyId).execute()
      await tx
        .insertInto('company_ticker')
        .values({ company_id: companyId, exchange: ticker.exchange, code: ticker.code, is_primary: makePrimary })
        .execute()
      await tx.updateTable('company').set({ updated_at: new Date() }).where('id', '=', companyId).execute()
      await auditTickers(tx, actor, companyId, 'company.ticker_add', before)
    }),
  )
}

export async function removeTicker(db: DB, actor: Actor, companyId: number, tickerId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockCompany(tx, companyId)
    const before = await tickersOf(tx, companyId)
    const gone = before.find((t) => t.id === tickerId)
    if (!gone) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
    await tx.deleteFrom('company_ticker').where('id', '=', tickerId).execute()
    const next = before.find((t) => t.id !== tickerId)
    if (gone.isPrimary && next) await tx.updateTable('company_ticker').set({ is_primary: true }).where('id', '=', next.id).execute()
    await tx.updateTable('company').set({ updated_at: new Date() }).where('id', '=', companyId).execute()
    await auditTickers(tx, actor, companyId, 'company.ticker_remove', before)
  })
}

export async function setPrimaryTicker(db: DB, actor: Actor, companyId: number, tickerId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockCompany(tx, companyId)
    const before = await tickersOf(tx, companyId)
    const chosen = before.find((t) => t.id === tickerId)
    if (!chosen) throw new CompanyEditError({ reason: 'notFound', field: 'form' })
    if (chosen.isPrimary) return
    await tx.updateTable('company_ticker').set({ is_primary: false }).where('company_id', '=', companyId).execute()
    await tx.updateTable('company_ticker').set({ is_primary: true }).where('id', '=', tickerId).execute()
    await auditTickers(tx, actor, companyId, 'company.ticker_primary', before)
  })
}
