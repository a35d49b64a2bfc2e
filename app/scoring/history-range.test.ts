import { describe, expect, it } from 'vitest'

import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { defaultHistoryRange, historyFromWeek } from './history-range.ts'

describe('the consensus history opens on the range that has data', () => {
  const now = '2026-W49'
  it('picks the shortest range that reaches the first score', () => {
    expect(defaultHistoryRange(shiftIsoWeek(now, -7), now)).toBe('12')
    expect(defaultHistoryRange(shiftIsoWeek(now, -11), now)).toBe('12')
    expect(defaultHistoryRange(shiftIsoWeek(now, -12), now)).toBe('26')
    expect(defaultHistoryRange(shiftIsoWeek(now, -60), now)).toBe('104')
    expect(defaultHistoryRange(shiftIsoWeek(now, -400), now)).toBe('all')
  })
  it('opens on the last 12 weeks while nothing is scored', () => {
    expect(defaultHistoryRange(null, now)).toBe('12')
  })
  it("starts the meeting's slide at the first scored week, or 12 weeks back when nothing is scored", () => {
    expect(historyFromWeek(shiftIsoWeek(now, -4), now)).toBe(shiftIsoWeek(now, -4))
    expect(historyFromWeek(null, now)).toBe(shiftIsoWeek(now, -11))
    expect(historyFromWeek(shiftIsoWeek(now, 1), now)).toBe(shiftIsoWeek(now, -11))
  })
})
