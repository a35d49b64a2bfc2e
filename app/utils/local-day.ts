import { makeZonedClock } from './zoned-time.ts'

/**
 * The instant a calendar day ('2026-12-04') begins in a time zone. The zone's offset at
 * the guess is taken away, then checked once more for a day that starts next to a
 * daylight-saving change.
 */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number)
  const wall = Date.UTC(year, month - 1, day)
  const clock = makeZonedClock(timeZone)
  let instant = wall - (clock.localMs(wall) - wall)
  instant -= clock.localMs(instant) - wall
  return new Date(instant)
}

/** The day after a calendar day, as 'YYYY-MM-DD'. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}
