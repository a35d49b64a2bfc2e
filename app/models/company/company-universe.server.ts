import { sql } from 'kysely'

import type { UniverseRecord, UniverseSkip } from '#app/ingest/universe/index.ts'
import type { Actor } from '#app/models/account/user.server.ts'
import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import type { UniverseFormat } from '#app/schemas/universe.ts'
import { Refusal } from '#app/utils/refusal.ts'
import { formatTicker, tickerKey } from '#app/utils/ticker.ts'
import type { Exchange, VendorType } from '#db/types.ts'

import { type PlannedAlias, planUniverse, type RegistryState, type UniversePlan } from './company-universe-plan.server.ts'

export type { UniversePlan } from './company-universe-plan.server.ts'

// Importing a company universe (issue 13): the preview is planUniverseImport (a dry run:
// reads, changes nothing); applyUniverseImport plans again inside one transaction and
// writes it in batches, with one audit entry. 10,000 companies take a few seconds on
// PGlite (tests/bench/universe.bench.ts), so it runs in the request.

const BATCH = 1000

async function loadRegistry(db: DB): Promise<RegistryState> {
  const [companies, tickers, aliases] = await Promise.all([
    db.selectFrom('company').select(['id', 'name_en', 'name_zh', 'region']).execute(),
    db.selectFrom('company_ticker').select(['id', 'company_id', 'exchange', 'code', 'board']).execute(),
    db.selectFrom('company_alias').select(['company_id', 'normalised_text']).execute(),
  ])
  return {
    companies: new Map(companies.map((c) => [c.id, { nameEn: c.name_en, nameZh: c.name_zh, region: c.region }])),
    tickers: new Map(tickers.map((t) => [tickerKey(t), { id: t.id, companyId: t.company_id, board: t.board }])),
    aliases: new Map(aliases.map((a) => [a.normalised_text, a.company_id])),
    namesEn: new Set(companies.map((c) => c.name_en.toLowerCase())),
  }
}

/** What importing these companies would do; changes nothing. */
export async function planUniverseImport(db: DB, records: UniverseRecord[]): Promise<UniversePlan> {
  return planUniverse(records, await loadRegistry(db))
}

export interface UniverseImportOptions {
  fileName: string
  format: UniverseFormat
  vendorType: VendorType
  skipped: UniverseSkip[]
}

function chunk<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH))
  return out
}

const aliasRow = (companyId: number, a: PlannedAlias) => ({
  company_id: companyId,
  text: a.text,
  normalised_text: a.normalised,
  language: a.language,
  kind: a.kind,
  is_ambiguous: a.ambiguousReason !== null,
  ambiguous_reason: a.ambiguousReason,
})

/** The counts people see and the audit log keeps. */
export function countUniversePlan(plan: UniversePlan) {
  const aliases = [...plan.created.flatMap((c) => c.aliases), ...plan.updated.flatMap((u) => u.addAliases)]
  return {
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    conflicts: plan.conflicts.length,
    tickersAdded: plan.created.reduce((n, c) => n + c.tickers.length, 0) + plan.updated.reduce((n, u) => n + u.addTickers.length, 0),
    aliasesAdded: aliases.length,
    ambiguousAliases: aliases.filter((a) => a.ambiguousReason !== null).length,
    heldBack: plan.heldBack,
  }
}

