import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import type { CompanyMatch } from '#app/models/company/company-lookup.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { MAX_COMPANY_TEXT, MAX_NOTES, MAX_RATIONALE, parseTags } from '#app/schemas/watchlist.ts'
import { splitBilingualName } from '#app/utils/bilingual-name.ts'
import { normaliseAlias } from '#app/utils/normalise.ts'
import { Refusal } from '#app/utils/refusal.ts'
import type { Region, VendorType } from '#db/types.ts'

import { describeUnresolved, FORMULA_TEXT, mapWatchlistError, type UnresolvedReason, WatchlistError } from './watchlist.server.ts'
// Import of a watchlist from a spreadsheet, all or nothing: every row must name a known
// company, or the user asks for the unknown names to be created; then everything happens
// in one transaction. Rows repeating a company, or naming one already on the list, are
// reported and skipped.
import { chunks, resolveCompanies } from './watchlist-company-match.server.ts'
import type { ImportColumn, ImportRow } from './watchlist-import-rows.server.ts'

export interface PlannedAdd {
  row: number
  text: string
  companyId: number | null // null: a company the import would create
  name: string
  nameZh: string
  matchedBy: CompanyMatch['matchedBy'] | 'new'
  rationale: string
  notesMd: string
  tags: string[]
}

export interface ImportPlan {
  total: number
  toAdd: PlannedAdd[]
  unresolved: { row: number; text: string; reason: UnresolvedReason }[]
  duplicates: { row: number; text: string; firstRow: number }[]
  alreadyListed: { row: number; text: string; name: string; nameZh: string }[]
  invalid: { row: number; column: ImportColumn; message: string }[]
}

/** Whether the plan may run: no invalid rows, and every unknown company either creatable and asked for, or absent. */
export function canImport(plan: ImportPlan, createMissing: boolean): boolean {
  if (plan.invalid.length > 0) return false
  if (plan.unresolved.some((u) => u.reason !== 'unknown')) return false
  return plan.unresolved.length === 0 || createMissing
}

function validateRow(row: ImportRow): ImportPlan['invalid'] {
  const problems: ImportPlan['invalid'] = []
  const add = (column: ImportColumn, message: string) => problems.push({ row: row.rowNumber, column, message })
  if (!row.company) add('company', 'validation.required')
  else if (row.company.length > MAX_COMPANY_TEXT) add('company', `validation.tooLong?max=${MAX_COMPANY_TEXT}`)
  if (row.rationale.length > MAX_RATIONALE) add('rationale', `validation.tooLong?max=${MAX_RATIONALE}`)
  if (row.notes.length > MAX_NOTES) add('notes', `validation.tooLong?max=${MAX_NOTES}`)
  // "=..." in any cell is a formula someone pasted, not data (a leading apostrophe,
  // as our export writes, keeps it as text).
  for (const column of ['rationale', 'notes', 'tags'] as const) {
    if (row[column].startsWith('=')) add(column, 'watchlists.import.formulaCell')
  }
  const tags = parseTags(row.tags)
  if (!tags.ok) add('tags', tags.error)
  return problems
}

/** What importing these rows into the watchlist would do; changes nothing. */
export async function planImport(db: DB, watchlistId: number, rows: ImportRow[]): Promise<ImportPlan> {
  const plan: ImportPlan = { total: rows.length, toAdd: [], unresolved: [], duplicates: [], alreadyListed: [], invalid: [] }
  const valid = rows.filter((row) => {
    const problems = validateRow(row)
    plan.invalid.push(...problems)
    return problems.length === 0
  })
  const matches = await resolveCompanies(
    db,
    valid.filter((r) => !FORMULA_TEXT.test(r.company)).map((r) => r.company),
  )
  const live = new Set(
    (
      await db
        .selectFrom('watchlist_entry')
        .select('company_id')
        .where('watchlist_id', '=', watchlistId)
        .where('removed_at', 'is', null)
        .execute()
    ).map((r) => r.company_id),
  )
  const firstRowOf = new Map<string, number>()
  for (const row of valid) {
    const match = matches.get(row.company) ?? null
    const key = match ? `id:${match.id}` : `new:${normaliseAlias(row.company)}`
    const firstRow = firstRowOf.get(key)
    if (firstRow !== undefined) {
      plan.duplicates.push({ row: row.rowNumber, text: row.company, firstRow })
      continue
    }
    firstRowOf.set(key, row.rowNumber)
    if (match && live.has(match.id)) {
      plan.alreadyListed.push({ row: row.rowNumber, text: row.company, name: match.nameEn, nameZh: match.nameZh })
      continue
    }
    const entry = { rationale: row.rationale, notesMd: row.notes, tags: (parseTags(row.tags) as { tags: string[] }).tags }
    if (match) {
      plan.toAdd.push({
        row: row.rowNumber,
        text: row.company,
        companyId: match.id,
        name: match.nameEn,
        nameZh: match.nameZh,
        matchedBy: match.matchedBy,
        ...entry,
      })
    } else {
      const reason = describeUnresolved(row.company)
      plan.unresolved.push({ row: row.rowNumber, text: row.company, reason })
      // Only plain unknown names can become companies; tickers and formulas never do.
      if (reason === 'unknown') {
        const names = splitBilingualName(row.company)
        plan.toAdd.push({
          row: row.rowNumber,
          text: row.company,
          companyId: null,
          name: names.nameEn,
          nameZh: names.nameZh,
          matchedBy: 'new',
          ...entry,
        })
      }
    }
  }
  return plan
}

