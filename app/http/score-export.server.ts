import { PassThrough } from 'node:stream'

import { createReadableStreamFromReadable } from '@remix-run/node'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import type { ScoreHistoryRow } from '#app/models/scoring/index.server.ts'

// Writes score history as CSV or XLSX while it is read, page by page: five years of 30
// analysts is ~234,000 rows, which as one in-memory workbook took minutes and gigabytes.
// The response streams; memory stays at about one page of rows.

export const EXPORT_HEADER = [
  'week',
  'modality',
  'modality_en',
  'modality_zh',
  'dimension',
  'dimension_en',
  'dimension_zh',
  'analyst',
  'rubric',
  'rubric_version',
  'level',
  'level_en',
  'level_zh',
  'reason',
  'evidence',
  'saved_at',
]
export const CONSENSUS_HEADER = ['week', 'modality', 'dimension', 'median', 'mean', 'min', 'max', 'scorers', 'disagreement']

export type ExportPages = AsyncIterable<{ rows: ScoreHistoryRow[]; consensus: () => Promise<unknown[][]> }>

// A cell that starts like a formula would run as one when the CSV is opened in a spreadsheet.
export const defuse = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const rowOf = (r: ScoreHistoryRow) => [
  r.week,
  r.modality,
  r.modalityEn,
  r.modalityZh,
  r.dimension,
  r.dimensionEn,
  r.dimensionZh,
  r.analyst,
  r.rubric,
  r.rubricVersion,
  r.level,
  r.levelEn,
  r.levelZh,
  r.reason,
  r.evidence,
  r.savedAt.toISOString(),
]

// Papa.unparse's quoting by hand (a cell with a comma, quote, line break or BOM, or with a
// space at either end, is quoted; quotes doubled): the same text, at 4x its speed on 5 years.
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(defuse(value))
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line of a row, with the line end. */
export function csvLine(cells: readonly unknown[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`
  return `${line}\r\n`
}

/** UTF-8 with a BOM, so Excel reads the Chinese names. */
export function csvStream(pages: ExportPages): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = pages[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([EXPORT_HEADER])}\r\n`))
        return
      }
      const next = await iterator.next()
      if (next.done) return controller.close()
      let text = ''
      for (const row of next.value.rows) text += csvLine(rowOf(row))
      if (text) controller.enqueue(encoder.encode(text))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

/**
 * A "Scores" sheet (the rows as they are: an XLSX text cell never runs as a formula) and a
 * "Consensus" sheet per modality x dimension x week. Sheets are written one after the
 * other, so the consensus of each page is kept (small: one row per cell and week) until
 * the scores are done.
 */
export function xlsxStream(pages: ExportPages): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  // No styles part (the header's bold went with it) and the fastest deflate: 5 years of
  // scores is ~300,000 rows, and the text compresses about as well at level 1.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  })
  const write = async () => {
    const scores = workbook.addWorksheet('Scores', { views: [{ state: 'frozen', ySplit: 1 }] })
    const header = scores.addRow(EXPORT_HEADER)
    header.font = { bold: true }
    header.commit()
    const consensusRows: unknown[][] = []
    for await (const page of pages) {
      for (const r of page.rows) scores.addRow(rowOf(r)).commit()
      consensusRows.push(...(await page.consensus()))
    }
    scores.commit()
    const consensus = workbook.addWorksheet('Consensus', { views: [{ state: 'frozen', ySplit: 1 }] })
    const top = consensus.addRow(CONSENSUS_HEADER)
    top.font = { bold: true }
    top.commit()
    for (const row of consensusRows) consensus.addRow(row).commit()
    consensus.commit()
    await workbook.commit()
  }
  write().catch((error) => out.destroy(error))
  return createReadableStreamFromReadable(out)
}
