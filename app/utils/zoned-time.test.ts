import { describe, expect, it } from 'vitest'

import { makeZonedClock } from './zoned-time.ts'

// Exports write times on the team's wall clock; the quick offset arithmetic must agree with
// Intl on every instant, across daylight-saving changes and in half-hour zones.
describe('makeZonedClock', () => {
  const viaIntl = (ms: number, timeZone: string) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(ms)

  it('gives the team-zone date and time, a day apart from UTC where it is', () => {
    const at = Date.UTC(2026, 10, 19, 23, 30, 5)
    expect(makeZonedClock('Asia/Shanghai').text(at)).toBe('2026-11-20 07:30:05')
    expect(makeZonedClock('America/New_York').text(at)).toBe('2026-11-19 18:30:05')
    expect(makeZonedClock('UTC').text(at)).toBe('2026-11-19 23:30:05')
    expect(makeZonedClock('Asia/Shanghai').localMs(at)).toBe(Date.UTC(2026, 10, 20, 7, 30, 5))
  })

  it('agrees with Intl every 23 minutes through daylight-saving changes', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
      const clock = makeZonedClock(zone)
      // Around the March and November changes in New York and London, and Lord Howe's half hour in April.
      for (const start of [
        Date.UTC(2026, 2, 7),
        Date.UTC(2026, 2, 28),
        Date.UTC(2026, 3, 4),
        Date.UTC(2026, 9, 24),
        Date.UTC(2026, 10, 1),
      ]) {
        for (let ms = start; ms < start + 2 * 86_400_000; ms += 23 * 60_000 + 13_000) expect(clock.text(ms)).toBe(viaIntl(ms, zone))
      }
    }
  })
})
