import { Field, FieldFooter as Footer, useFieldDescription as useDescribed } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'

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

/** A thing's English and Chinese names, both required: themes, segments, data stocks, estimate series. */
export function NameFields({
  idPrefix,
  errors,
  defaults,
  onNameEnChange,
}: {
  idPrefix: string
  errors: Record<string, string | undefined>
  defaults: { nameEn: string; nameZh: string }
  onNameEnChange?: (name: string) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <Field
        id={`${idPrefix}-nameEn`}
        label={t('themeEdit.nameEn')}
        name="nameEn"
        defaultValue={defaults.nameEn}
        error={errors.nameEn}
        maxLength={200}
        required
        onChange={onNameEnChange ? (e) => onNameEnChange(e.currentTarget.value) : undefined}
      />
      <Field
        id={`${idPrefix}-nameZh`}
        label={t('themeEdit.nameZh')}
        name="nameZh"
        defaultValue={defaults.nameZh}
        error={errors.nameZh}
        maxLength={200}
        required
        lang="zh-CN"
      />
    </>
  )
}
