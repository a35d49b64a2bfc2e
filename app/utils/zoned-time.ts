// Instants written as the team reads them: "2026-11-20 16:05:09" in the team's time zone,
// for exports whose header names the zone. Intl formats one date in microseconds, too slow
// for the hundreds of thousands of timestamps of an export; a zone's offset only changes on
// a quarter hour, so it is asked once per quarter hour and the rest is arithmetic.

const QUARTER_HOUR_MS = 15 * 60 * 1000
const DAY_MS = 86_400_000

const two = (n: number) => (n < 10 ? `0${n}` : String(n))

export interface ZonedClock {
  /** Milliseconds since 1970-01-01 00:00 on the zone's wall clock (what a spreadsheet date holds). */
  localMs(instantMs: number): number
  /** "2026-11-20 16:05:09" on the zone's wall clock. */
  text(instantMs: number): string
}

export function makeZonedClock(timeZone: string): ZonedClock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const offsets = new Map<number, number>()
  const localMs = (ms: number) => {
    const quarter = Math.floor(ms / QUARTER_HOUR_MS)
    let offset = offsets.get(quarter)
    if (offset === undefined) {
      const at = quarter * QUARTER_HOUR_MS
      const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]))
      offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at
      if (offsets.size > 10_000) offsets.clear()
      offsets.set(quarter, offset)
    }
    return ms + offset
  }
  // The date part once per local day, the time of day by arithmetic: no Date per instant.
  const days = new Map<number, string>()
  return {
    localMs,
    text(ms) {
      const local = localMs(ms)
      const day = Math.floor(local / DAY_MS)
      let date = days.get(day)
      if (date === undefined) {
        const d = new Date(day * DAY_MS)
        date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} `
        if (days.size > 10_000) days.clear()
        days.set(day, date)
      }
      const seconds = Math.floor((local - day * DAY_MS) / 1000)
      return `${date}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`
    },
  }
}
