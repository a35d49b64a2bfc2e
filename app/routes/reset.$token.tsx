import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { NewPasswordFields } from '#app/components/new-password-fields.tsx'
import { readSessionToken, setSessionCookieHeader } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { refusalResponse } from '#app/http/refusal.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { pageTitle } from '#app/i18n/meta.ts'
import { createSession, deleteSession, findUsablePasswordReset, resetPassword } from '#app/models/account/index.server.ts'
import { ResetPasswordSchema } from '#app/schemas/auth.ts'

// The one-time link an administrator made on the people page. It needs no session: the
// token is the proof. Anyone may post here ('anyone' in app/utils/permissions.ts).

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.resetTitle')

export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findUsablePasswordReset(context.db, params.token ?? '')
  return json({ email: reset?.email ?? null }, { status: reset ? 200 : 404 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, ResetPasswordSchema)
  if (!parsed.ok) return badRequest(parsed)
  try {
    const user = await resetPassword(context.db, params.token ?? '', parsed.data.password, context.clientIp)
    if (!user) return json({ ok: false as const, errors: { form: 'auth.resetInvalid' }, values: {} }, { status: 404 })
    // Whatever session this browser had (perhaps someone else's) is dropped.
    const previous = await readSessionToken(request, context)
    if (previous) await deleteSession(context.db, previous)
    const token = await createSession(context.db, user.id, { ip: context.clientIp, userAgent: request.headers.get('User-Agent') })
    return redirect('/', { headers: { 'Set-Cookie': await setSessionCookieHeader(request, context, token) } })
  } catch (error) {
    return refusalResponse(error)
  }
}

export default function ResetPasswordPage() {
  const { t } = useI18n()
  const { email } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = result && !result.ok ? (result.errors as Record<string, string>) : {}
  if (!email) {
    return (
      <section className="narrow card">
        <h1>{t('auth.resetTitle')}</h1>
        <p className="form-error">{t('auth.resetInvalid')}</p>
      </section>
    )
  }
  return (
    <section className="narrow card">
      <h1>{t('auth.resetTitle')}</h1>
      <p>{t('auth.resetIntro', { email })}</p>
      <FormError error={errors.form} />
      <Form method="post" className="stack">
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.resetSubmit')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