/** Rows that cannot be imported as they stand; the route shows the plan with the refusal. */
export class ImportBlockedError extends Refusal {
  constructor(public readonly plan: ImportPlan) {
    const onlyUnknown = plan.invalid.length === 0 && plan.unresolved.every((u) => u.reason === 'unknown')
    super('blocked', { messageKey: onlyUnknown ? 'watchlists.import.blockedUnknown' : 'watchlists.import.blocked', status: 422 })
  }
}

export interface ImportOptions {
  fileName: string
  /** Create unknown companies with this region and vendor type; null refuses unknown rows. */
  createMissing: { region: Region; vendorType: VendorType } | null
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u

/**
 * The English names new companies get: the English part of the typed name, or the whole
 * text when that part is already another company's name (or another new one's).
 */
async function englishNamesFor(tx: DB, missing: PlannedAdd[]): Promise<Map<PlannedAdd, string>> {
  const wanted = [...new Set(missing.map((m) => m.name.toLowerCase()))]
  const taken = new Set<string>()
  for (const part of chunks(wanted)) {
    const rows = await tx
      .selectFrom('company')
      .select('name_en')
      .where(sql<string>`lower(name_en)`, 'in', part)
      .execute()
    for (const r of rows) taken.add(r.name_en.toLowerCase())
  }
  const names = new Map<PlannedAdd, string>()
  for (const m of missing) {
    const name = taken.has(m.name.toLowerCase()) ? m.text : m.name
    taken.add(name.toLowerCase())
    names.set(m, name)
  }
  return names
}

/** The plan as it stands after the import: created companies are known, no longer unresolved. */
function planAfterImport(plan: ImportPlan): ImportPlan {
  const created = new Set(plan.toAdd.filter((a) => a.matchedBy === 'new').map((a) => a.row))
  return { ...plan, unresolved: plan.unresolved.filter((u) => !created.has(u.row)) }
}

/** Imports the rows in one transaction, or throws ImportBlockedError and changes nothing. */
export async function importRows(db: DB, actor: Actor, watchlistId: number, rows: ImportRow[], options: ImportOptions) {
  try {
    return await inTransaction(db, async (tx) => {
      const watchlist = await tx
        .selectFrom('watchlist')
        .select(['id', 'archived_at as archivedAt'])
        .where('id', '=', watchlistId)
        .forUpdate()
        .executeTakeFirst()
      if (!watchlist) throw new WatchlistError('notFound')
      if (watchlist.archivedAt) throw new WatchlistError('archived')
      // Planned again inside the transaction: the preview the user saw may be stale.
      const plan = await planImport(tx, watchlistId, rows)
      if (!canImport(plan, options.createMissing !== null)) throw new ImportBlockedError(plan)

      const created: { id: number; name: string; nameZh: string }[] = []
      const missing = plan.toAdd.filter((a) => a.companyId === null)
      if (missing.length && options.createMissing) {
        const { region, vendorType } = options.createMissing
        const englishNames = await englishNamesFor(tx, missing)
        for (const m of missing) m.name = englishNames.get(m)!
        for (const part of chunks(missing)) {
          const rowsCreated = await tx
            .insertInto('company')
            .values(
              part.map((m) => ({
                name_en: m.name,
                name_zh: m.nameZh,
                region,
                vendor_type: vendorType,
                is_listed: false,
              })),
            )
            .returning(['id', 'name_en as name', 'name_zh as nameZh'])
            .execute()
          created.push(...rowsCreated)
        }
        const idByName = new Map(created.map((c) => [c.name.toLowerCase(), c.id]))
        for (const m of missing) m.companyId = idByName.get(m.name.toLowerCase()) ?? null
        for (const part of chunks(missing)) {
          await tx
            .insertInto('company_alias')
            .values(
              part.map((m) => ({
                company_id: m.companyId!,
                text: m.text,
                normalised_text: normaliseAlias(m.text),
                language: CJK.test(m.text) ? ('zh' as const) : ('any' as const),
                kind: 'name' as const,
              })),
            )
            .execute()
        }
        for (const c of created) {
          await recordAudit(tx, {
            actorId: actor.id,
            action: 'company.create',
            entityType: 'company',
            entityId: c.id,
            newValue: { nameEn: c.name, nameZh: c.nameZh, region, vendorType, isListed: false, via: 'watchlist.import', watchlistId },
            ip: actor.ip,
          })
        }
      }

      for (const part of chunks(plan.toAdd)) {
        await tx
          .insertInto('watchlist_entry')
          .values(
            part.map((a) => ({
              watchlist_id: watchlistId,
              company_id: a.companyId!,
              rationale: a.rationale,
              notes_md: a.notesMd,
              tags: a.tags,
              added_by: actor.id,
            })),
          )
          .execute()
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'watchlist.import',
        entityType: 'watchlist',
        entityId: watchlistId,
        newValue: {
          fileName: options.fileName,
          added: plan.toAdd.map((a) => ({ row: a.row, companyId: a.companyId, name: a.name })),
          createdCompanies: created,
          skippedDuplicates: plan.duplicates.map((d) => d.row),
          skippedAlreadyListed: plan.alreadyListed.map((d) => d.row),
        },
        ip: actor.ip,
      })
      return { plan: planAfterImport(plan), added: plan.toAdd.length, created }
    })
  } catch (error) {
    throw mapWatchlistError(error)
  }
}

/** The plan as a page shows it: counts, and at most `limit` rows of each list. */
