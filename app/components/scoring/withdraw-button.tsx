import { useFetcher } from '@remix-run/react'

import { useI18n } from '#app/i18n/index.ts'

// "Withdraw my score": clears the analyst's score of this cell (the history keeps it). A
// plain form post without JavaScript; with it, the cell's own fetcher, so the grid shows
// the cell cleared at once. Delete or Backspace on the cell asks the same question.

export interface WithdrawTarget {
  action: string
  cellKey: string
  modality: string
  dimension: string
  week: string
}

export function withdrawFields(target: WithdrawTarget) {
  return { intent: 'withdraw', modality: target.modality, dimension: target.dimension, week: target.week, reason: '' }
}

export function WithdrawButton({ target, level, disabled }: { target: WithdrawTarget; level: number; disabled: boolean }) {
  const { t } = useI18n()
  const fetcher = useFetcher({ key: `score:${target.cellKey}` })
  return (
    <fetcher.Form
      method="post"
      action={target.action}
      className="withdraw-form"
      onSubmit={(event) => {
        if (!window.confirm(t('withdraw.confirm', { level }))) event.preventDefault()
      }}
    >
      {Object.entries(withdrawFields(target)).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button" disabled={disabled}>
        {t('withdraw.button')}
      </button>
      <span className="muted small"> {t('withdraw.hint')}</span>
    </fetcher.Form>
  )
}
