import { describe, expect, it } from 'vitest'

import { latestDigestPeriod } from './digest-schedule.ts'

// Shanghai is UTC+8: 08:00 there is 00:00 UTC.
describe('latestDigestPeriod', () => {
  it('is due daily at 08:00 team time, and the day before until then', () => {
    expect(latestDigestPeriod('daily', new Date('2026-12-05T00:00:00Z'), 'Asia/Shanghai')).toEqual({
      period: 'daily:2026-12-05',
      cutoff: new Date('2026-12-05T00:00:00Z'),
    })
    expect(latestDigestPeriod('daily', new Date('2026-12-04T23:59:59Z'), 'Asia/Shanghai').period).toBe('daily:2026-12-04')
  })

  it('is due weekly on Monday at 08:00 team time', () => {
    // 2026-12-07 is a Monday.
    expect(latestDigestPeriod('weekly', new Date('2026-12-07T00:00:00Z'), 'Asia/Shanghai').period).toBe('weekly:2026-12-07')
    expect(latestDigestPeriod('weekly', new Date('2026-12-06T23:59:00Z'), 'Asia/Shanghai').period).toBe('weekly:2026-11-30')
    expect(latestDigestPeriod('weekly', new Date('2026-12-10T12:00:00Z'), 'Asia/Shanghai').period).toBe('weekly:2026-12-07')
  })

  it('follows the team zone', () => {
    expect(latestDigestPeriod('daily', new Date('2026-12-05T13:00:00Z'), 'America/New_York')).toEqual({
      period: 'daily:2026-12-05',
      cutoff: new Date('2026-12-05T13:00:00Z'),
    })
  })
})
