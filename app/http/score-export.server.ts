import type { ScoreChangeRow, ScoreHistoryRow } from '#app/models/scoring/index.server.ts'
import { toReadableStream, type XlsxCell, type XlsxColumnKind, xlsxStream } from '#app/utils/xlsx-stream.server.ts'
import { makeZonedClock } from '#app/utils/zoned-time.ts'

// Writes score history as CSV or XLSX while it is read, page by page: five years of 30
// analysts is ~313,000 rows, which as one in-memory workbook took minutes and gigabytes.
// The response streams; memory stays at about one page of rows. Times are the team's
// (the UI's), and the header says which zone they are in.

const SCORE_COLUMNS = [
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
]
export const scoreHeader = (timeZone: string) => [...SCORE_COLUMNS, `saved_at (${timeZone})`]
export const changeHeader = (timeZone: string) => [
  'week',
  'modality',
  'dimension',
  'analyst',
  'level',
  'level_en',
  'level_zh',
  'reason',
  'evidence',
  `saved_at (${timeZone})`,
  `replaced_at (${timeZone})`,
  'replaced_by_level',
]
export const CONSENSUS_HEADER = ['week', 'modality', 'dimension', 'median', 'mean', 'min', 'max', 'scorers', 'disagreement']

export interface ScoreExport {
  timeZone: string
  /** The scores a few weeks at a time, each page with its consensus rows (asked for by the XLSX only). */
  pages: AsyncIterable<{ rows: ScoreHistoryRow[]; consensus: () => Promise<XlsxCell[][]> }>
  /** The saves later replaced, a few weeks at a time. */
  changes: () => AsyncIterable<ScoreChangeRow[]>
}

// A cell that starts like a formula would run as one when the CSV is opened in a spreadsheet.
export const defuse = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

// Papa.unparse's quoting by hand (a cell with a comma, quote, line break or BOM, or with a
// space at either end, is quoted; quotes doubled): the same text, at 4x its speed on 5 years.
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(defuse(value))
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Cells as CSV, without the line end. */
export function csvCells(cells: readonly unknown[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`
  return line
}

/** One CSV line of a row, with the line end. */
export const csvLine = (cells: readonly unknown[]) => `${csvCells(cells)}\r\n`

/** UTF-8 with a BOM, so Excel reads the Chinese names. */
function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly unknown[])[]>): ReadableStream<Uint8Array> {
  async function* lines() {
    yield Buffer.from(`\uFEFF${csvLine(header)}`, 'utf8')
    for await (const batch of batches) {
      let text = ''
      for (const row of batch) text += csvLine(row)
      if (text) yield Buffer.from(text, 'utf8')
    }
  }
  return toReadableStream(lines())
}

// Times are text in a CSV and real date-times (team wall clock) in the XLSX.
type TimeAs = 'text' | 'localMs'

function scoreRows(exported: ScoreExport, time: TimeAs, onPage?: (consensus: () => Promise<XlsxCell[][]>) => Promise<void>) {
  const clock = makeZonedClock(exported.timeZone)
  const local = time === 'text' ? clock.text : clock.localMs
  return (async function* () {
    for await (const page of exported.pages) {
      yield page.rows.map((r) => [
        r.week,
        r.modality.slug,
        r.modality.en,
        r.modality.zh,
        r.dimension.slug,
        r.dimension.en,
        r.dimension.zh,
        r.analyst,
        r.level.rubric,
        r.level.rubricVersion,
        r.level.level,
        r.level.en,
        r.level.zh,
        r.reason,
        r.evidence,
        local(r.savedAtMs),
      ])
      await onPage?.(page.consensus)
    }
  })()
}

function changeRows(exported: ScoreExport, time: TimeAs) {
  const clock = makeZonedClock(exported.timeZone)
  const local = time === 'text' ? clock.text : clock.localMs
  return (async function* () {
    for await (const page of exported.changes()) {
      yield page.map((r) => [
        r.week,
        r.modality,
        r.dimension,
        r.analyst,
        r.level,
        r.levelEn,
        r.levelZh,
        r.reason,
        r.evidence,
        local(r.savedAtMs),
        local(r.replacedAtMs),
        r.replacedBy,
      ])
    }
  })()
}

export const changesCsv = (exported: ScoreExport) => csvStream(changeHeader(exported.timeZone), changeRows(exported, 'text'))

// Names, weeks and levels repeat on every row: through the shared-string table.
const S: XlsxColumnKind = 'shared'
const SCORE_KINDS: XlsxColumnKind[] = [S, S, S, S, S, S, S, S, S, undefined, undefined, S, S, undefined, undefined, 'dateTime']
const CHANGE_KINDS: XlsxColumnKind[] = [S, S, S, S, undefined, S, S, undefined, undefined, 'dateTime', 'dateTime']
const CONSENSUS_KINDS: XlsxColumnKind[] = [S, S, S]

/**
 * "Scores" (the rows as they are: an XLSX text cell never runs as a formula), "Consensus"
 * per modality x dimension x week, and "Earlier saves" (the replaced values). Sheets are
 * written one after the other, so each page's consensus (one row per cell and week) is
 * kept until the scores are done.
 */
export function scoresXlsx(exported: ScoreExport): ReadableStream<Uint8Array> {
  const consensus: XlsxCell[][] = []
  const collect = async (rows: () => Promise<XlsxCell[][]>) => {
    for (const row of await rows()) consensus.push(row)
  }
  return toReadableStream(
    xlsxStream([
      {
        name: 'Scores',
        header: scoreHeader(exported.timeZone),
        widths: [10, 12, 16, 10, 14, 16, 10, 16, 12, 8, 6, 12, 8, 40, 30, 20],
        kinds: SCORE_KINDS,
        rows: scoreRows(exported, 'localMs', collect),
      },
      { name: 'Consensus', header: CONSENSUS_HEADER, kinds: CONSENSUS_KINDS, rows: [consensus] },
      {
        name: 'Earlier saves',
        header: changeHeader(exported.timeZone),
        widths: [10, 12, 14, 16, 6, 12, 8, 40, 30, 20, 20, 8],
        kinds: CHANGE_KINDS,
        rows: changeRows(exported, 'localMs'),
      },
    ]),
  )
}
