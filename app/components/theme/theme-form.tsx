import { useActionData, useFetcher } from '@remix-run/react'
import { type ReactNode, useEffect, useRef } from 'react'

import { fieldError, FormError } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'
import type { ConflictView } from '#app/utils/edit-conflict.ts'

import { EditConflictNotice, versionOf } from './edit-conflict.tsx'

// Inline edits on the theme page. Each form posts to the theme route's action with a
// hidden `intent` and a `formKey` the action echoes back, so its result (or field
// errors) shows on that form only: through its fetcher when JavaScript runs, through
// useActionData after a plain post. A form that edits text also posts the version it was
// opened at; a stale save comes back as a conflict (409) shown by EditConflictNotice.

export type ThemeActionResult =
  | { ok: true; formKey: string; previewHtml?: string; previewZhHtml?: string }
  | { ok: false; formKey: string; errors: Record<string, string>; values: Record<string, string>; conflict?: ConflictView }

export function useThemeForm(formKey: string) {
  const fetcher = useFetcher<ThemeActionResult>()
  const actionData = useActionData<ThemeActionResult>()
  const data = fetcher.data ?? (actionData?.formKey === formKey ? actionData : undefined)
  const errors: Record<string, string> = data && !data.ok ? data.errors : {}
  const conflict = data && !data.ok ? data.conflict : undefined
  // A conflict carries the typed text whole (the echoed values stop at 10,000 characters).
  const typed = Object.fromEntries((conflict?.fields ?? []).map((f) => [f.name, f.yours]))
  const values: Record<string, string> = data && !data.ok ? { ...data.values, ...typed } : {}
  const succeeded = fetcher.state === 'idle' && fetcher.data?.ok === true
  return { fetcher, data, errors, values, conflict, busy: fetcher.state !== 'idle', succeeded }
}

export type FormState = { errors: Record<string, string>; values: Record<string, string> }

/** How a form that edits text shows a conflict: its fields' labels, and formats for choices. */
export interface ConflictDisplay {
  labels: Record<string, string>
  formats?: Record<string, (value: string) => string>
}

interface HiddenFields {
  [name: string]: string | number
}

function Hidden({ intent, formKey, hidden }: { intent?: string; formKey: string; hidden?: HiddenFields }) {
  return (
    <>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name="formKey" value={formKey} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  )
}

interface InlineEditFormProps {
  formKey: string
  intent: string
  /** The toggle's text, e.g. "Edit" or "+ Add a risk". */
  summary: ReactNode
  summaryLabel?: string
  submitLabel: string
  hidden?: HiddenFields
  /** Clear the fields after a successful save (forms that add things). */
  resetOnSuccess?: boolean
  className?: string
  children: (state: FormState) => ReactNode
  /** More buttons of the same form posting another intent with the same fields (Remove). */
  otherActions?: { intent: string; label: string; className?: string }[]
  /** The version of the text being edited, for forms that change saved text. */
  version?: number
  conflictDisplay?: ConflictDisplay
}

/** A toggle that opens a small form in place; closes itself after a successful save. */
export function InlineEditForm({
  formKey,
  intent,
  summary,
  summaryLabel,
  submitLabel,
  hidden,
  resetOnSuccess,
  className,
  children,
  otherActions,
  version,
  conflictDisplay,
}: InlineEditFormProps) {
  const { fetcher, errors, values, conflict, busy, succeeded } = useThemeForm(formKey)
  const { t } = useI18n()
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!succeeded) return
    if (detailsRef.current) detailsRef.current.open = false
    if (resetOnSuccess) formRef.current?.reset()
  }, [succeeded, fetcher.data, resetOnSuccess])
  const hasErrors = Object.keys(errors).length > 0
  return (
    <details ref={detailsRef} className={`inline-edit ${className ?? ''}`} open={hasErrors || undefined}>
      <summary aria-label={summaryLabel}>{summary}</summary>
      <fetcher.Form method="post" ref={formRef} className="inline-edit-form" noValidate>
        {/* The intent travels with the button pressed (Enter presses the first), so one form can save or remove. */}
        <Hidden formKey={formKey} hidden={version === undefined ? hidden : { ...hidden, version: versionOf(conflict, version) }} />
        <FormError error={errors.form ?? errors.version} />
        {children({ errors, values })}
        {conflict ? (
          <EditConflictNotice conflict={conflict} labels={conflictDisplay?.labels ?? {}} formats={conflictDisplay?.formats} />
        ) : null}
        <div className="form-actions">
          <button type="submit" name="intent" value={intent} className="primary small" disabled={busy}>
            {busy ? t('common.loading') : submitLabel}
          </button>
          {otherActions?.map((a) => (
            <button key={a.intent} type="submit" name="intent" value={a.intent} className={a.className ?? 'small'} disabled={busy}>
              {a.label}
            </button>
          ))}
        </div>
      </fetcher.Form>
    </details>
  )
}

interface ActionButtonProps {
  formKey: string
  intent: string
  label: ReactNode
  ariaLabel?: string
  hidden?: HiddenFields
  className?: string
  title?: string
}

/** One button that posts one intent (remove, move, archive), with any refusal beside it. */
export function ActionButton({ formKey, intent, label, ariaLabel, hidden, className, title }: ActionButtonProps) {
  const { fetcher, errors, busy } = useThemeForm(formKey)
  const { t } = useI18n()
  const message = fieldError(t, Object.values(errors)[0])
  return (
    <fetcher.Form method="post" className="inline-form">
      <Hidden intent={intent} formKey={formKey} hidden={hidden} />
      <button type="submit" className={className ?? 'small'} disabled={busy} aria-label={ariaLabel} title={title ?? ariaLabel}>
        {label}
      </button>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </fetcher.Form>
  )
}
