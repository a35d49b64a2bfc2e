import { startOfDayIn } from '#app/utils/local-day.ts'

// When a digest is due: daily at 08:00 team time, weekly on Monday at 08:00 team time.
// Pure: the clock and the zone come in, so tests pin any moment.

export type DigestMode = 'daily' | 'weekly'

export const DIGEST_HOUR = 8

export interface DigestPeriod {
  /** The key of the period, one digest per webhook each: 'daily:2026-12-05', 'weekly:2026-12-07'. */
  period: string
  /** The moment the digest is due (08:00 team time); it covers alerts raised before it. */
  cutoff: Date
}

function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

// 08:00 on that day in the zone (hours after the day's start: exact outside a daylight-saving change).
const eightOn = (date: string, timeZone: string) => new Date(startOfDayIn(date, timeZone).getTime() + DIGEST_HOUR * 3_600_000)

/** The latest digest moment at or before `now`. */
export function latestDigestPeriod(mode: DigestMode, now: Date, timeZone: string): DigestPeriod {
  let date = localDate(now, timeZone)
  if (mode === 'weekly') {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 Sunday
    date = addDays(date, -((weekday + 6) % 7))
  }
  let cutoff = eightOn(date, timeZone)
  if (cutoff > now) {
    date = addDays(date, mode === 'weekly' ? -7 : -1)
    cutoff = eightOn(date, timeZone)
  }
  return { period: `${mode}:${date}`, cutoff }
}
