import { dateTimeFormat } from '#app/utils/intl-formats.ts'
import { mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'

// Instants at week boundaries in the team's time zone: "as the week ended" means just
// before Monday 00:00 of the next week there (Asia/Shanghai by default), not in UTC.

/** Milliseconds the zone is ahead of UTC at an instant (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** Monday 00:00 of an ISO week in a time zone, as an instant. */
export function weekStartsAt(week: string, timeZone: string): Date {
  const midnightUtc = mondayOfIsoWeek(week).getTime()
  let instant = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone)
  // Around a daylight-saving change the offset at the guess can differ from the real one.
  instant = midnightUtc - zoneOffsetMs(new Date(instant), timeZone)
  return new Date(instant)
}

/** The last millisecond of an ISO week in a time zone. */
export function weekEndsAt(week: string, timeZone: string): Date {
  return new Date(weekStartsAt(shiftIsoWeek(week, 1), timeZone).getTime() - 1)
}
