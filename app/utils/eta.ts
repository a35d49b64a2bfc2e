// Percent done and time left for a job's progress bar. Pure, so the page and the JSON
// poll agree. The rate is the average since the job first started: after a restart it
// includes the downtime, which errs on the side of a longer estimate.

export interface JobTiming {
  done: number
  total: number
  startedAt: Date | string | null
  finishedAt: Date | string | null
  running: boolean
  now: Date
}

export interface JobEstimate {
  /** 0-100, or null when the total is not known. */
  percent: number | null
  elapsedSeconds: number | null
  /** Seconds left at the rate so far; null until there is a rate to go by. */
  etaSeconds: number | null
  /** Items per minute so far. */
  perMinute: number | null
}

export function estimateJob({ done, total, startedAt, finishedAt, running, now }: JobTiming): JobEstimate {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null
  if (!startedAt) return { percent, elapsedSeconds: null, etaSeconds: null, perMinute: null }
  const end = finishedAt ? new Date(finishedAt) : now
  const elapsedSeconds = Math.max(0, (end.getTime() - new Date(startedAt).getTime()) / 1000)
  const rate = elapsedSeconds >= 1 && done > 0 ? done / elapsedSeconds : null
  const perMinute = rate === null ? null : Math.round(rate * 60 * 10) / 10
  const etaSeconds = running && rate !== null && total > done ? Math.ceil((total - done) / rate) : null
  return { percent, elapsedSeconds: Math.round(elapsedSeconds), etaSeconds, perMinute }
}

/** "1 h 5 min", "3 min 20 s", "12 s": short, and the same shape in both languages. */
export function formatDuration(seconds: number, units: { h: string; min: string; s: string }): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s % 60
  if (h > 0) return `${h} ${units.h} ${m} ${units.min}`
  if (m > 0) return rest && m < 10 ? `${m} ${units.min} ${rest} ${units.s}` : `${m} ${units.min}`
  return `${rest} ${units.s}`
}
