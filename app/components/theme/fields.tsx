import { FieldFooter as Footer, useFieldDescription as useDescribed } from '#app/components/form.tsx'

// Textarea and select counterparts of <Field> (app/components/form.tsx): the same label,
// hint and error-next-to-the-field markup, linked for screen readers.

interface Common {
  id: string
  label: string
  name: string
  error?: string
  hint?: string
  className?: string
}

export function TextAreaField({
  id,
  label,
  name,
  error,
  hint,
  className,
  ...rest
}: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { message, describedBy } = useDescribed(id, error, hint)
  return (
    <div className={`field${message ? ' has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...rest} />
      <Footer id={id} hint={hint} message={message} />
    </div>
  )
}

export function SelectField({
  id,
  label,
  name,
  error,
  hint,
  className,
  options,
  ...rest
}: Common & React.SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const { message, describedBy } = useDescribed(id, error, hint)
  return (
    <div className={`field${message ? ' has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Footer id={id} hint={hint} message={message} />
    </div>
  )
}
