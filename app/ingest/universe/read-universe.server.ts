import { MAX_UNIVERSE_BYTES, MAX_UNIVERSE_ROWS } from '#app/schemas/universe.ts'
import { Refusal } from '#app/utils/refusal.ts'
import { readSpreadsheetGrid, type SheetRow, SpreadsheetError } from '#app/utils/spreadsheet.server.ts'

import { detectLayout } from './columns.ts'
import { parseSec } from './parse-sec.ts'
import { parseSheet } from './parse-sheet.ts'
import type { ParsedUniverse, UniverseFormat } from './types.ts'

// Reads an uploaded universe file: the SEC's JSON, or a sheet (XLSX, CSV, or the tab-
// separated text SSE serves under a .xls name) in one of the known layouts, recognised
// from its header row. Real binary .xls (BIFF, old Excel) has no reader here: the
// person is asked to save it as XLSX or CSV.

export { MAX_UNIVERSE_BYTES, MAX_UNIVERSE_ROWS }

export type UniverseFileFailure = 'tooLarge' | 'tooManyRows' | 'oldExcel' | 'unknownLayout' | 'wrongLayout' | 'badJson' | 'empty'

export class UniverseFileError extends Refusal {
  constructor(reason: UniverseFileFailure, params = '') {
    const status = reason === 'tooLarge' ? 413 : reason === 'oldExcel' ? 415 : 400
    super(reason, { field: 'file', messageKey: `universe.file.${reason}${params}`, status })
  }
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
// Publishers put a title and a date above the header (HKEX: "List of Securities", "Updated as at ...").
const HEADER_SEARCH_ROWS = 20

function firstCharacter(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  for (let i = start; i < Math.min(bytes.length, start + 64); i += 1) {
    if (![0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) return String.fromCharCode(bytes[i])
  }
  return ''
}

function readJson(bytes: Uint8Array): ParsedUniverse {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new UniverseFileError('badJson')
  }
  const parsed = parseSec(json)
  if (!parsed) throw new UniverseFileError('unknownLayout')
  return parsed
}

async function readGrid(bytes: Uint8Array, fileName: string): Promise<SheetRow[]> {
  // SSE's "xls" download is tab-separated text; only a real BIFF workbook is refused.
  const name = /\.xls$/iu.test(fileName) ? fileName.replace(/\.xls$/iu, '.csv') : fileName
  try {
    return await readSpreadsheetGrid(bytes, name, { maxBytes: MAX_UNIVERSE_BYTES, maxRows: MAX_UNIVERSE_ROWS })
  } catch (error) {
    if (error instanceof SpreadsheetError && error.reason === 'tooManyRows')
      throw new UniverseFileError('tooManyRows', `?max=${MAX_UNIVERSE_ROWS}`)
    throw error
  }
}

/** The companies in an uploaded file; refuses what it cannot read with a message for the person. */
export async function readUniverseFile(
  bytes: Uint8Array,
  fileName: string,
  format: UniverseFormat | 'auto' = 'auto',
): Promise<ParsedUniverse> {
  if (bytes.byteLength === 0) throw new UniverseFileError('empty')
  if (bytes.byteLength > MAX_UNIVERSE_BYTES) throw new UniverseFileError('tooLarge', `?max=${MAX_UNIVERSE_BYTES / 1_000_000}`)
  if (OLE2.every((byte, i) => bytes[i] === byte)) throw new UniverseFileError('oldExcel')
  const first = firstCharacter(bytes)
  if (format === 'sec' || ((first === '{' || first === '[') && format === 'auto')) return readJson(bytes)

  const grid = await readGrid(bytes, fileName)
  if (grid.length > MAX_UNIVERSE_ROWS + HEADER_SEARCH_ROWS) throw new UniverseFileError('tooManyRows', `?max=${MAX_UNIVERSE_ROWS}`)
  for (let at = 0; at < Math.min(grid.length, HEADER_SEARCH_ROWS); at += 1) {
    const header = grid[at].cells.map((cell) => cell.trim())
    const rows = grid.slice(at + 1)
    const found = detectLayout(
      header,
      rows.slice(0, 50).map((row) => row.cells),
    )
    if (!found) continue
    // A chosen layout is honoured when its columns are there; the terminals' exports share one.
    const family = (f: UniverseFormat) => (['wind', 'choice', 'ifind'].includes(f) ? 'vendor' : f)
    if (format !== 'auto' && family(format) !== family(found) && !(format === 'bse' && family(found) === 'vendor'))
      throw new UniverseFileError('wrongLayout', `?format=${format}`)
    return parseSheet(format === 'auto' ? found : format, header, rows)
  }
  throw new UniverseFileError(format === 'auto' ? 'unknownLayout' : 'wrongLayout', format === 'auto' ? '' : `?format=${format}`)
}
