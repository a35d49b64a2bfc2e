import { type ActionFunctionArgs, redirect } from '@remix-run/node'

import { getOptionalUser, languageCookieHeader, safeRedirectPath } from '#app/http/auth.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { setUserLocale } from '#app/models/account/index.server.ts'
import { LanguageSchema } from '#app/schemas/auth.ts'

export async function loader() {
  return redirect('/')
}

// Signed-in people keep their language on their account (every device); everyone also
// gets a cookie so the sign-in page speaks their language before they sign in.
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, LanguageSchema)
  if (!parsed.ok) return badRequest(parsed)
  const user = await getOptionalUser(request, context)
  if (user) await setUserLocale(context.db, { id: user.id, ip: context.clientIp }, parsed.data.locale)
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { 'Set-Cookie': await languageCookieHeader(parsed.data.locale) } })
}
