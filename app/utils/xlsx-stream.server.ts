import { type ZipEntry, zipStream } from './zip-stream.server.ts'

// An XLSX workbook written row by row as the rows arrive (decision 035). exceljs's streaming
// writer did the same at about a third of the speed: an XLSX is a zip of a few fixed XML
// parts plus one XML file per sheet, which is all this writes. Free text is written inline
// in its cell; columns declared "shared" (names, weeks: a small vocabulary repeated on every
// row) go through the shared-string table, written after the sheets, so a row costs a few
// bytes per such cell and the table stays as small as the vocabulary.

export type XlsxCell = string | number | null | undefined

/**
 * How a column's cells are written. 'shared': text through the shared-string table (for
 * values that repeat). 'dateTime': a number of milliseconds since 1970-01-01 00:00 in local
 * wall-clock time, shown as yyyy-mm-dd hh:mm:ss. Otherwise text inline, numbers as numbers.
 */
export type XlsxColumnKind = 'shared' | 'dateTime' | undefined

export interface XlsxSheet {
  /** The tab's name: : \\ / ? * [ ] become spaces and it is cut to Excel's 31 characters. */
  name: string
  header: readonly string[]
  /** Column widths in characters; missing ones get Excel's default. */
  widths?: readonly number[]
  kinds?: readonly XlsxColumnKind[]
  /** The rows, in batches (one batch per database page is the usual shape). */
  rows: AsyncIterable<readonly (readonly XlsxCell[])[]> | Iterable<readonly (readonly XlsxCell[])[]>
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32_767
/** Text handed to the compressor at a time. */
const CHUNK_CHARS = 256 * 1024

// Characters XML 1.0 cannot hold (most C0 controls, U+FFFE/FFFF) are dropped; &, < and > are
// escaped; any surrogate sends the text down the slow path, which keeps pairs and drops lone ones.
// eslint-disable-next-line no-control-regex -- the control characters are what this looks for
const NEEDS_WORK = /[&<>\u0000-\u0008\v\f\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXml(value: string): string {
  const text = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value
  if (!NEEDS_WORK.test(text)) return text
  return text.replace(INVALID_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** A, B, ... Z, AA, AB, ...: the letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

const attribute = (value: string) => escapeXml(value).replaceAll('"', '&quot;')
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)

/** Excel's serial day number of local milliseconds since 1970 (day 25569 is 1970-01-01). */
const serialDay = (localMs: number) => localMs / 86_400_000 + 25_569
/** Distinct shared strings kept at most; later new values are written inline. */
const MAX_SHARED = 100_000
/** Cell formats in styles.xml: 1 bold (the header), 2 a date and time. */
const STYLE_BOLD = ' s="1"'
const STYLE_DATE_TIME = ' s="2"'

class SharedStrings {
  readonly index = new Map<string, number>()
  lookup(text: string): number | undefined {
    let i = this.index.get(text)
    if (i === undefined && this.index.size < MAX_SHARED) this.index.set(text, (i = this.index.size))
    return i
  }
  *xml(): Generator<string> {
    let text = `${XML_DECLARATION}<sst xmlns="${MAIN}" uniqueCount="${this.index.size}">`
    for (const value of this.index.keys()) {
      text += `<si><t xml:space="preserve">${escapeXml(value)}</t></si>`
      if (text.length >= CHUNK_CHARS) {
        yield text
        text = ''
      }
    }
    yield `${text}</sst>`
  }
}

function inlineText(ref: string, value: string, style = ''): string {
  const text = escapeXml(value)
  // Only text with a space at either end needs xml:space to keep it.
  const space = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? ' xml:space="preserve"' : ''
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${text}</t></is></c>`
}

function cellXml(ref: string, value: XlsxCell, kind: XlsxColumnKind, shared: SharedStrings): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    return kind === 'dateTime' ? `<c r="${ref}"${STYLE_DATE_TIME}><v>${serialDay(value)}</v></c>` : `<c r="${ref}"><v>${value}</v></c>`
  }
  if (kind === 'shared') {
    const i = shared.lookup(value)
    if (i !== undefined) return `<c r="${ref}" t="s"><v>${i}</v></c>`
  }
  return inlineText(ref, value)
}

async function* sheetXml(sheet: XlsxSheet, shared: SharedStrings): AsyncGenerator<string> {
  const cols = (sheet.widths ?? []).map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')
  const kinds = sheet.kinds ?? []
  const columns = sheet.header.map((_, i) => columnLetters(i))
  let text =
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData><row r="1">` +
    sheet.header.map((title, i) => inlineText(`${columns[i]}1`, title, STYLE_BOLD)).join('') +
    '</row>'
  let row = 1
  for await (const batch of sheet.rows) {
    for (const cells of batch) {
      row += 1
      text += `<row r="${row}">`
      for (let i = 0; i < cells.length; i++) {
        if (i >= columns.length) columns.push(columnLetters(i))
        text += cellXml(`${columns[i]}${row}`, cells[i], kinds[i], shared)
      }
      text += '</row>'
      if (text.length >= CHUNK_CHARS) {
        yield text
        text = ''
      }
    }
  }
  yield `${text}</sheetData></worksheet>`
}

function fixedParts(sheets: readonly XlsxSheet[]): ZipEntry[] {
  const numbers = sheets.map((_, i) => i + 1)
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    numbers
      .map(
        (n) =>
          `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '</Types>'
  const rootRels =
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets.map((sheet, i) => `<sheet name="${attribute(sheetName(sheet.name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>'
  const workbookRels =
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}">` +
    numbers.map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  // Cell formats: 0 the default, 1 bold (the header row), 2 a date and time.
  const styles =
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  return [
    { name: '[Content_Types].xml', data: [contentTypes] },
    { name: '_rels/.rels', data: [rootRels] },
    { name: 'xl/workbook.xml', data: [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', data: [workbookRels] },
    { name: 'xl/styles.xml', data: [styles] },
  ]
}

/** The workbook's bytes; each sheet's rows are read only when the sheet before it is done. */
export function xlsxStream(sheets: readonly XlsxSheet[]): AsyncGenerator<Uint8Array> {
  const shared = new SharedStrings()
  const entries = [
    ...fixedParts(sheets),
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(sheet, shared) })),
    // Last: it holds what the sheets put in it. Zip entries may come in any order.
    { name: 'xl/sharedStrings.xml', data: shared.xml() },
  ]
  return zipStream(entries)
}

/** An async iterable of byte chunks as a web ReadableStream (what a Remix Response takes). */
export function toReadableStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
