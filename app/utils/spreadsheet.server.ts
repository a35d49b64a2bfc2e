import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import { Refusal } from './refusal.ts'
import { checkZipInflatedSize } from './zip-size.server.ts'

export { zipUncompressedSize } from './zip-size.server.ts'

// Reading and writing the spreadsheets analysts trade with each other: CSV through
// papaparse and XLSX through exceljs, never a hand-written format. Reading turns any
// file into a header and numbered rows of plain strings (row numbers as Excel shows
// them: the header is row 1); everything that can go wrong is a SpreadsheetError that
// a route turns into a 4xx message.

export const MAX_SPREADSHEET_BYTES = 5_000_000
export const MAX_SPREADSHEET_ROWS = 5_000
// A 5 MB workbook can inflate to gigabytes (a "zip bomb"). A real list stays far below
// this: 5,000 rows of 12 columns of 50-character text inflate to 6.7 MB.
export const MAX_XLSX_UNCOMPRESSED_BYTES = 32_000_000

export type SpreadsheetFailure = 'empty' | 'tooLarge' | 'tooManyRows' | 'malformed' | 'unsupported' | 'formula'

function spreadsheetMessage(reason: SpreadsheetFailure, detail: { row?: number; max?: number }): { key: string; status: number } {
  switch (reason) {
    case 'tooLarge':
      // Over the upload limit, or (for XLSX) far larger once unpacked.
      return detail.max === MAX_SPREADSHEET_BYTES
        ? { key: `watchlists.import.tooLarge?max=${MAX_SPREADSHEET_BYTES / 1_000_000}`, status: 413 }
        : { key: 'watchlists.import.tooLargeUnpacked', status: 413 }
    case 'tooManyRows':
      return { key: `watchlists.import.tooManyRows?max=${detail.max}`, status: 400 }
    case 'empty':
      return { key: 'watchlists.import.empty', status: 400 }
    case 'unsupported':
      return { key: 'watchlists.import.unsupported', status: 415 }
    case 'formula':
      return { key: `watchlists.import.formula?row=${detail.row}`, status: 400 }
    case 'malformed':
      return { key: detail.row ? `watchlists.import.malformedRow?row=${detail.row}` : 'watchlists.import.malformed', status: 400 }
  }
}

export class SpreadsheetError extends Refusal {
  declare readonly reason: SpreadsheetFailure

  constructor(
    reason: SpreadsheetFailure,
    public readonly detail: { row?: number; max?: number } = {},
  ) {
    const { key, status } = spreadsheetMessage(reason, detail)
    super(reason, { field: 'file', messageKey: key, status })
    this.message = `spreadsheet ${reason}${detail.row ? ` (row ${detail.row})` : ''}`
  }
}

export interface SheetRow {
  /** The row number a person sees in Excel (the header is row 1). */
  rowNumber: number
  cells: string[]
}

export interface Sheet {
  header: string[]
  rows: SheetRow[]
}

interface Limits {
  maxBytes?: number
  maxRows?: number
}

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell that a spreadsheet program would run as a formula (=, +, -, @, or a leading tab
 * or carriage return, as OWASP lists them) gets a leading apostrophe, so an exported
 * "=HYPERLINK(...)" opens as text.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * Undoes neutraliseCell on import so an export read back gives the same text. Not for
 * "=": a cell that starts with "=" after this is refused by the importer, so a stray
 * apostrophe before "=" stays put and the value is kept as the text it shows.
 */
export function restoreNeutralisedCell(value: string): string {
  return /^'[+\-@\t\r]/.test(value) ? value.slice(1) : value
}

export type SpreadsheetFormat = 'csv' | 'xlsx'

/** Which reader a file needs, from its first bytes and then its name; null when neither fits. */
export function detectFormat(bytes: Uint8Array, fileName: string): SpreadsheetFormat | null {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (isZip) return extension === '' || extension === 'xlsx' ? 'xlsx' : null
  if (extension === 'xlsx') return 'xlsx' // claims to be XLSX but is not a zip: the reader says malformed
  if (['csv', 'txt', 'tsv', ''].includes(extension)) return 'csv'
  return null
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string, limits: Limits = {}): Promise<Sheet> {
  return toSheet(await readSpreadsheetGrid(bytes, fileName, limits), limits.maxRows ?? MAX_SPREADSHEET_ROWS)
}