async function writePlan(tx: DB, plan: UniversePlan, vendorType: VendorType): Promise<void> {
  const tickerRows: {
    company_id: number
    exchange: Exchange
    code: string
    is_primary: boolean
    board: UniversePlan['created'][0]['tickers'][0]['board']
  }[] = []
  const aliasRows: ReturnType<typeof aliasRow>[] = []
  for (const batch of chunk(plan.created)) {
    const ids = await tx
      .insertInto('company')
      .values(batch.map((c) => ({ name_en: c.nameEn, name_zh: c.nameZh, region: c.region, is_listed: true, vendor_type: vendorType })))
      .returning(['id', 'name_en'])
      .execute()
    // Matched by name (unique, lower-cased) rather than by the order RETURNING happens to keep.
    const idOf = new Map(ids.map((r) => [r.name_en.toLowerCase(), r.id]))
    for (const c of batch) {
      const id = idOf.get(c.nameEn.toLowerCase())!
      c.tickers.forEach((t, i) =>
        tickerRows.push({ company_id: id, exchange: t.exchange, code: t.code, is_primary: i === 0, board: t.board }),
      )
      for (const a of c.aliases) aliasRows.push(aliasRow(id, a))
    }
  }
  const updatedIds = plan.updated.map((u) => u.companyId)
  const withPrimary = new Set<number>()
  for (const batch of chunk(updatedIds)) {
    const rows = await tx
      .selectFrom('company_ticker')
      .select('company_id')
      .where('company_id', 'in', batch)
      .where('is_primary', '=', true)
      .execute()
    for (const r of rows) withPrimary.add(r.company_id)
  }
  for (const u of plan.updated) {
    u.addTickers.forEach((t, i) =>
      tickerRows.push({
        company_id: u.companyId,
        exchange: t.exchange,
        code: t.code,
        is_primary: i === 0 && !withPrimary.has(u.companyId),
        board: t.board,
      }),
    )
    for (const a of u.addAliases) aliasRows.push(aliasRow(u.companyId, a))
  }
  for (const batch of chunk(tickerRows)) await tx.insertInto('company_ticker').values(batch).execute()
  for (const batch of chunk(aliasRows)) await tx.insertInto('company_alias').values(batch).execute()

  const boards = plan.updated.flatMap((u) => u.setBoards)
  for (const batch of chunk(boards)) {
    const values = sql.join(batch.map((b) => sql`(${b.tickerId}::int, ${b.board}::text)`))
    await sql`update company_ticker t set board = v.board from (values ${values}) as v(id, board) where t.id = v.id`.execute(tx)
  }
  const names = plan.updated.filter((u) => u.setNameZh !== null)
  for (const batch of chunk(names)) {
    const values = sql.join(batch.map((u) => sql`(${u.companyId}::int, ${u.setNameZh}::text)`))
    await sql`update company c set name_zh = v.name_zh from (values ${values}) as v(id, name_zh) where c.id = v.id`.execute(tx)
  }
  for (const batch of chunk(updatedIds)) await tx.updateTable('company').set({ updated_at: new Date() }).where('id', 'in', batch).execute()
}

export class UniverseImportConflict extends Refusal {
  constructor() {
    super('conflict', { messageKey: 'universe.conflict', status: 409 })
  }
}

/** Applies the import in one transaction, with one audit entry (actor null: the command line); returns what it did. */
export async function applyUniverseImport(
  db: DB,
  actor: Actor | null,
  records: UniverseRecord[],
  options: UniverseImportOptions,
): Promise<UniversePlan> {
  try {
    return await inTransaction(db, async (tx) => {
      const plan = planUniverse(records, await loadRegistry(tx))
      await writePlan(tx, plan, options.vendorType)
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: 'company.universe_import',
        entityType: 'company',
        newValue: {
          file: options.fileName,
          format: options.format,
          ...countUniversePlan(plan),
          skipped: options.skipped.length,
          // The first names of each kind, so the log says what happened without 10,000 rows.
          createdNames: plan.created.slice(0, 50).map((c) => `${c.nameEn} ${c.tickers.map(formatTicker).join(' ')}`),
          updatedIds: plan.updated.slice(0, 200).map((u) => u.companyId),
        },
        ip: actor?.ip ?? null,
      })
      return plan
    })
  } catch (error) {
    // Someone added the same ticker or alias while this ran: nothing was written.
    if (sqlState(error) === UNIQUE_VIOLATION) throw new UniverseImportConflict()
    throw error
  }
}

/** What the import page shows of a plan: the counts, and the first rows of each kind. */
export function summariseUniversePlan(plan: UniversePlan, skipped: UniverseSkip[], limit = 200) {
  const cut = <T>(items: T[]) => ({ items: items.slice(0, limit), more: Math.max(0, items.length - limit) })
  return {
    counts: { ...countUniversePlan(plan), skipped: skipped.length },
    created: cut(
      plan.created.map((c) => ({
        row: c.rows[0],
        nameEn: c.nameEn,
        nameZh: c.nameZh,
        tickers: c.tickers.map((t) => ({ ticker: formatTicker(t), board: t.board })),
        aliases: c.aliases.map((a) => ({ text: a.text, ambiguous: a.ambiguousReason !== null })),
      })),
    ),
    updated: cut(
      plan.updated.map((u) => ({
        id: u.companyId,
        row: u.rows[0],
        nameEn: u.nameEn,
        nameZh: u.nameZh,
        tickers: u.addTickers.map((t) => ({ ticker: formatTicker(t), board: t.board })),
        boards: u.setBoards.map((b) => ({ ticker: b.ticker, board: b.board })),
        nameZhSet: u.setNameZh,
        aliases: u.addAliases.map((a) => ({ text: a.text, ambiguous: a.ambiguousReason !== null })),
      })),
    ),
    unchanged: cut(plan.unchanged.map((u) => ({ id: u.companyId, row: u.rows[0], nameEn: u.nameEn, nameZh: u.nameZh }))),
    skipped: cut(skipped),
    conflicts: cut(plan.conflicts),
  }
}
export type UniversePlanSummary = ReturnType<typeof summariseUniversePlan>
