import { useFetcher } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { formatDateTime, useI18n } from '#app/i18n/index.ts'

// Closing the weeks before this meeting for scoring: its own button (decision 040), so a
// saved agenda or early notes lock nothing. Shows who closed and when; an administrator
// can open the weeks again. Not on the projector or in the PDF.

interface Props {
  week: string
  previous: string
  closed: { at: string; by: string | null } | null
  canClose: boolean
  canOpen: boolean
  action: string
}

interface CloseResult {
  ok: boolean
  intent?: 'close' | 'open'
  errors?: Record<string, string>
}

export function CloseWeek({ week, previous, closed, canClose, canOpen, action }: Props) {
  const { t, locale, timeZone } = useI18n()
  const fetcher = useFetcher<CloseResult>()
  const result = fetcher.data
  const busy = fetcher.state !== 'idle'
  if (!closed && !canClose) return null
  return (
    <section className="meeting-close" aria-labelledby="meeting-close-title">
      <h2 id="meeting-close-title" className="visually-hidden">
        {t('meeting.close.title')}
      </h2>
      {closed ? (
        <p className="meeting-close-state">
          <span aria-hidden="true">🔒 </span>
          {t('meeting.close.closed', { previous, who: closed.by ?? '–', when: formatDateTime(locale, closed.at, timeZone) })}
        </p>
      ) : (
        <p className="meeting-close-state muted">{t('meeting.close.hint', { previous })}</p>
      )}
      {closed ? (
        canOpen ? (
          <fetcher.Form method="post" action={action}>
            <button type="submit" name="intent" value="open" disabled={busy} title={t('meeting.close.openHint')}>
              {t('meeting.close.open')}
            </button>
          </fetcher.Form>
        ) : null
      ) : (
        <fetcher.Form method="post" action={action}>
          <button type="submit" name="intent" value="close" className="primary" disabled={busy}>
            {t('meeting.close.button', { previous })}
          </button>
        </fetcher.Form>
      )}
      {result && !result.ok ? <FormError error={result.errors?.form} /> : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {result.intent === 'open' ? t('meeting.close.doneOpened', { week }) : t('meeting.close.doneClosed', { previous })}
        </p>
      ) : null}
    </section>
  )
}
