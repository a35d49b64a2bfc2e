import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import {
  neutraliseCell,
  readSpreadsheet,
  restoreNeutralisedCell,
  SpreadsheetError,
  writeCsv,
  writeXlsx,
  zipUncompressedSize,
} from './spreadsheet.server.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

async function xlsxWith(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  fill(workbook.addWorksheet('Sheet1'))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function failure(run: Promise<unknown>): Promise<SpreadsheetError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SpreadsheetError)
  return error as SpreadsheetError
}

describe('formula neutralisation', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`)
    },
  )
  it('leaves ordinary text alone and reverses its own prefix', () => {
    expect(neutraliseCell('Tencent 腾讯')).toBe('Tencent 腾讯')
    expect(restoreNeutralisedCell("'-5% guidance")).toBe('-5% guidance')
    // "=" keeps its apostrophe: the importer refuses cells that start with "=".
    expect(restoreNeutralisedCell("'=1+1")).toBe("'=1+1")
  })

  it('neutralises every exported cell in CSV and XLSX', async () => {
    const rows = [['=HYPERLINK("http://evil.example","x")', '+cmd', '-1', '@x', 'plain']]
    const csv = writeCsv(['a', 'b', 'c', 'd', 'e'], rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csv).toContain("'+cmd,'-1,'@x,plain")

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await writeXlsx('List', ['a', 'b', 'c', 'd', 'e'], rows)) as unknown as ExcelJS.Buffer)
    const values = (workbook.worksheets[0].getRow(2).values as unknown[]).slice(1)
    expect(values).toEqual([`'=HYPERLINK("http://evil.example","x")`, "'+cmd", "'-1", "'@x", 'plain'])
    expect(workbook.worksheets[0].getRow(2).getCell(1).formula).toBeUndefined()
  })
})

describe('reading CSV', () => {
  it('gives the header and rows numbered as Excel shows them, skipping blank lines', async () => {
    const sheet = await readSpreadsheet(utf8('\uFEFFcompany,tags\r\nTencent,"video, 2C"\r\n\r\n"Multi\nline",x\r\n'), 'list.csv')
    expect(sheet.header).toEqual(['company', 'tags'])
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['Tencent', 'video, 2C'] },
      { rowNumber: 4, cells: ['Multi\nline', 'x'] },
    ])
  })

  it('reads GB18030 files saved by a Chinese Excel', async () => {
    const gbk = new Uint8Array([...utf8('company\n'), 0xcc, 0xda, 0xd1, 0xb6]) // 腾讯 in GBK
    expect((await readSpreadsheet(gbk, 'gbk.csv')).rows[0].cells).toEqual(['腾讯'])
  })

  it('refuses an unclosed quote, cells beyond the header, binary data, and empty files', async () => {
    expect(await failure(readSpreadsheet(utf8('company,notes\nTencent,"never closed\n'), 'a.csv'))).toMatchObject({ reason: 'malformed' })
    expect(await failure(readSpreadsheet(utf8('company\nTencent,extra\n'), 'a.csv'))).toMatchObject({
      reason: 'malformed',
      detail: { row: 2 },
    })
    expect(await failure(readSpreadsheet(new Uint8Array([0x63, 0, 1, 2]), 'a.csv'))).toMatchObject({ reason: 'malformed' })
    expect(await failure(readSpreadsheet(new Uint8Array(), 'a.csv'))).toMatchObject({ reason: 'empty' })
    expect(await failure(readSpreadsheet(utf8('company\n\n'), 'a.csv'))).toMatchObject({ reason: 'empty' })
  })

  it('enforces the size and row limits with typed errors', async () => {
    expect(await failure(readSpreadsheet(utf8('company\nA\n'), 'a.csv', { maxBytes: 5 }))).toMatchObject({ reason: 'tooLarge' })
    const many = `company\n${Array.from({ length: 11 }, (_, i) => `C${i}`).join('\n')}`
    expect(await failure(readSpreadsheet(utf8(many), 'a.csv', { maxRows: 10 }))).toMatchObject({
      reason: 'tooManyRows',
      detail: { max: 10 },
    })
  })

  it('refuses other file types', async () => {
    expect(await failure(readSpreadsheet(utf8('x'), 'list.xls'))).toMatchObject({ reason: 'unsupported' })
    expect(await failure(readSpreadsheet(utf8('x'), 'photo.png'))).toMatchObject({ reason: 'unsupported' })
  })
})

describe('reading XLSX', () => {
  it('turns numbers, rich text and links into text', async () => {
    const bytes = await xlsxWith((sheet) => {
      sheet.addRow(['company', 'notes'])
      sheet.addRow([700, { richText: [{ text: 'bold ' }, { text: 'text' }] }])
      sheet.addRow([{ text: 'OpenAI', hyperlink: 'https://openai.com' }, null])
    })
    const sheet = await readSpreadsheet(bytes, 'list.xlsx')
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: ['700', 'bold text'] },
      { rowNumber: 3, cells: ['OpenAI', ''] },
    ])
  })

  it('refuses formula cells with their row number', async () => {
    const bytes = await xlsxWith((sheet) => {
      sheet.addRow(['company'])
      sheet.addRow(['Tencent'])
      sheet.addRow([{ formula: 'HYPERLINK("http://evil.example","x")', result: 'x' }])
    })
    expect(await failure(readSpreadsheet(bytes, 'list.xlsx'))).toMatchObject({ reason: 'formula', detail: { row: 3 } })
  })

  it('refuses a broken workbook and a text file named .xlsx', async () => {
    const good = await writeXlsx('List', ['company'], [['Tencent']])
    expect(await failure(readSpreadsheet(good.slice(0, 200), 'list.xlsx'))).toMatchObject({ reason: 'malformed' })
    expect(await failure(readSpreadsheet(utf8('company\nTencent'), 'list.xlsx'))).toMatchObject({ reason: 'malformed' })
  })

  it('round-trips what writeXlsx wrote, including Chinese and neutralised cells', async () => {
    const bytes = await writeXlsx(
      '观察名单: core/2C',
      ['公司', '理由'],
      [
        ['腾讯', '-5% 指引下调'],
        ['Meitu', 'plain'],
      ],
    )
    const sheet = await readSpreadsheet(bytes, 'x.xlsx')
    expect(sheet.header).toEqual(['公司', '理由'])
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['腾讯', '-5% 指引下调'],
      ['Meitu', 'plain'],
    ])
  })

  it('refuses a workbook that would inflate beyond the limit before inflating it', async () => {
    const bytes = await writeXlsx('List', ['company'], [['Tencent']])
    const declared = zipUncompressedSize(bytes)
    expect(declared).toBeGreaterThan(bytes.byteLength)
    // Patch the first central-directory entry to claim 300 MB, as a zip bomb would.
    const bomb = bytes.slice()
    const view = new DataView(bomb.buffer)
    const entry = bomb.findIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50)
    view.setUint32(entry + 24, 300_000_000, true)
    expect(await failure(readSpreadsheet(bomb, 'bomb.xlsx'))).toMatchObject({ reason: 'tooLarge' })
  })

  it('checks the row limit', async () => {
    const bytes = await writeXlsx(
      'List',
      ['company'],
      Array.from({ length: 12 }, (_, i) => [`C${i}`]),
    )
    expect(await failure(readSpreadsheet(bytes, 'x.xlsx', { maxRows: 10 }))).toMatchObject({ reason: 'tooManyRows' })
  })
})
