// A level changed this soon after the cell's first save is a typo fixed, not a move: it
// needs no reason, and the analyst's score before this week stays the reference (the
// server decides in saveScore; the page uses the same window to label the reason field).
export const CORRECTION_WINDOW_MS = 2 * 60 * 1000

/** Whether a score first saved at `firstSavedAt` may still be corrected without a reason at `now`. */
export function isCorrection(firstSavedAt: Date | string, now: Date | number): boolean {
  const elapsed = (typeof now === 'number' ? now : now.getTime()) - new Date(firstSavedAt).getTime()
  return elapsed >= 0 && elapsed < CORRECTION_WINDOW_MS
}
