import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { getOptionalUser, readSessionToken, safeRedirectPath, setSessionCookieHeader } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { checkSignIn, countUsers, createSession, deleteSession, throttleMessageKey } from '#app/models/account/index.server.ts'
import { SignInSchema } from '#app/schemas/auth.ts'

export const meta: MetaFunction = () => [{ title: 'ThemeRadar' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  if ((await countUsers(context.db)) === 0) throw redirect('/setup')
  const user = await getOptionalUser(request, context)
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
  return json({ signedOut: new URL(request.url).searchParams.has('signedOut') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, SignInSchema)
  if (!parsed.ok) return badRequest(parsed)
  const { email, password, redirectTo } = parsed.data
  const outcome = await checkSignIn(context.db, { email, password, ip: context.clientIp })
  if (outcome.status === 'throttled') {
    return json(
      { ok: false as const, errors: { form: throttleMessageKey(outcome) }, values: { email } },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  // A wrong password, an unknown email and a disabled account get the same answer.
  if (outcome.status === 'invalid')
    return json({ ok: false as const, errors: { form: 'auth.invalid' }, values: { email } }, { status: 401 })
  const { user } = outcome
  // Rotate: whatever session the browser had is dropped and a new one issued.
  const previous = await readSessionToken(request, context)
  if (previous) await deleteSession(context.db, previous)
  const token = await createSession(context.db, user.id, { ip: context.clientIp, userAgent: request.headers.get('User-Agent') })
  return redirect(safeRedirectPath(redirectTo), { headers: { 'Set-Cookie': await setSessionCookieHeader(request, context, token) } })
}

export default function LoginPage() {
  const { t } = useI18n()
  const { signedOut } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> | undefined = result && !result.ok ? (result.errors as Record<string, string>) : undefined
  return (
    <section className="narrow card">
      <h1>{t('auth.signInTitle')}</h1>
      {signedOut ? <p className="notice">{t('auth.signedOut')}</p> : null}
      <FormError error={errors?.form} />
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={result && !result.ok ? result.values.email : ''}
          error={errors?.email}
          autoFocus
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.password}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.submit')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
