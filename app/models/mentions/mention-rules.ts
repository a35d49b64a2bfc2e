// The rules for "moved" and "jumped", in one place so the dashboard, the meeting page,
// the alert evaluation and docs/decisions/017-weekly-mention-rollup-and-movers.md agree. Pure functions: no database.
//
// Both compare a week with the average of the TRAILING_WEEKS weeks before it (weeks with
// no mentions count as 0).
//
// Mover: the bigger of this week and the trailing average must be at least
// MIN_MOVER_MENTIONS (from 1 to 2 mentions is noise, not news; a company that dropped from
// an average of 6 to 0 did move). The change is (thisWeek + 1) / (trailingAvg + 1): the +1
// keeps a first mention from being an infinite rise and damps small counts. A company
// moved when that ratio is at least MOVER_RATIO, or at most 1 / MOVER_RATIO.
//
// Alert: a watchlist company's week jumped when it has at least ALERT_MIN_MENTIONS
// mentions and at least ALERT_RATIO times its trailing average. A company never
// mentioned before needs ALERT_MIN_MENTIONS alone.

export const TRAILING_WEEKS = 4
export const MIN_MOVER_MENTIONS = 3
export const MOVER_RATIO = 1.5
export const ALERT_MIN_MENTIONS = 5
export const ALERT_RATIO = 3

export function moverChange(thisWeek: number, trailingAvg: number): number {
  return (thisWeek + 1) / (trailingAvg + 1)
}

export function isMover(thisWeek: number, trailingAvg: number): boolean {
  if (Math.max(thisWeek, trailingAvg) < MIN_MOVER_MENTIONS) return false
  const change = moverChange(thisWeek, trailingAvg)
  return change >= MOVER_RATIO || change <= 1 / MOVER_RATIO
}

export function isMentionJump(thisWeek: number, trailingAvg: number): boolean {
  return thisWeek >= ALERT_MIN_MENTIONS && thisWeek >= ALERT_RATIO * trailingAvg
}
