import { describe, expect, it } from 'vitest'

import {
  consensusOf,
  disagreesUnder,
  formatLevel,
  formatMedian,
  isDisagreement,
  median,
  quantile,
  spreadOf,
  stabilityOf,
} from './consensus.ts'
import { bucketWeeks, buildChartRows, pickTicks, weeksBetween } from './history-series.ts'
import { diffWeeks, type WeekScore } from './moves.ts'
import { weekState } from './week-lock.ts'

describe('consensus maths', () => {
  it('takes the middle value of an odd count', () => {
    expect(median([4, 1, 3])).toBe(3)
    expect(consensusOf([4, 1, 3])).toMatchObject({ median: 3, mean: 8 / 3, min: 1, max: 4, count: 3, disagreement: true })
  })

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([3, 4])).toBe(3.5)
    expect(median([5, 1, 2, 4])).toBe(3)
    expect(consensusOf([2, 2, 3, 3])).toMatchObject({ median: 2.5, mean: 2.5, min: 2, max: 3, count: 4, disagreement: false })
  })

  it('gives a single scorer as their own consensus, never a disagreement', () => {
    expect(consensusOf([4])).toEqual({
      median: 4,
      mean: 4,
      min: 4,
      max: 4,
      count: 1,
      q1: 4,
      q3: 4,
      iqr: 0,
      withinOne: 1,
      disagreement: false,
    })
    expect(consensusOf([4], 1)?.disagreement).toBe(false)
  })

  it('has nothing to say about a cell nobody scored', () => {
    expect(median([])).toBeNull()
    expect(consensusOf([])).toBeNull()
  })

  it('flags a disagreement when max - min reaches the threshold', () => {
    expect(isDisagreement(2, 4, 2)).toBe(true)
    expect(isDisagreement(2, 3, 2)).toBe(false)
    expect(isDisagreement(2, 3, 1)).toBe(true)
    expect(consensusOf([1, 5, 5], 4)?.disagreement).toBe(true)
    expect(consensusOf([1, 4, 4], 4)?.disagreement).toBe(false)
  })

  it('measures the spread like percentile_cont: quartiles, IQR, share within one level of the median', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25)
    expect(spreadOf([2, 3, 3, 4])).toEqual({ q1: 2.75, q3: 3.25, iqr: 0.5, withinOne: 1 })
    // Median 3: the 1 and the 5 are two levels away.
    expect(spreadOf([1, 3, 3, 5])).toEqual({ q1: 2.5, q3: 3.5, iqr: 1, withinOne: 0.5 })
    expect(spreadOf([])).toBeNull()
  })

  it('applies the team’s rule: range (one outlier is enough) or IQR >= 1.5 (the middle half must split)', () => {
    const oneOutlier = consensusOf([3, 3, 3, 3, 3, 3, 1], { kind: 'range', spread: 2 })
    expect(oneOutlier).toMatchObject({ disagreement: true, iqr: 0 })
    expect(consensusOf([3, 3, 3, 3, 3, 3, 1], { kind: 'iqr' })?.disagreement).toBe(false)
    const split = consensusOf([1, 1, 4, 4], { kind: 'iqr' })
    expect(split).toMatchObject({ iqr: 3, disagreement: true })
    expect(disagreesUnder({ min: 1, max: 5, iqr: 0, count: 1 }, { kind: 'range', spread: 1 })).toBe(false)
    // A number is the range rule with that spread (how older callers pass the setting).
    expect(consensusOf([2, 4], 3)?.disagreement).toBe(false)
  })

  it('measures week-over-week stability over whatever items and dimensions the rows name', () => {
    const rows = [
      { itemId: 1, dimensionId: 1, week: '2026-W47', median: 3 },
      { itemId: 2, dimensionId: 1, week: '2026-W47', median: 2 },
      { itemId: 1, dimensionId: 1, week: '2026-W48', median: 3 },
      { itemId: 2, dimensionId: 1, week: '2026-W48', median: 3.5 },
      { itemId: 3, dimensionId: 1, week: '2026-W48', median: 1 },
    ]
    expect(stabilityOf(rows, ['2026-W46', '2026-W47', '2026-W48'])).toEqual([
      { week: '2026-W47', compared: 0, moved: 0, meanChange: 0, stable: 1 },
      { week: '2026-W48', compared: 2, moved: 1, meanChange: 0.75, stable: 0.5 },
    ])
  })

  it('formats levels with at most one decimal', () => {
    expect([formatMedian(3), formatMedian(3.25)]).toEqual(['3.0', '3.3'])
    expect([formatLevel(3), formatLevel(3.5), formatLevel(8 / 3), formatLevel(null)]).toEqual(['3', '3.5', '2.7', '–'])
  })
})

