import { Link } from '@remix-run/react'

import { localName, type MessageKey, useI18n } from '#app/i18n/index.ts'
import type { UniversePlanSummary } from '#app/models/company/index.server.ts'

// What a universe import would do (preview) or did: counts first, then the companies it
// creates, the known ones it fills in, those it leaves alone, and the rows it skipped.

export interface UniverseActionResult {
  ok: boolean
  intent: 'preview' | 'apply' | ''
  format?: string
  errors?: Record<string, string>
  plan?: UniversePlanSummary
}

type Listed = { ticker: string; board: string | null }

function More({ count }: { count: number }) {
  const { t } = useI18n()
  return count > 0 ? <p className="muted small">{t('universe.more', { count })}</p> : null
}

function Tickers({ tickers }: { tickers: Listed[] }) {
  const { t } = useI18n()
  return (
    <>
      {tickers.map((l, i) => (
        <span key={l.ticker}>
          {i > 0 ? ', ' : ''}
          <code>{l.ticker}</code>
          {l.board ? <span className="muted"> {t(`universe.board.${l.board}` as MessageKey)}</span> : null}
        </span>
      ))}
    </>
  )
}

function Aliases({ aliases }: { aliases: { text: string; ambiguous: boolean }[] }) {
  return <>{aliases.map((a) => (a.ambiguous ? `${a.text} (?)` : a.text)).join(', ')}</>
}

export function UniversePlanView({ result }: { result: UniverseActionResult }) {
  const { t, locale } = useI18n()
  const plan = result.plan!
  const { counts } = plan
  const name = (c: { nameEn: string; nameZh: string }) => localName(locale, c)
  const stat = (key: MessageKey, value: number) => (
    <div className="universe-stat">
      <dt>{t(key)}</dt>
      <dd>{value.toLocaleString(locale)}</dd>
    </div>
  )
  return (
    <section className="card stack" aria-live="polite" data-testid="universe-plan">
      <h2>{t(result.intent === 'apply' ? 'universe.doneTitle' : 'universe.previewTitle')}</h2>
      {result.format ? (
        <p className="muted">{t('universe.recognised', { format: t(`universe.format.${result.format}` as MessageKey) })}</p>
      ) : null}
      <dl className="universe-stats">
        {stat('universe.counts.created', counts.created)}
        {stat('universe.counts.updated', counts.updated)}
        {stat('universe.counts.unchanged', counts.unchanged)}
        {stat('universe.counts.skipped', counts.skipped)}
        {stat('universe.counts.conflicts', counts.conflicts)}
        {stat('universe.counts.aliases', counts.aliasesAdded)}
      </dl>
      <p className="small muted">
        {counts.ambiguousAliases} {t('universe.counts.ambiguous')}. {t('universe.heldBack', counts.heldBack)}
      </p>
      {plan.created.items.length > 0 ? (
        <>
          <h3>{t('universe.created')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t('universe.col.row')}</th>
                <th>{t('universe.col.company')}</th>
                <th>{t('universe.col.tickers')}</th>
                <th>{t('universe.col.aliases')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.created.items.map((c) => (
                <tr key={`${c.row}-${c.nameEn}`}>
                  <td>{c.row}</td>
                  <td>{name(c)}</td>
                  <td>
                    <Tickers tickers={c.tickers} />
                  </td>
                  <td>
                    <Aliases aliases={c.aliases} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={plan.created.more} />
        </>
      ) : null}
      {plan.updated.items.length > 0 ? (
        <>
          <h3>{t('universe.updated')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t('universe.col.row')}</th>
                <th>{t('universe.col.company')}</th>
                <th>{t('universe.col.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.updated.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.row}</td>
                  <td>
                    <Link to={`/companies/${u.id}`}>{name(u)}</Link>
                  </td>
                  <td>
                    <Tickers tickers={u.tickers} />
                    {u.boards.map((b) => (
                      <div key={b.ticker}>
                        {t('universe.change.board', { ticker: b.ticker })}: {t(`universe.board.${b.board}` as MessageKey)}
                      </div>
                    ))}
                    {u.nameZhSet ? <div>{t('universe.change.nameZh', { name: u.nameZhSet })}</div> : null}
                    {u.aliases.length ? (
                      <div>
                        {t('universe.col.aliases')}: <Aliases aliases={u.aliases} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More count={plan.updated.more} />
        </>
      ) : null}
      {plan.unchanged.items.length > 0 ? (
        <details>
          <summary>
            {t('universe.unchanged')} ({counts.unchanged})
          </summary>
          <p className="small">{plan.unchanged.items.map((u) => name(u)).join(', ')}</p>
          <More count={plan.unchanged.more} />
        </details>
      ) : null}
      {plan.skipped.items.length > 0 ? (
        <details>
          <summary>
            {t('universe.skipped')} ({counts.skipped})
          </summary>
          <ul className="small">
            {plan.skipped.items.map((s) => (
              <li key={s.row}>
                {t('universe.col.row')} {s.row}: {t(`universe.skip.${s.reason}`, { text: s.text })}
              </li>
            ))}
          </ul>
          <More count={plan.skipped.more} />
        </details>
      ) : null}
      {plan.conflicts.items.length > 0 ? (
        <>
          <h3>{t('universe.conflictList')}</h3>
          <ul className="small">
            {plan.conflicts.items.map((c) => (
              <li key={c.row}>
                {t('universe.col.row')} {c.row}: {c.tickers.join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
