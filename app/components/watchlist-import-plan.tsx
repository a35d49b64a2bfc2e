import { fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { PlanSummary } from '#app/models/watchlist/index.server.ts'

// What an import would do (or did): a summary line, then the rows that need attention
// first (errors and unknown companies, with their row numbers), then what is skipped.

export interface ImportActionResult {
  ok: boolean
  intent: string
  errors?: Record<string, string>
  plan?: PlanSummary
  ready?: boolean
  createMissing?: boolean
  done?: { added: number; created: number }
}

function More({ count }: { count: number }) {
  const { t } = useI18n()
  return count > 0 ? <p className="muted small">{t('watchlists.import.more', { count })}</p> : null
}

export function ImportPlanView({ result }: { result: ImportActionResult }) {
  const { t, locale } = useI18n()
  const nameOf = (c: { name: string; nameZh: string }) => localName(locale, { nameEn: c.name, nameZh: c.nameZh })
  const plan = result.plan!
  const { counts } = plan
  let status: { text: string; tone: 'ok' | 'warn' } | null = null
  if (result.done) status = { text: t('watchlists.import.done', { count: result.done.added, created: result.done.created }), tone: 'ok' }
  else if (result.intent === 'preview' && result.ready) {
    const count = counts.known + (result.createMissing ? counts.unresolved : 0)
    status =
      result.createMissing && counts.unresolved
        ? { text: t('watchlists.import.readyCreate', { count, created: counts.unresolved }), tone: 'ok' }
        : { text: t('watchlists.import.ready', { count }), tone: 'ok' }
  } else if (result.intent === 'preview') {
    const onlyUnknown = counts.invalid === 0 && plan.unresolved.items.every((u) => u.reason === 'unknown')
    status = { text: t(onlyUnknown ? 'watchlists.import.previewUnknown' : 'watchlists.import.previewBlocked'), tone: 'warn' }
  }
  return (
    <section className="card stack wl-plan" aria-live="polite">
      <p>
        {t('watchlists.import.summary', {
          total: plan.total,
          add: counts.known,
          listed: counts.alreadyListed,
          duplicates: counts.duplicates,
          unresolved: counts.unresolved,
          invalid: counts.invalid,
        })}
      </p>
      {status ? (
        <p className={status.tone === 'ok' ? 'notice' : 'notice warn-notice'} role="status">
          {status.text}
        </p>
      ) : null}
      {plan.invalid.items.length ? (
        <div>
          <h2>{t('watchlists.import.invalidTitle')}</h2>
          <table className="data-table wl-plan-table">
            <thead>
              <tr>
                <th scope="col">{t('watchlists.import.row')}</th>
                <th scope="col">{t('watchlists.import.column')}</th>
                <th scope="col">{t('watchlists.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.invalid.items.map((p) => (
                <tr key={`${p.row}-${p.column}`}>
                  <td className="num">{p.row}</td>
                  <td>{labelOf(t, 'watchlists.export', p.column)}</td>
                  <td>{fieldError(t, p.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={plan.invalid.more} />
        </div>
      ) : null}
      {plan.unresolved.items.length ? (
        <div>
          <h2>{t('watchlists.import.unresolvedTitle')}</h2>
          <table className="data-table wl-plan-table">
            <thead>
              <tr>
                <th scope="col">{t('watchlists.import.row')}</th>
                <th scope="col">{t('watchlists.import.text')}</th>
                <th scope="col">{t('watchlists.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.unresolved.items.map((u) => (
                <tr key={u.row}>
                  <td className="num">{u.row}</td>
                  <td>{u.text}</td>
                  <td>{labelOf(t, 'watchlists.reason', u.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={plan.unresolved.more} />
        </div>
      ) : null}
      <div className="two-col">
        {plan.duplicates.items.length ? (
          <div>
            <h2>{t('watchlists.import.duplicatesTitle')}</h2>
            <ul className="wl-plan-list">
              {plan.duplicates.items.map((d) => (
                <li key={d.row}>
                  <span className="badge">{d.row}</span> {d.text}{' '}
                  <span className="muted small">({t('watchlists.import.firstRow', { row: d.firstRow })})</span>
                </li>
              ))}
            </ul>
            <More count={plan.duplicates.more} />
          </div>
        ) : null}
        {plan.alreadyListed.items.length ? (
          <div>
            <h2>{t('watchlists.import.alreadyListedTitle')}</h2>
            <ul className="wl-plan-list">
              {plan.alreadyListed.items.map((d) => (
                <li key={d.row}>
                  <span className="badge">{d.row}</span> {d.text}{' '}
                  {d.text !== nameOf(d) ? <span className="muted small">→ {nameOf(d)}</span> : null}
                </li>
              ))}
            </ul>
            <More count={plan.alreadyListed.more} />
          </div>
        ) : null}
      </div>
      {plan.toAdd.items.length ? (
        <details open={!result.done && plan.toAdd.items.length <= 30}>
          <summary>
            {t('watchlists.import.toAddTitle')} ({plan.toAdd.items.length + plan.toAdd.more})
          </summary>
          <table className="data-table wl-plan-table">
            <thead>
              <tr>
                <th scope="col">{t('watchlists.import.row')}</th>
                <th scope="col">{t('watchlists.import.text')}</th>
                <th scope="col">{t('watchlists.import.match')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.toAdd.items.map((a) => (
                <tr key={a.row}>
                  <td className="num">{a.row}</td>
                  <td>{a.text}</td>
                  <td>
                    {nameOf(a)} <span className="muted small">{labelOf(t, 'watchlists.matchedBy', a.matchedBy)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={plan.toAdd.more} />
        </details>
      ) : null}
    </section>
  )
}