describe('week locking rule (defined by meetings)', () => {
  const facts = { currentWeek: '2026-W48', lastMeetingWeek: null, reopened: false }
  it('refuses the future and locks nothing while the theme has no meeting', () => {
    expect(weekState({ ...facts, week: '2026-W49' })).toBe('future')
    expect(weekState({ ...facts, week: '2026-W48' })).toBe('open')
    expect(weekState({ ...facts, week: '2025-W01' })).toBe('open')
  })
  it('locks every week before the last meeting, not the meeting week, unless reopened', () => {
    expect(weekState({ ...facts, week: '2026-W44', lastMeetingWeek: '2026-W44' })).toBe('open')
    expect(weekState({ ...facts, week: '2026-W46', lastMeetingWeek: '2026-W44' })).toBe('open')
    expect(weekState({ ...facts, week: '2026-W43', lastMeetingWeek: '2026-W44' })).toBe('locked')
    expect(weekState({ ...facts, week: '2026-W43', lastMeetingWeek: '2026-W44', reopened: true })).toBe('open')
    // A meeting this week locks last week; across a year end too.
    expect(weekState({ ...facts, week: '2026-W47', lastMeetingWeek: '2026-W48' })).toBe('locked')
    expect(weekState({ ...facts, week: '2025-W52', currentWeek: '2026-W01', lastMeetingWeek: '2026-W01' })).toBe('locked')
  })
})

describe('what moved', () => {
  const score = (userId: number, level: number, rubricId = 1): WeekScore => ({
    scoreId: userId * 10 + level,
    userId,
    modalityId: 1,
    dimensionId: 1,
    rubricId,
    level,
    reason: `r${level}`,
    evidence: [],
    savedAt: '2026-11-23T00:00:00Z',
  })
  it('lists moves up and down, first scores and a change of scale; not unchanged levels', () => {
    const moves = diffWeeks(
      [score(1, 2), score(2, 3), score(3, 3), score(4, 1)],
      [score(1, 3), score(2, 2), score(3, 3), score(4, 2, 9), score(5, 4)],
      (a, b) => a === b,
    )
    expect(moves.map((m) => [m.userId, m.kind, m.from, m.to])).toEqual([
      [1, 'up', 2, 3],
      [2, 'down', 3, 2],
      [4, 'rescaled', 1, 2],
      [5, 'new', null, 4],
    ])
  })
})

describe('history series', () => {
  it('lists the weeks of a range across a year end', () => {
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02'])
  })

  it('sends at most MAX_POINTS points for five years of weeks, ending on the latest week', () => {
    const weeks = weeksBetween('2021-W48', '2026-W48')
    expect(weeks.length).toBeGreaterThan(260)
    const buckets = bucketWeeks(weeks, 130)
    expect(buckets.length).toBeLessThanOrEqual(130)
    expect(buckets.at(-1)?.at(-1)).toBe('2026-W48')
    expect(buckets.flat()).toEqual(weeks)
  })

  it('takes the latest scored value of a bucket and the whole range for the band', () => {
    const weeks = ['2026-W01', '2026-W02', '2026-W03', '2026-W04']
    const values = new Map([
      ['2026-W01', 2],
      ['2026-W02', 3.25],
    ])
    const rows = buildChartRows(
      weeks,
      [{ key: 'm_video', values }],
      {
        min: new Map([
          ['2026-W01', 1],
          ['2026-W02', 2],
        ]),
        max: new Map([
          ['2026-W01', 4],
          ['2026-W02', 3],
        ]),
      },
      2,
    )
    expect(rows).toEqual([
      { week: '2026-W02', span: '2026-W01 – 2026-W02', m_video: 3.3, band: [1, 4] },
      { week: '2026-W04', span: '2026-W03 – 2026-W04', m_video: null, band: null },
    ])
  })

  it('labels about ten ticks, always the latest', () => {
    const weeks = weeksBetween('2024-W01', '2026-W48')
    const ticks = pickTicks(weeks)
    expect(ticks.length).toBeLessThanOrEqual(10)
    expect(ticks.at(-1)).toBe('2026-W48')
    expect(pickTicks(['a', 'b'])).toEqual(['a', 'b'])
  })
})

describe('week boundaries in the team time zone', async () => {
  const { weekEndsAt, weekStartsAt } = await import('./week-time.ts')
  it('starts a week at Monday midnight in Shanghai and in New York (across a DST change)', () => {
    expect(weekStartsAt('2026-W48', 'Asia/Shanghai').toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(weekEndsAt('2026-W48', 'Asia/Shanghai').toISOString()).toBe('2026-11-29T15:59:59.999Z')
    expect(weekStartsAt('2026-W11', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z')
    expect(weekStartsAt('2026-W10', 'America/New_York').toISOString()).toBe('2026-03-02T05:00:00.000Z')
    expect(weekStartsAt('2026-W48', 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })
})
