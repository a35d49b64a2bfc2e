import { normaliseText } from '#app/utils/normalise.ts'
import { Refusal } from '#app/utils/refusal.ts'
import type { Sheet } from '#app/utils/spreadsheet.server.ts'

import type { ImportPlan } from './watchlist-import.server.ts'

// A spreadsheet's rows as watchlist import rows: which column is which (English or Chinese
// headers), one row per company.

export type ImportColumn = 'company' | 'rationale' | 'notes' | 'tags'

// Header names accepted in either language; they include the headers our own export
// writes (app/i18n/messages/watchlists.ts), so an export imports back.
const COLUMN_NAMES: Record<ImportColumn, string[]> = {
  company: ['company', 'company name', '公司', '公司名称'],
  rationale: ['rationale', 'reason', '理由', '入选理由'],
  notes: ['notes', 'note', 'notes (markdown)', '备注', '笔记'],
  tags: ['tags', 'tag', '标签'],
}

export class ImportFileError extends Refusal {
  constructor(reason: 'noCompanyColumn') {
    super(reason, { field: 'file', messageKey: 'watchlists.import.noCompanyColumn', status: 400 })
  }
}

export interface ImportRow {
  rowNumber: number
  company: string
  rationale: string
  notes: string
  tags: string
}

/** The rows of a sheet by column meaning; a sheet without a company column is refused. */
export function rowsFromSheet(sheet: Sheet): ImportRow[] {
  const index: Partial<Record<ImportColumn, number>> = {}
  sheet.header.forEach((name, i) => {
    const key = normaliseText(name)
    for (const column of Object.keys(COLUMN_NAMES) as ImportColumn[]) {
      if (index[column] === undefined && COLUMN_NAMES[column].includes(key)) index[column] = i
    }
  })
  if (index.company === undefined) throw new ImportFileError('noCompanyColumn')
  const cell = (cells: string[], column: ImportColumn) => (index[column] === undefined ? '' : (cells[index[column]!] ?? ''))
  return sheet.rows.map(({ rowNumber, cells }) => ({
    rowNumber,
    company: cell(cells, 'company').trim(),
    rationale: cell(cells, 'rationale').trim(),
    notes: cell(cells, 'notes').trim(),
    tags: cell(cells, 'tags'),
  }))
}

// What the page shows of a plan: counts, and the first rows of each kind.
export function summarisePlan(plan: ImportPlan, createMissing: boolean, limit = 200) {
  const adds = createMissing ? plan.toAdd : plan.toAdd.filter((a) => a.companyId !== null)
  const cut = <T>(items: T[]) => ({ items: items.slice(0, limit), more: Math.max(0, items.length - limit) })
  return {
    total: plan.total,
    counts: {
      known: plan.toAdd.filter((a) => a.companyId !== null).length,
      unresolved: plan.unresolved.length,
      duplicates: plan.duplicates.length,
      alreadyListed: plan.alreadyListed.length,
      invalid: plan.invalid.length,
    },
    toAdd: cut(adds.map(({ row, text, name, nameZh, matchedBy }) => ({ row, text, name, nameZh, matchedBy }))),
    unresolved: cut(plan.unresolved),
    duplicates: cut(plan.duplicates),
    alreadyListed: cut(plan.alreadyListed),
    invalid: cut(plan.invalid),
  }
}
export type PlanSummary = ReturnType<typeof summarisePlan>
