import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { columnLetters, escapeXml, type XlsxSheet, xlsxStream } from './xlsx-stream.server.ts'
import { makeZonedClock } from './zoned-time.ts'

// The hand-written XLSX writer (decision 035) must give a workbook a spreadsheet program
// reads back exactly: text, numbers, dates, Chinese, characters XML cannot hold, names
// that repeat (shared strings) and the header as the first, frozen, bold row.

const hasUnzip = spawnSync('unzip', ['-v']).status === 0

async function bytesOf(sheets: XlsxSheet[]): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const chunk of xlsxStream(sheets)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

async function read(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  return workbook
}

describe('xlsxStream', () => {
  it('writes sheets that read back cell for cell', async () => {
    const saved = Date.UTC(2026, 10, 19, 23, 30, 5) // 2026-11-20 07:30:05 in Shanghai
    const local = makeZonedClock('Asia/Shanghai').localMs(saved)
    async function* batches() {
      yield [
        ['2026-W47', '视频 video', 3, 'a & b <c> "d"', local],
        ['2026-W47', '视频 video', 4.5, ' leading and trailing ', null],
      ]
      yield [['2026-W48', '=HYPERLINK("x")', -1, 'bell\u0007 and a lone \uD800 surrogate, 😀 kept', undefined]]
    }
    const bytes = await bytesOf([
      {
        name: 'Scores',
        header: ['week', 'modality', 'level', 'reason', 'saved_at (Asia/Shanghai)'],
        widths: [10, 16],
        kinds: ['shared', 'shared', undefined, undefined, 'dateTime'],
        rows: batches(),
      },
      { name: 'Odd: name [1]?', header: ['only'], rows: [] },
    ])
    const workbook = await read(bytes)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Scores', 'Odd  name  1  '])
    const sheet = workbook.getWorksheet('Scores')!
    expect(sheet.actualRowCount).toBe(4)
    expect(sheet.getRow(1).values).toEqual([undefined, 'week', 'modality', 'level', 'reason', 'saved_at (Asia/Shanghai)'])
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getColumn(2).width).toBe(16)
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2026-W47',
      '视频 video',
      3,
      'a & b <c> "d"',
      new Date(Date.UTC(2026, 10, 20, 7, 30, 5)),
    ])
    expect(sheet.getCell('E2').numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    expect(sheet.getRow(3).values).toEqual([undefined, '2026-W47', '视频 video', 4.5, ' leading and trailing '])
    expect(sheet.getRow(4).values).toEqual([undefined, '2026-W48', '=HYPERLINK("x")', -1, 'bell and a lone  surrogate, 😀 kept'])
    // Text that looks like a formula stays text.
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String)
    expect(workbook.getWorksheet('Odd  name  1  ')!.actualRowCount).toBe(1)
  })

  it.skipIf(!hasUnzip)('is a zip that unzip tests clean, with names in the shared-string table once', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`week-${i % 3}`, `reason ${i}`])
    const bytes = await bytesOf([{ name: 'S', header: ['week', 'reason'], kinds: ['shared'], rows: [rows] }])
    const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'))
    writeFileSync(path.join(dir, 'book.xlsx'), bytes)
    expect(execFileSync('unzip', ['-t', path.join(dir, 'book.xlsx')], { encoding: 'utf8' })).toContain('No errors detected')
    const shared = execFileSync('unzip', ['-p', path.join(dir, 'book.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' })
    expect(shared).toContain('uniqueCount="3"')
    const sheet = (await read(bytes)).getWorksheet('S')!
    expect(sheet.actualRowCount).toBe(5001)
    expect(sheet.getRow(5001).values).toEqual([undefined, 'week-1', 'reason 4999'])
  })

  it('escapes what XML needs and names columns as Excel does', () => {
    expect(escapeXml('plain 文本')).toBe('plain 文本')
    expect(escapeXml('a<b>&c')).toBe('a&lt;b&gt;&amp;c')
    expect(escapeXml('x\u0000y\uFFFEz')).toBe('xyz')
    expect(escapeXml('pair 😀 kept, lone \uDC00 dropped')).toBe('pair 😀 kept, lone  dropped')
    expect(escapeXml('x'.repeat(40_000))).toHaveLength(32_767)
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })
})
