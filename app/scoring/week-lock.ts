// Which ISO weeks of a theme can still be scored. The rule, defined by the theme's meeting
// rows (weeks counted in the team's time zone):
// - a week after the current one is never open (nobody scores the future);
// - a week is locked once the theme has a CLOSED meeting of a later week, up to the current
//   week: "weeks before the last closed meeting are read-only". Closing is the lead's own
//   action at the meeting (decision 040); saving its notes locks nothing. A meeting planned
//   for a future week locks nothing yet; the meeting's own week stays open;
// - a locked week is open again while an administrator has reopened it (from the scoring
//   page of that week), or while the meeting of that week is marked reopened.
// Without any meeting nothing is locked. ISO week strings ("2026-W48") sort the same way
// as the weeks, so plain string comparison orders them.

export type WeekState = 'open' | 'locked' | 'future'

export interface WeekLockFacts {
  week: string
  currentWeek: string
  /** The theme's latest closed meeting week that is not after the current week, if any. */
  lastMeetingWeek: string | null
  /** An administrator reopened this week. */
  reopened: boolean
}

/** Locked by a later meeting (whether or not an administrator reopened it since). */
export function lockedByMeeting(week: string, lastMeetingWeek: string | null): boolean {
  return lastMeetingWeek != null && week < lastMeetingWeek
}

export function weekState({ week, currentWeek, lastMeetingWeek, reopened }: WeekLockFacts): WeekState {
  if (week > currentWeek) return 'future'
  if (!lockedByMeeting(week, lastMeetingWeek)) return 'open'
  return reopened ? 'open' : 'locked'
}
