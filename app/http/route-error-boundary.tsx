import { isRouteErrorResponse, useRouteError } from '@remix-run/react'

import { ErrorPage } from '#app/components/error-page.tsx'
import { fieldError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'

// The one error boundary: every route re-exports it (`export { RouteErrorBoundary as
// ErrorBoundary }`). A 404 thrown by requireFound()/requireParam() carries its own
// message key and parameters, so no route needs a copy of this to say what was missing.

function notFoundMessage(data: unknown): string | undefined {
  const found = data as { notFound?: boolean; messageKey?: string; params?: Record<string, string> } | undefined
  if (!found?.notFound || typeof found.messageKey !== 'string') return undefined
  return `${found.messageKey}?${new URLSearchParams(found.params ?? {}).toString()}`
}

export function RouteErrorBoundary() {
  const error = useRouteError()
  const { t } = useI18n()
  if (!isRouteErrorResponse(error)) return <ErrorPage status={500} />
  const message = error.status === 404 ? fieldError(t, notFoundMessage(error.data)) : undefined
  return <ErrorPage status={error.status} data={error.data} message={message} />
}
