import { shiftIsoWeek } from '#app/utils/iso-week.ts'

// Which ISO weeks can still be scored. The rule, in the team's time zone:
// - a week after the current one is never open (nobody scores the future);
// - the current week and the previous week are always open (Monday-morning catch-up);
// - the week of the latest meeting held before the current week, and every week after it,
//   are open: the meeting reviewed them, later weeks are still being scored;
// - older weeks are read-only, unless an administrator reopened that week (or the meeting
//   of that week was reopened).
// ISO week strings ("2026-W48") sort the same way as the weeks, so plain string
// comparison orders them.

export type WeekState = 'open' | 'locked' | 'future'

export interface WeekLockFacts {
  week: string
  currentWeek: string
  /** The latest meeting week of the theme strictly before the current week, if any. */
  lastMeetingWeek: string | null
  /** An administrator reopened this week. */
  reopened: boolean
}

/** The oldest week that is open without a reopening. */
export function oldestOpenWeek(currentWeek: string, lastMeetingWeek: string | null): string {
  const previous = shiftIsoWeek(currentWeek, -1)
  return lastMeetingWeek && lastMeetingWeek < previous ? lastMeetingWeek : previous
}

export function weekState({ week, currentWeek, lastMeetingWeek, reopened }: WeekLockFacts): WeekState {
  if (week > currentWeek) return 'future'
  if (week >= oldestOpenWeek(currentWeek, lastMeetingWeek)) return 'open'
  return reopened ? 'open' : 'locked'
}
