import type { ExportLevel, ExportName } from '#app/models/scoring/index.server.ts'
import { ByteWriter } from '#app/utils/byte-writer.ts'
import { toReadableStream } from '#app/utils/xlsx-stream.server.ts'
import { makeZonedClock } from '#app/utils/zoned-time.ts'

import { csvCell, csvCells, csvLine, type ScoreExport, scoreHeader } from './score-export.server.ts'

const COMMA = 44
const COLON = 58
const DAY_MS = 86_400_000

/**
 * The scores as CSV: the cells scoreRows gives the XLSX, written as bytes a page at a time.
 * Names, weeks and levels repeat on every row, so each is quoted and encoded once per
 * export (with its comma) and copied; reasons and evidence are encoded only when there
 * are any, and times are digits on a date encoded once per day. Building a cell array and
 * a string per row, a regex per cell and UTF-8 of the whole text cost 3x as much.
 */
export function scoresCsv(exported: ScoreExport): ReadableStream<Uint8Array> {
  const clock = makeZonedClock(exported.timeZone)
  const encoded = new Map<ExportName | ExportLevel | string, Buffer>()
  const once = <K extends ExportName | ExportLevel | string>(key: K, cells: (key: K) => unknown[]) => {
    let bytes = encoded.get(key)
    if (bytes === undefined) encoded.set(key, (bytes = Buffer.from(`${csvCells(cells(key))},`, 'utf8')))
    return bytes
  }
  const nameCells = (n: ExportName) => [n.slug, n.en, n.zh]
  const levelCells = (l: ExportLevel) => [l.rubric, l.rubricVersion, l.level, l.en, l.zh]
  const textCell = (text: string) => [text]
  const dates = new Map<number, Buffer>()
  const out = new ByteWriter()

  function writeTime(ms: number) {
    const local = clock.localMs(ms)
    const day = Math.floor(local / DAY_MS)
    let date = dates.get(day)
    if (date === undefined) {
      if (dates.size > 10_000) dates.clear()
      dates.set(day, (date = Buffer.from(clock.text(ms).slice(0, 11), 'latin1')))
    }
    const seconds = Math.floor((local - day * DAY_MS) / 1000)
    out.bytes(date)
    out.twoDigits(Math.floor(seconds / 3600))
    out.ascii(COLON)
    out.twoDigits(Math.floor(seconds / 60) % 60)
    out.ascii(COLON)
    out.twoDigits(seconds % 60)
  }

  async function* pages() {
    yield Buffer.from(`\uFEFF${csvLine(scoreHeader(exported.timeZone))}`, 'utf8')
    for await (const page of exported.pages) {
      for (const r of page.rows) {
        out.bytes(once(r.week, textCell))
        out.bytes(once(r.modality, nameCells))
        out.bytes(once(r.dimension, nameCells))
        out.bytes(once(r.analyst, textCell))
        out.bytes(once(r.level, levelCells))
        if (r.reason) out.text(csvCell(r.reason))
        out.ascii(COMMA)
        if (r.evidence) out.text(csvCell(r.evidence))
        out.ascii(COMMA)
        writeTime(r.savedAtMs)
        out.text('\r\n')
      }
      const bytes = out.take()
      if (bytes.length) yield bytes
    }
  }
  return toReadableStream(pages())
}
