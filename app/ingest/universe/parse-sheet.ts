import type { SheetRow } from '#app/utils/spreadsheet.server.ts'
import { parseTicker, type Ticker } from '#app/utils/ticker.ts'
import type { Exchange } from '#db/types.ts'

import { boardOf } from './board.ts'
import { type ColumnIndex, columnsOf, type UniverseColumn } from './columns.ts'
import { cleanName, simplifiedChinese, stripListingMarks } from './names.ts'
import type { ParsedUniverse, UniverseFormat, UniverseRecord, UniverseSkip, UniverseTicker } from './types.ts'

// One parser for the spreadsheet layouts: each layout differs in its columns (columns.ts)
// and in how a code becomes a ticker (the exchanges' lists give bare codes of their own
// exchange; the terminals' exports carry the exchange in the code).

const HAN = /\p{Script=Han}/u

const EXCHANGE_OF: Partial<Record<UniverseFormat, Exchange>> = { hkex: 'HK', sse: 'SH', szse: 'SZ', bse: 'BJ' }

/** A code as an exchange's list writes it; Excel turns 000001 into 1, so A-share codes get their zeros back. */
function exchangeTicker(exchange: Exchange, raw: string): Ticker | null {
  const code = raw.normalize('NFKC').trim().replace(/\.0+$/u, '')
  if (!/^\d{1,6}$/u.test(code)) return parseTicker(code)
  return parseTicker(`${exchange === 'HK' ? code : code.padStart(6, '0')}.${exchange}`)
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((part) => cleanName(part))
    .filter(Boolean)
}

interface RowContext {
  format: UniverseFormat
  index: ColumnIndex
  cells: string[]
}

const cellOf = ({ index, cells }: RowContext, column: UniverseColumn) =>
  index[column] === undefined ? '' : cleanName(cells[index[column]!] ?? '')

function tickersOf(context: RowContext): { tickers: UniverseTicker[]; bad: string | null } {
  const { format } = context
  const board = cellOf(context, 'board') || cellOf(context, 'subCategory')
  const raw =
    format === 'template' ? splitList(cellOf(context, 'tickers'), /[\s,;，；、]+/u) : [cellOf(context, 'code'), cellOf(context, 'codeB')]
  const tickers: UniverseTicker[] = []
  let bad: string | null = null
  for (const [i, text] of raw.entries()) {
    if (!text || /^[-—]+$/u.test(text)) continue
    const exchange = EXCHANGE_OF[format]
    const ticker = exchange ? exchangeTicker(exchange, text) : parseTicker(text)
    if (!ticker) {
      bad ??= text
      continue
    }
    // A list's board column describes its main line; a B share sits on the main board.
    const hint = i === 0 || format === 'template' ? board : ''
    if (!tickers.some((t) => t.exchange === ticker.exchange && t.code === ticker.code))
      tickers.push({ ...ticker, board: boardOf(ticker, hint) })
  }
  return { tickers, bad }
}

function isEquity(context: RowContext): boolean {
  if (context.format !== 'hkex' || context.index.category === undefined) return true
  const category = cellOf(context, 'category').toLowerCase()
  return category === 'equity' || category.startsWith('股本')
}

function recordOf(context: RowContext, row: number): UniverseRecord | UniverseSkip {
  const { format } = context
  const first = cellOf(context, 'code') || cellOf(context, 'tickers') || cellOf(context, 'shortName')
  if (!isEquity(context)) return { row, reason: 'notEquity', text: first }
  const { tickers, bad } = tickersOf(context)
  if (tickers.length === 0) return { row, reason: bad ? 'badTicker' : 'noTicker', text: bad ?? first }
  const shortNames: string[] = []
  let nameZh = simplifiedChinese(cellOf(context, 'nameZh'))
  let nameEn = cellOf(context, 'nameEn')
  for (const column of ['shortName', 'shortNameLong', 'shortNameEn'] as const) {
    const text = stripListingMarks(simplifiedChinese(cellOf(context, column)))
    if (text && !shortNames.includes(text)) shortNames.push(text)
  }
  // HKEX's English list has only a short name in capitals: it is the English name we have.
  if (format === 'hkex' && !nameEn && shortNames[0] && !HAN.test(shortNames[0])) nameEn = shortNames[0]
  if (!nameZh && nameEn && HAN.test(nameEn)) [nameZh, nameEn] = [nameEn, '']
  const aliases = format === 'template' ? splitList(cellOf(context, 'aliases'), /[;；|\n]+/u) : []
  if (!nameEn && !nameZh && shortNames.length === 0) return { row, reason: 'noName', text: first }
  return { row, tickers, nameEn, nameZh, shortNames, aliases }
}

/** The companies of a sheet in a known layout, header row given; rows without a usable ticker are skipped. */
export function parseSheet(format: UniverseFormat, header: readonly string[], rows: readonly SheetRow[]): ParsedUniverse {
  const index = columnsOf(format, header)
  const records: UniverseRecord[] = []
  const skipped: UniverseSkip[] = []
  for (const { rowNumber, cells } of rows) {
    if (cells.every((cell) => cell.trim() === '')) continue
    const result = recordOf({ format, index, cells }, rowNumber)
    if ('reason' in result) skipped.push(result)
    else records.push(result)
  }
  return { format, records, skipped }
}
