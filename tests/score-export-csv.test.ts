import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { csvLine, defuse } from '#app/http/score-export.server.ts'

// The score export writes its CSV lines by hand for speed; a spreadsheet must read them
// exactly as it read the lines papaparse wrote before.
describe('score export CSV lines', () => {
  const awkward = [
    'plain',
    '视频生成 (video)',
    'a, b',
    'she said "up"',
    'two\nlines',
    'carriage\rreturn',
    ' leading space',
    'trailing space ',
    '\uFEFFbom',
    '=SUM(A1:A2)',
    '+1',
    '-2',
    '@here',
    '',
    3,
    4.5,
    null,
    undefined,
    '2026-11-20T08:00:00.000Z',
  ]

  it('quotes and escapes every awkward cell as papaparse does, formulas defused', () => {
    for (const value of awkward) {
      expect(csvLine(['2026-W47', value, 'end'])).toBe(`${Papa.unparse([['2026-W47', value, 'end'].map(defuse)])}\r\n`)
    }
    expect(csvLine(awkward)).toBe(`${Papa.unparse([awkward.map(defuse)])}\r\n`)
  })

  it('reads back as the cells that went in', () => {
    const cells = ['a, b', 'she said "up"', 'two\nlines', ' x ', '=1+1']
    expect(Papa.parse<string[]>(csvLine(cells).trimEnd()).data[0]).toEqual(['a, b', 'she said "up"', 'two\nlines', ' x ', "'=1+1"])
  })
})
