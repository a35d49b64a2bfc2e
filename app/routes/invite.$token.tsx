import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'

import { FormError } from '#app/components/form.tsx'
import { NewAccountFields } from '#app/components/new-password-fields.tsx'
import { setSessionCookieHeader } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { acceptInvite, createSession, findUsableInvite, PasswordRuleError } from '#app/models/account/index.server.ts'
import { AcceptInviteSchema } from '#app/schemas/auth.ts'

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invite = await findUsableInvite(context.db, params.token ?? '')
  return json({ invite: invite ? { email: invite.email, role: invite.role } : null }, { status: invite ? 200 : 404 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, AcceptInviteSchema)
  if (!parsed.ok) return badRequest(parsed)
  try {
    const user = await acceptInvite(context.db, params.token ?? '', parsed.data, context.clientIp)
    if (!user) return json({ ok: false as const, errors: { form: 'invite.invalid' }, values: {} }, { status: 404 })
    const token = await createSession(context.db, user.id, { ip: context.clientIp, userAgent: request.headers.get('User-Agent') })
    return redirect('/', { headers: { 'Set-Cookie': await setSessionCookieHeader(request, context, token) } })
  } catch (error) {
    // A refused password goes next to its field; anything else (the email got taken) above the form.
    return refusalResponse(error, echoValues(parsed.form), undefined, error instanceof PasswordRuleError ? undefined : 'form')
  }
}

export default function AcceptInvitePage() {
  const { t } = useI18n()
  const { invite } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const values = result && !result.ok ? (result.values as Record<string, string>) : {}
  if (!invite) {
    return (
      <section className="narrow card">
        <h1>{t('invite.acceptTitle')}</h1>
        <p className="form-error">{t('invite.invalid')}</p>
      </section>
    )
  }
  return (
    <section className="narrow card">
      <h1>{t('invite.acceptTitle')}</h1>
      <p>{t('invite.acceptIntro', { role: labelOf(t, 'role', invite.role), email: invite.email })}</p>
      <FormError error={errors.form} />
      <Form method="post" className="stack">
        <NewAccountFields values={values} errors={errors} />
        <button type="submit" className="primary">
          {t('invite.acceptSubmit')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
