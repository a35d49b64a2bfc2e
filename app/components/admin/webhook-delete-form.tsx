import { Form } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'

/** Deletes a webhook after asking whether its delivery log stays (no choice is preset). */
export function WebhookDeleteForm({ id, error }: { id: number; error?: string }) {
  const { t } = useI18n()
  return (
    <Form method="post" className="webhook-delete stack">
      <input type="hidden" name="id" value={id} />
      <fieldset aria-describedby={error ? `webhook-delete-${id}-error` : undefined}>
        <legend>{t('webhookdel.logQuestion')}</legend>
        <label className="checkbox-label">
          <input type="radio" name="log" value="keep" required /> {t('webhookdel.keep')}
        </label>
        <label className="checkbox-label">
          <input type="radio" name="log" value="remove" required /> {t('webhookdel.remove')}
        </label>
        {error ? (
          <p className="field-error" id={`webhook-delete-${id}-error`} role="alert">
            {fieldError(t, error)}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" name="intent" value="delete" className="danger">
        {t('webhookdel.submit')}
      </button>
    </Form>
  )
}
