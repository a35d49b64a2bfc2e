import { describe, expect, it } from 'vitest'

import { isValidIsoDate, parseLooseDate, parsePdfDate } from './dates.ts'

describe('dates from files', () => {
  it.each([
    ["D:20231218093000+08'00'", '2023-12-18'],
    ['D:20240305010000Z', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['D:2024', null],
    ['D:20241345', null],
    ['', null],
  ])('PDF %s -> %s', (value, date) => {
    expect(parsePdfDate(value)).toBe(date)
  })

  it.each([
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['2023/12/18', '2023-12-18'],
    ['2023年12月18日', '2023-12-18'],
    ['yesterday', null],
    ['2023-02-30', null],
  ])('HTML %s -> %s', (value, date) => {
    expect(parseLooseDate(value)).toBe(date)
  })

  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('24-02-01')).toBe(false)
  })
})
