import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { NewPasswordFields } from '#app/components/new-password-fields.tsx'
import { readSessionToken, requireRole, requireUser } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { changePassword } from '#app/models/account/index.server.ts'
import { ChangePasswordSchema } from '#app/schemas/auth.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.changePasswordTitle')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Any signed-in role may change their own password, and only their own.
  const me = await requireRole(request, context, 'viewer')
  const sessionToken = await readSessionToken(request, context)
  const parsed = await parseForm(request, ChangePasswordSchema)
  if (!parsed.ok) return badRequest(parsed)
  try {
    await changePassword(
      context.db,
      { id: me.id, ip: context.clientIp },
      { currentPassword: parsed.data.currentPassword, password: parsed.data.password, sessionToken: sessionToken ?? '' },
    )
    return json({ ok: true as const })
  } catch (error) {
    return refusalResponse(error)
  }
}

export default function ChangePasswordPage() {
  const { t } = useI18n()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  return (
    <section className="narrow card">
      <h1>{t('auth.changePasswordTitle')}</h1>
      <p className="muted">{t('auth.changePasswordIntro')}</p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('auth.passwordChanged')}
        </p>
      ) : null}
      <FormError error={errors.form} />
      {/* A new key after a success empties the fields: passwords are never echoed back. */}
      <Form method="post" className="stack" key={result?.ok ? 'done' : 'form'}>
        <Field
          label={t('auth.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.changePasswordSubmit')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
