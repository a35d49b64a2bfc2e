import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { fieldError } from '#app/components/form.tsx'
import { formatNumber, type Translate, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { formatDuration } from '#app/utils/eta.ts'
import type { JobStatus } from '#db/types.ts'

// A background job's progress bar with counts, percent, ETA and error. Reusable: any page
// whose loader returns a job from getJob() can show it and call useJobPolling().

export interface JobProgressData {
  id: number
  status: JobStatus
  done: number
  total: number
  percent: number | null
  etaSeconds: number | null
  elapsedSeconds: number | null
  perMinute: number | null
  attempts: number
  error: string | null
  finished: boolean
}

/** Re-runs the page's loaders every `everyMs` while the job is unfinished and the tab is visible. */
export function useJobPolling(finished: boolean, everyMs = 2000) {
  const revalidator = useRevalidator()
  const ref = useRef(revalidator)
  ref.current = revalidator
  useEffect(() => {
    if (finished) return
    const timer = setInterval(() => {
      if (ref.current.state === 'idle' && document.visibilityState === 'visible') ref.current.revalidate()
    }, everyMs)
    return () => clearInterval(timer)
  }, [finished, everyMs])
}

const MESSAGE_KEY = /^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+(\?\S*)?$/

/** A job error is a message key ("jobs.error.abandoned") or a handler's own words. */
function errorText(t: Translate, error: string): string {
  return MESSAGE_KEY.test(error) ? (fieldError(t, error) ?? error) : error
}

export function JobProgress({ job }: { job: JobProgressData }) {
  const { t, locale } = useI18n()
  const units = { h: t('jobs.unit.h'), min: t('jobs.unit.min'), s: t('jobs.unit.s') }
  const counts =
    job.total > 0
      ? t('jobs.counts', { done: formatNumber(locale, job.done), total: formatNumber(locale, job.total) })
      : t('jobs.countsUnknown', { done: formatNumber(locale, job.done) })
  const labelId = `job-${job.id}-label`
  // A queued job that has an error is one waiting for its retry.
  const retrying = job.status === 'queued' && job.error
  return (
    <div className={`job-progress job-${job.status}`}>
      <div className="job-progress-head">
        <span id={labelId} className="job-status">
          <span className={`badge job-badge-${job.status}`}>{labelOf(t, 'jobs.status', job.status)}</span>
        </span>
        <span className="job-counts">{counts}</span>
        {job.percent !== null ? <strong className="job-percent">{t('jobs.percent', { percent: job.percent })}</strong> : null}
      </div>
      {/* Without a total the bar is indeterminate: value must be absent, not 0. */}
      <progress aria-labelledby={labelId} max={job.total > 0 ? job.total : undefined} value={job.total > 0 ? job.done : undefined} />
      <p className="job-meta muted">
        {job.status === 'running' ? (
          <span>{job.etaSeconds !== null ? t('jobs.eta', { time: formatDuration(job.etaSeconds, units) }) : t('jobs.etaUnknown')}</span>
        ) : null}
        {job.elapsedSeconds !== null ? <span>{t('jobs.elapsed', { time: formatDuration(job.elapsedSeconds, units) })}</span> : null}
        {job.perMinute !== null ? <span>{t('jobs.rate', { n: formatNumber(locale, job.perMinute) })}</span> : null}
        {job.attempts > 1 ? <span>{t('jobs.attempt', { n: job.attempts })}</span> : null}
      </p>
      {job.error ? (
        <div className={retrying ? 'job-warning' : 'form-error'} role="alert">
          <strong>{t('jobs.errorTitle')}: </strong>
          {errorText(t, job.error)}
          {retrying ? <p className="small">{t('jobs.retrying')}</p> : null}
        </div>
      ) : null}
    </div>
  )
}
