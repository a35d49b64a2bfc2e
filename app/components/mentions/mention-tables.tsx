import { Form, Link, useLocation } from '@remix-run/react'

import { localName, useI18n } from '#app/i18n/index.ts'
import type { Mover, ScopeAlert, TopCompany } from '#app/models/mentions/index.server.ts'

// The dashboard's lists (and the meeting page's, should it want them): most mentioned
// companies, movers and alerts. Names link to the company page.

type Named = { companyId: number; nameEn: string; nameZh: string }

function CompanyLink({ c }: { c: Named }) {
  const { locale } = useI18n()
  return <Link to={`/companies/${c.companyId}#mentions`}>{localName(locale, c)}</Link>
}

/** The documents behind a company's count in a week: the documents list, filtered. */
function DocumentsLink({ c, week }: { c: Named; week: string }) {
  const { t, locale } = useI18n()
  return (
    <Link
      to={`/documents?company=${c.companyId}&week=${week}`}
      className="small"
      aria-label={t('alertcount.documentsOf', { name: localName(locale, c), week })}
    >
      {t('alertcount.documents')}
    </Link>
  )
}

export function TopCompaniesTable({ rows }: { rows: Pick<TopCompany, keyof Named | 'mentions' | 'documents'>[] }) {
  const { t } = useI18n()
  if (!rows.length) return <p className="muted">{t('mentions.none')}</p>
  const max = Math.max(...rows.map((r) => r.mentions))
  return (
    <table className="data-table top-companies">
      <thead>
        <tr>
          <th scope="col">{t('mentions.rank')}</th>
          <th scope="col">{t('mentions.company')}</th>
          <th scope="col" className="num">
            {t('mentions.mentions')}
          </th>
          <th scope="col" className="num">
            {t('mentions.documents')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.companyId}>
            <td>{i + 1}</td>
            <td>
              <CompanyLink c={r} />
              <span className="mention-bar" style={{ width: `${Math.round((r.mentions / max) * 100)}%` }} aria-hidden="true" />
            </td>
            <td className="num">{r.mentions}</td>
            <td className="num">{r.documents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function MoversTable({ rows, week }: { rows: Pick<Mover, keyof Named | 'thisWeek' | 'trailingAvg' | 'change'>[]; week: string }) {
  const { t } = useI18n()
  if (!rows.length) return <p className="muted">{t('mentions.noMovers')}</p>
  return (
    <table className="data-table movers">
      <thead>
        <tr>
          <th scope="col">{t('mentions.company')}</th>
          <th scope="col" className="num">
            {t('mentions.thisWeek')}
          </th>
          <th scope="col" className="num">
            {t('mentions.trailingAvg')}
          </th>
          <th scope="col" className="num">
            {t('mentions.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const rising = r.change > 1
          return (
            <tr key={r.companyId}>
              <td>
                <CompanyLink c={r} /> <DocumentsLink c={r} week={week} />
              </td>
              <td className="num">{r.thisWeek}</td>
              <td className="num">{r.trailingAvg.toFixed(1)}</td>
              <td className={`num ${rising ? 'is-rising' : 'is-falling'}`}>
                <span aria-hidden="true">{rising ? '▲' : '▼'}</span> {r.change.toFixed(1)}×
                <span className="visually-hidden"> {t(rising ? 'mentions.rising' : 'mentions.falling')}</span>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** Stops posting a company's alerts for a week (team-wide), or resumes them. */
function SnoozeForm({ companyId, until }: { companyId: number; until?: string }) {
  const { t } = useI18n()
  const { pathname, search } = useLocation()
  return (
    <Form method="post" action="/mentions/snooze" className="inline-form">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="back" value={`${pathname}${search}`} />
      <input type="hidden" name="days" value={until ? 0 : 7} />
      {until ? <span className="muted small">{t('alertcount.snoozedUntil', { date: until })}</span> : null}{' '}
      <button type="submit" className="small">
        {until ? t('alertcount.resume') : t('alertcount.snooze')}
      </button>
    </Form>
  )
}

export function AlertList({
  alerts,
  snoozes = {},
  canSnooze = false,
  weekBadge = true,
}: {
  alerts: Pick<ScopeAlert, keyof Named | 'id' | 'week' | 'mentions' | 'currentMentions' | 'trailingAvg'>[]
  snoozes?: Record<string, string>
  canSnooze?: boolean
  /** Off where every alert is of the one week the page is about (the meeting). */
  weekBadge?: boolean
}) {
  const { t } = useI18n()
  if (!alerts.length) return <p className="muted">{t('mentions.noAlerts')}</p>
  return (
    <ul className="plain-list mention-alerts">
      {alerts.map((a) => (
        <li key={a.id}>
          {weekBadge ? <span className="badge warn">{a.week}</span> : '⚠'}{' '}
          <strong>
            <CompanyLink c={a} />
          </strong>{' '}
          <span className="small">
            {t('alertcount.line', { current: a.currentMentions, raised: a.mentions, week: a.week, avg: a.trailingAvg.toFixed(1) })}
          </span>{' '}
          <DocumentsLink c={a} week={a.week} />
          {canSnooze ? <SnoozeForm companyId={a.companyId} until={snoozes[a.companyId]} /> : null}
        </li>
      ))}
    </ul>
  )
}