/** Every row as read, title rows above the header included (publishers' lists have them). */
export async function readSpreadsheetGrid(bytes: Uint8Array, fileName: string, limits: Limits = {}): Promise<SheetRow[]> {
  const maxBytes = limits.maxBytes ?? MAX_SPREADSHEET_BYTES
  const maxRows = limits.maxRows ?? MAX_SPREADSHEET_ROWS
  if (bytes.byteLength === 0) throw new SpreadsheetError('empty')
  if (bytes.byteLength > maxBytes) throw new SpreadsheetError('tooLarge', { max: maxBytes })
  const format = detectFormat(bytes, fileName)
  if (!format) throw new SpreadsheetError('unsupported')
  return format === 'xlsx' ? readXlsxGrid(bytes, maxRows) : readCsvGrid(bytes)
}

function toSheet(grid: { rowNumber: number; cells: string[] }[], maxRows: number): Sheet {
  const nonEmpty = grid.filter((row) => row.cells.some((cell) => cell.trim() !== ''))
  if (nonEmpty.length === 0) throw new SpreadsheetError('empty')
  const [headerRow, ...rows] = nonEmpty
  if (rows.length === 0) throw new SpreadsheetError('empty')
  if (rows.length > maxRows) throw new SpreadsheetError('tooManyRows', { max: maxRows })
  const header = headerRow.cells.map((cell) => cell.trim())
  for (const row of rows) {
    // Cells beyond the header carry data nobody can name: refuse rather than drop them.
    if (row.cells.slice(header.length).some((cell) => cell.trim() !== '')) throw new SpreadsheetError('malformed', { row: row.rowNumber })
  }
  return { header, rows: rows.map((row) => ({ rowNumber: row.rowNumber, cells: header.map((_, i) => row.cells[i] ?? '') })) }
}

// Excel on a Chinese Windows saves "CSV" in GB18030 (GBK), elsewhere in UTF-8 (often with
// a BOM), and "Unicode text" in UTF-16LE: accept all three rather than show mojibake.
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  if (body.includes(0)) throw new SpreadsheetError('malformed') // a binary file renamed .csv
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body)
    } catch {
      throw new SpreadsheetError('malformed')
    }
  }
}

function readCsvGrid(bytes: Uint8Array): { rowNumber: number; cells: string[] }[] {
  const text = decodeText(bytes)
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  if (quoteError) throw new SpreadsheetError('malformed', { row: (quoteError.row ?? 0) + 1 })
  return parsed.data.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => restoreNeutralisedCell(cell)) }))
}

async function readXlsxGrid(bytes: Uint8Array, maxRows: number): Promise<{ rowNumber: number; cells: string[] }[]> {
  const size = await checkZipInflatedSize(bytes, MAX_XLSX_UNCOMPRESSED_BYTES)
  if (size === 'malformed') throw new SpreadsheetError('malformed')
  if (size === 'tooLarge') throw new SpreadsheetError('tooLarge', { max: MAX_XLSX_UNCOMPRESSED_BYTES })
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch {
    throw new SpreadsheetError('malformed')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new SpreadsheetError('empty')
  // +1 for the header; checked before walking the rows so a huge sheet fails fast.
  if (sheet.actualRowCount > maxRows + 1) throw new SpreadsheetError('tooManyRows', { max: maxRows })
  const grid: { rowNumber: number; cells: string[] }[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, rowNumber)
    })
    grid.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') })
  })
  return grid
}

function cellText(value: ExcelJS.CellValue, rowNumber: number): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return restoreNeutralisedCell(value)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('formula' in value || 'sharedFormula' in value) {
    // A cached formula result may be stale and the formula itself is not data: ask for values.
    throw new SpreadsheetError('formula', { row: rowNumber })
  }
  if ('richText' in value) return restoreNeutralisedCell(value.richText.map((part) => part.text).join(''))
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue, rowNumber)
  if ('error' in value) return ''
  return ''
}

/** CSV text with a BOM, so Excel opens Chinese text as UTF-8; every cell neutralised. */
export function writeCsv(header: string[], rows: string[][]): string {
  const data = [header, ...rows].map((row) => row.map(neutraliseCell))
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', quotes: false })}`
}

export async function writeXlsx(
  sheetName: string,
  header: string[],
  rows: string[][],
  columnWidths: number[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date()
  // Sheet names: at most 31 characters and none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(
    sheetName
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1',
  )
  sheet.addRow(header.map(neutraliseCell))
  for (const row of rows) sheet.addRow(row.map(neutraliseCell))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  header.forEach((_, i) => {
    sheet.getColumn(i + 1).width = columnWidths[i] ?? 18
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
