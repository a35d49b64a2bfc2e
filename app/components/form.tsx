import { useI18n, type MessageKey, type Translate } from '#app/i18n/index.ts'

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

/** A labelled input with its hint and its error message beside it, linked for screen readers. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const { t } = useI18n()
  const fieldId = id ?? `field-${name}`
  const message = fieldError(t, error)
  const describedBy = [hint ? `${fieldId}-hint` : null, message ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${message ? ' has-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} name={name} aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${fieldId}-error`} role="alert">
          {message}
        </p>
      ) : null}
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
