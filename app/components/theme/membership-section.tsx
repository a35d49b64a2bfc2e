import { Form, Link } from '@remix-run/react'

import { formatDate, localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { CompanyRole, Exposure } from '#db/types.ts'

// Membership over time on the theme page (decision 039): who joined and left since the
// last meeting, and the members as any past week ended (?members=2026-W45, a plain GET
// form, so it works without JavaScript and the address can be shared).

export interface MembershipChangeRow {
  kind: 'joined' | 'left'
  at: string
  companyId: number
  nameEn: string
  nameZh: string
  role: CompanyRole
  exposure: Exposure
  reason: string
}

export interface MembersAsOf {
  week: string
  ended: boolean
  members: { id: number; nameEn: string; nameZh: string; role: CompanyRole; exposure: Exposure; reason: string; since: string }[]
}

interface Props {
  slug: string
  lastMeetingWeek: string | null
  changes: MembershipChangeRow[]
  asOf: MembersAsOf | null
  currentWeek: string
}

export function MembershipSection({ slug, lastMeetingWeek, changes, asOf, currentWeek }: Props) {
  const { t, locale, timeZone } = useI18n()
  return (
    <section className="card" aria-labelledby="membership-heading">
      <div className="card-heading">
        <h2 id="membership-heading">{t('membership.heading')}</h2>
        <Form method="get" action={`/themes/${slug}`} className="inline-form">
          <label htmlFor="members-week">{t('membership.asOfLabel')}</label>
          <input
            id="members-week"
            name="members"
            type="text"
            inputMode="text"
            pattern="\d{4}-[Ww]\d{2}"
            placeholder={currentWeek}
            defaultValue={asOf?.week ?? ''}
            size={9}
          />
          <button type="submit" className="small">
            {t('membership.asOfShow')}
          </button>
        </Form>
      </div>
      <p className="muted small">
        {lastMeetingWeek ? t('membership.sinceMeeting', { week: lastMeetingWeek }) : t('membership.sinceWeekStart')}
      </p>
      {changes.length === 0 ? (
        <p className="muted">{t('membership.none')}</p>
      ) : (
        <ul className="plain-list membership-changes">
          {changes.map((c) => (
            <li key={`${c.kind}-${c.companyId}-${c.at}`}>
              <span className={`badge ${c.kind === 'joined' ? 'move-up' : 'move-down'}`}>
                {c.kind === 'joined' ? `+ ${t('membership.joined')}` : `− ${t('membership.left')}`}
              </span>{' '}
              <Link to={`/companies/${c.companyId}`}>{localName(locale, c)}</Link>{' '}
              <span className="muted small">{formatDate(locale, c.at, timeZone)}</span>
              {c.kind === 'joined' ? <span className="small"> · {c.reason || t('membership.noReason')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {asOf ? (
        <div className="stack" id="members-as-of">
          <h3>{t('membership.asOfHeading', { week: asOf.week })}</h3>
          {asOf.ended ? null : <p className="muted small">{t('membership.asOfFuture', { week: asOf.week })}</p>}
          {asOf.members.length === 0 ? (
            <p className="muted">{t('membership.asOfEmpty')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('membership.company')}</th>
                  <th scope="col">{t('themeEdit.role')}</th>
                  <th scope="col">{t('themeEdit.exposure')}</th>
                  <th scope="col">{t('membership.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {asOf.members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/companies/${m.id}`}>{localName(locale, m)}</Link>
                      <div className="muted small">{t('membership.since', { date: formatDate(locale, m.since, timeZone) })}</div>
                    </td>
                    <td>{labelOf(t, 'companyRole', m.role)}</td>
                    <td>{labelOf(t, 'exposure', m.exposure)}</td>
                    <td>{m.reason || <span className="muted">{t('membership.noReason')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <Link to={`/themes/${slug}`}>{t('membership.asOfBack')}</Link>
          </p>
        </div>
      ) : null}
    </section>
  )
}
