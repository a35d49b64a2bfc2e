import { describe, expect, it } from 'vitest'

import { isoWeekOf, isoWeekOfDate, mondayOfIsoWeek, parseIsoWeek, shiftIsoWeek } from './iso-week.ts'

describe('ISO weeks', () => {
  it.each([
    [2026, 11, 23, '2026-W48'],
    [2021, 1, 3, '2020-W53'],
    [2024, 12, 30, '2025-W01'],
    [2026, 1, 1, '2026-W01'],
    [2027, 1, 1, '2026-W53'],
  ])('%i-%i-%i is %s', (y, m, d, week) => {
    expect(isoWeekOfDate(y, m, d)).toBe(week)
  })

  it('uses the team time zone: Sunday 23:30 in London is already Monday in Shanghai', () => {
    const instant = new Date('2026-11-22T16:30:00Z')
    expect(isoWeekOf(instant, 'Asia/Shanghai')).toBe('2026-W48')
    expect(isoWeekOf(instant, 'Europe/London')).toBe('2026-W47')
  })

  it('refuses weeks that do not exist', () => {
    expect(parseIsoWeek('2026-W60')).toBeNull()
    expect(parseIsoWeek('foo')).toBeNull()
    expect(parseIsoWeek('2025-W53')).toBeNull()
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 })
  })

  it('finds Mondays and moves across year ends', () => {
    expect(mondayOfIsoWeek('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23')
    expect(shiftIsoWeek('2026-W01', -1)).toBe('2025-W52')
    expect(shiftIsoWeek('2026-W53', 1)).toBe('2027-W01')
  })
})
