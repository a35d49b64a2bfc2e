import { Field } from '#app/components/form.tsx'
import { useI18n } from '#app/i18n/index.ts'

/** A new password typed twice, as the change-password and reset pages ask for it. */
export function NewPasswordFields({ errors }: { errors: Record<string, string | undefined> }) {
  const { t } = useI18n()
  return (
    <>
      <Field
        label={t('auth.newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={200}
        hint={t('auth.passwordHint')}
        error={errors.password}
      />
      <Field
        label={t('auth.confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        error={errors.confirmPassword}
      />
    </>
  )
}

/** The name and the first password of a new account (set-up and accepting an invitation). */
export function NewAccountFields({
  values,
  errors,
  children,
}: {
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
  /** Fields between the name and the password, such as the email at set-up. */
  children?: React.ReactNode
}) {
  const { t } = useI18n()
  return (
    <>
      <Field
        label={t('auth.displayName')}
        name="displayName"
        autoComplete="name"
        required
        defaultValue={values.displayName}
        error={errors.displayName}
      />
      {children}
      <Field
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('auth.passwordHint')}
        error={errors.password}
      />
    </>
  )
}
