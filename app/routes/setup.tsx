import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'

import { Field, FormError } from '#app/components/form.tsx'
import { NewAccountFields } from '#app/components/new-password-fields.tsx'
import { getOptionalUser, setSessionCookieHeader } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { echoValues, refusalResponse } from '#app/http/refusal.server.ts'
import { useI18n } from '#app/i18n/index.ts'
import { countUsers, createFirstAdmin, createSession } from '#app/models/account/index.server.ts'
import { SetupSchema } from '#app/schemas/auth.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const alreadySetUp = (await countUsers(context.db)) > 0
  // Someone signed in has nothing to set up or sign in to: the app is where they were going.
  if (alreadySetUp && (await getOptionalUser(request, context))) throw redirect('/')
  return json({ alreadySetUp })
}

export async function action({ request, context }: ActionFunctionArgs) {
  if ((await countUsers(context.db)) > 0) return json({ ok: false as const, errors: { form: 'setup.done' }, values: {} }, { status: 409 })
  const parsed = await parseForm(request, SetupSchema)
  if (!parsed.ok) return badRequest(parsed)
  let user
  try {
    user = await createFirstAdmin(context.db, parsed.data, context.clientIp)
  } catch (error) {
    // A password the rules refuse (common, a pattern, the person's own name): shown next to the field.
    return refusalResponse(error, echoValues(parsed.form))
  }
  if (!user) return json({ ok: false as const, errors: { form: 'setup.done' }, values: {} }, { status: 409 })
  const token = await createSession(context.db, user.id, { ip: context.clientIp, userAgent: request.headers.get('User-Agent') })
  return redirect('/', { headers: { 'Set-Cookie': await setSessionCookieHeader(request, context, token) } })
}

export default function SetupPage() {
  const { t } = useI18n()
  const { alreadySetUp } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && !result.ok ? (result.errors as Record<string, string>) : {}
  const values = result && !result.ok ? (result.values as Record<string, string>) : {}
  if (alreadySetUp) {
    return (
      <section className="narrow card">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.done')}</p>
        <Link to="/login">{t('nav.signIn')}</Link>
      </section>
    )
  }
  return (
    <section className="narrow card">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <FormError error={errors.form} />
      <Form method="post" className="stack">
        <NewAccountFields values={values} errors={errors}>
          <Field
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={values.email}
            error={errors.email}
          />
        </NewAccountFields>
        <button type="submit" className="primary">
          {t('setup.submit')}
        </button>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '#app/http/route-error-boundary.tsx'
