import { type DB, sqlState, UNIQUE_VIOLATION } from '#app/models/db.server.ts'
import { Refusal } from '#app/utils/refusal.ts'
import { formatTicker, type Ticker } from '#app/utils/ticker.ts'

// Duplicate protection for the company registry. An alias or ticker belongs to one
// company (unique keys in the schema); when a person adds one that is taken, they are
// told which company has it, so they can go there instead of creating a second row.

export interface OtherCompany {
  id: number
  nameEn: string
  nameZh: string
}

/** Which form field a problem belongs to: the route maps it onto its own field names. */
export type ProblemField = 'nameEn' | 'nameZh' | 'alias' | 'ticker' | 'parentId' | 'modalityIds' | 'form'

export type CompanyProblem =
  | { reason: 'aliasTaken'; field: ProblemField; value: string; other: OtherCompany }
  | { reason: 'tickerTaken'; field: ProblemField; value: string; other: OtherCompany }
  | { reason: 'nameTaken'; field: ProblemField; value: string; other: OtherCompany }
  | { reason: 'notFound' | 'parentMissing' | 'parentCycle' | 'modalityUnknown'; field: ProblemField }

/** The message names the other company in the reader's language, so routes build it with problemMessage(). */
export class CompanyEditError extends Refusal {
  constructor(public readonly problem: CompanyProblem) {
    const { code, status } = problemMessage(problem, 'en')
    super(problem.reason, { field: problem.field, messageKey: code, status })
  }
}

export interface PlannedAlias {
  text: string
  normalised: string
  field: ProblemField
}

export interface ConflictPlan {
  /** The company being edited: its own name may stay its own. */
  companyId?: number
  nameEn?: string
  aliases?: PlannedAlias[]
  /** An alias row being edited: its current text does not conflict with itself. */
  exceptAliasId?: number
  tickers?: Ticker[]
}

/** Throws CompanyEditError naming the other company when anything in the plan is taken. */
export async function assertNoConflicts(db: DB, plan: ConflictPlan): Promise<void> {
  if (plan.nameEn) {
    let q = db
      .selectFrom('company')
      .select(['id', 'name_en as nameEn', 'name_zh as nameZh'])
      .where((eb) => eb(eb.fn('lower', ['name_en']), '=', plan.nameEn!.toLowerCase()))
    if (plan.companyId) q = q.where('id', '<>', plan.companyId)
    const other = await q.executeTakeFirst()
    if (other) throw new CompanyEditError({ reason: 'nameTaken', field: 'nameEn', value: plan.nameEn, other })
  }
  if (plan.tickers?.length) {
    const tickers = plan.tickers
    const row = await db
      .selectFrom('company_ticker')
      .innerJoin('company', 'company.id', 'company_ticker.company_id')
      .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh', 'company_ticker.exchange', 'company_ticker.code'])
      .where((eb) =>
        eb.or(tickers.map((t) => eb.and([eb('company_ticker.exchange', '=', t.exchange), eb('company_ticker.code', '=', t.code)]))),
      )
      .orderBy('company_ticker.id')
      .executeTakeFirst()
    if (row) {
      const { exchange, code, ...other } = row
      throw new CompanyEditError({ reason: 'tickerTaken', field: 'ticker', value: formatTicker({ exchange, code }), other })
    }
  }
  if (plan.aliases?.length) {
    const byKey = new Map(plan.aliases.map((a) => [a.normalised, a]))
    let q = db
      .selectFrom('company_alias')
      .innerJoin('company', 'company.id', 'company_alias.company_id')
      .select(['company.id', 'company.name_en as nameEn', 'company.name_zh as nameZh', 'company_alias.normalised_text as normalised'])
      .where('company_alias.normalised_text', 'in', [...byKey.keys()])
    if (plan.exceptAliasId) q = q.where('company_alias.id', '<>', plan.exceptAliasId)
    const rows = await q.execute()
    // Report in the order the person typed them.
    const taken = plan.aliases.map((a) => ({ a, row: rows.find((r) => r.normalised === a.normalised) })).find((x) => x.row)
    if (taken?.row) {
      const { normalised: _n, ...other } = taken.row
      throw new CompanyEditError({ reason: 'aliasTaken', field: taken.a.field, value: taken.a.text, other })
    }
  }
}

/**
 * Runs a write that checked for conflicts first. If another request took the same alias or
 * ticker in between, the unique key refuses the write; the checks then run again outside
 * the rolled-back transaction, so the person still learns which company has it.
 */
export async function withConflictRecheck<T>(db: DB, plan: ConflictPlan, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) await assertNoConflicts(db, plan)
    throw error
  }
}

const problemKeys: Record<CompanyProblem['reason'], string> = {
  aliasTaken: 'companyEdit.aliasTaken',
  tickerTaken: 'companyEdit.tickerTaken',
  nameTaken: 'companyEdit.nameTaken',
  notFound: 'companyEdit.gone',
  parentMissing: 'companyEdit.parentMissing',
  parentCycle: 'companyEdit.parentCycle',
  modalityUnknown: 'companyEdit.modalityUnknown',
}

/**
 * The field error code for a problem ("companyEdit.aliasTaken?alias=...&company=..."),
 * naming the other company in the reader's language, and the HTTP status to answer with.
 */
export function problemMessage(problem: CompanyProblem, locale: 'en' | 'zh-CN'): { code: string; status: number } {
  const key = problemKeys[problem.reason]
  if (!('other' in problem)) return { code: key, status: problem.reason === 'notFound' ? 404 : 400 }
  const { nameEn, nameZh } = problem.other
  const company = locale === 'zh-CN' ? nameZh || nameEn : nameEn || nameZh
  const params = new URLSearchParams({ company, alias: problem.value, ticker: problem.value })
  return { code: `${key}?${params.toString()}`, status: 409 }
}
