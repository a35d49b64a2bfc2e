import { type MessageKey, type Translate, useI18n } from '#app/i18n/index.ts'

/** Turns a field error ("validation.tooLong?max=200") into text in the reader's language. */
export function fieldError(t: Translate, code: string | undefined): string | undefined {
  if (!code) return undefined
  const [key, query] = code.split('?')
  const params = query ? Object.fromEntries(new URLSearchParams(query)) : undefined
  return t(key as MessageKey, params)
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string
  name: string
  error?: string
  hint?: string
}

/** The hint and error of a field, with the aria-describedby that links them to the control. */
export function useFieldDescription(id: string, error?: string, hint?: string) {
  const { t } = useI18n()
  const message = fieldError(t, error)
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return { message, describedBy }
}

/** What follows every control: its hint, then its error message. */
export function FieldFooter({ id, hint, message }: { id: string; hint?: string; message?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </>
  )
}

/** A labelled input with its hint and its error message beside it, linked for screen readers. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`
  const { message, describedBy } = useFieldDescription(fieldId, error, hint)
  return (
    <div className={`field${message ? ' has-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} name={name} aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...input} />
      <FieldFooter id={fieldId} hint={hint} message={message} />
    </div>
  )
}

export function FormError({ error }: { error?: string }) {
  const { t } = useI18n()
  const message = fieldError(t, error)
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null
}
