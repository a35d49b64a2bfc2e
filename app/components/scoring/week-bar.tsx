import { Form, Link } from '@remix-run/react'

import { useI18n } from '#app/i18n/index.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'

// Previous/next week, the week's state (open, read-only) and, for administrators, the
// button that reopens a locked week or locks a reopened one again.

export interface WeekBarLock {
  week: string
  currentWeek: string
  state: 'open' | 'locked' | 'future'
  reopened: boolean
  reopenable: boolean
}

export function WeekBar({ lock, path, isAdmin, extra }: { lock: WeekBarLock; path: string; isAdmin: boolean; extra?: string }) {
  const { t } = useI18n()
  const previous = shiftIsoWeek(lock.week, -1)
  const next = shiftIsoWeek(lock.week, 1)
  const href = (week: string) => `${path}?week=${week}${extra ? `&${extra}` : ''}`
  return (
    <div className="week-bar">
      <Link to={href(previous)} rel="prev" aria-label={t('scoring.week.previous', { week: previous })}>
        ← {previous}
      </Link>
      <strong className="week-current">
        {lock.week}
        {lock.week === lock.currentWeek ? <span className="muted small"> · {t('scoring.week.thisWeek')}</span> : null}
      </strong>
      {next <= lock.currentWeek ? (
        <Link to={href(next)} rel="next" aria-label={t('scoring.week.next', { week: next })}>
          {next} →
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {next} →
        </span>
      )}
      {lock.week !== lock.currentWeek ? <Link to={href(lock.currentWeek)}>{t('scoring.week.backToCurrent')}</Link> : null}
      <span className={`badge week-state week-${lock.state}`}>
        {lock.state === 'open' ? (lock.reopened ? t('scoring.week.reopened') : t('scoring.week.open')) : t('scoring.week.locked')}
      </span>
      {isAdmin && lock.reopenable ? (
        <Form method="post" action={`${path}?week=${lock.week}`} className="inline-form">
          <input type="hidden" name="intent" value={lock.reopened ? 'relock' : 'reopen'} />
          <input type="hidden" name="week" value={lock.week} />
          <button type="submit" className="small">
            {lock.reopened ? t('scoring.week.relock') : t('scoring.week.reopen')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
