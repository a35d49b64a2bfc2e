import { Link } from '@remix-run/react'

import { fieldError } from '#app/components/form.tsx'
import { type MessageKey, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import type { Role } from '#db/types.ts'

/** What a person sees when a page fails: a message in their language, never a stack trace. */
export function ErrorPage({ status, data, message }: { status: number; data?: unknown; message?: string }) {
  const { t } = useI18n()
  const role = (data as { role?: Role } | undefined)?.role
  const formKey = (data as { errors?: { form?: string } } | undefined)?.errors?.form
  // A 400 from an address rather than a form (a bad ?week=) names its own title.
  const titleKey = (data as { titleKey?: string } | undefined)?.titleKey
  let title: string
  let body: string
  if (status === 404) {
    title = t('error.notFoundTitle')
    body = message ?? t('error.notFound')
  } else if (status === 403) {
    title = t('error.forbiddenTitle')
    body = t('error.forbidden', { role: role ? labelOf(t, 'role', role) : '?' })
  } else if (status === 503) {
    // The server sends the words already translated (the reader's messages may not be loaded).
    const unavailable = data as { title?: string; message?: string } | undefined
    title = unavailable?.title ?? t('error.unavailableTitle')
    body = unavailable?.message ?? t('error.databaseUnavailable')
  } else if (status >= 400 && status < 500) {
    title = t((titleKey ?? 'error.badRequestTitle') as MessageKey)
    body = message ?? fieldError(t, formKey) ?? t('validation.invalid')
  } else {
    title = t('error.serverTitle')
    body = t('error.server')
  }
  return (
    <section className="error-page" role="alert">
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t('error.goHome')}</Link>
      </p>
    </section>
  )
}
