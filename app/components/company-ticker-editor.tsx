import { fieldError } from '#app/components/form.tsx'
import { localName, useI18n } from '#app/i18n/index.ts'
import { formatTicker } from '#app/utils/ticker.ts'
import type { Exchange } from '#db/types.ts'

import { useCompanyEdit } from './company-edit-form.tsx'

interface TickerView {
  id: number
  exchange: Exchange
  code: string
  isPrimary: boolean
}

/** Tickers with remove / make-primary buttons and a field to add one (analysts only). */
export function TickerEditor({ tickers }: { tickers: TickerView[] }) {
  const { t } = useI18n()
  const adder = useCompanyEdit('ticker:new', { resetOnSuccess: true })
  const error = fieldError(t, adder.errors.ticker ?? adder.errors.form)
  return (
    <div className="stack">
      {tickers.length === 0 ? <p className="muted">{t('company.noTickers')}</p> : null}
      <ul className="ticker-list">
        {tickers.map((ticker) => (
          <TickerItem key={ticker.id} ticker={ticker} />
        ))}
      </ul>
      <adder.fetcher.Form method="post" ref={adder.formRef} className="row-form ticker-add">
        <input type="hidden" name="intent" value="addTicker" />
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="add-ticker">{t('companyEdit.ticker')}</label>
          <input
            id="add-ticker"
            name="ticker"
            maxLength={32}
            required
            placeholder="0700.HK"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'add-ticker-error' : undefined}
          />
        </div>
        <label className="check">
          <input type="checkbox" name="primary" /> {t('companyEdit.primary')}
        </label>
        <button type="submit" className="primary" disabled={adder.busy}>
          {t('companyEdit.addTicker')}
        </button>
      </adder.fetcher.Form>
      {error ? (
        <p className="field-error" id="add-ticker-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function TickerItem({ ticker }: { ticker: TickerView }) {
  const { t } = useI18n()
  const edit = useCompanyEdit(`ticker:${ticker.id}`)
  const text = formatTicker(ticker)
  return (
    <li>
      <span className="ticker">{text}</span>
      {ticker.isPrimary ? <span className="badge">{t('companyEdit.primary')}</span> : null}
      <span className="row-actions">
        {!ticker.isPrimary ? (
          <edit.fetcher.Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="primaryTicker" />
            <input type="hidden" name="tickerId" value={ticker.id} />
            <button type="submit" className="small" disabled={edit.busy}>
              {t('companyEdit.makePrimary')}
            </button>
          </edit.fetcher.Form>
        ) : null}
        <edit.fetcher.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="removeTicker" />
          <input type="hidden" name="tickerId" value={ticker.id} />
          <button
            type="submit"
            className="small link-button danger"
            disabled={edit.busy}
            aria-label={t('companyEdit.removeTicker', { ticker: text })}
          >
            {t('companyEdit.remove')}
          </button>
        </edit.fetcher.Form>
      </span>
      {edit.errors.form ? <p className="field-error">{fieldError(t, edit.errors.form)}</p> : null}
    </li>
  )
}

interface ModalityOption {
  id: number
  nameEn: string
  nameZh: string
}

/** Checkboxes for the modalities the company works on. */
export function ModalityEditor({ options, chosen }: { options: ModalityOption[]; chosen: number[] }) {
  const { t, locale } = useI18n()
  const edit = useCompanyEdit('modalities')
  const picked = new Set(chosen)
  return (
    <edit.fetcher.Form method="post" className="stack">
      <input type="hidden" name="intent" value="modalities" />
      <fieldset className="modality-choices">
        <legend className="visually-hidden">{t('company.modalities')}</legend>
        {options.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" name="modalityIds" value={m.id} defaultChecked={picked.has(m.id)} /> {localName(locale, m)}
          </label>
        ))}
      </fieldset>
      {edit.errors.modalityIds || edit.errors.form ? (
        <p className="field-error">{fieldError(t, edit.errors.modalityIds ?? edit.errors.form)}</p>
      ) : null}
      <p className="row-form">
        <button type="submit" className="small" disabled={edit.busy}>
          {t('companyEdit.saveModalities')}
        </button>
        {edit.result?.ok ? (
          <span className="muted small" role="status">
            {t('common.saved')}
          </span>
        ) : null}
      </p>
    </edit.fetcher.Form>
  )
}
