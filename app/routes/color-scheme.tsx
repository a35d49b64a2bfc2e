import { type ActionFunctionArgs, redirect } from '@remix-run/node'

import { safeRedirectPath } from '#app/http/auth.server.ts'
import { colorSchemeCookieHeader } from '#app/http/color-scheme.server.ts'
import { badRequest, parseForm } from '#app/http/forms.server.ts'
import { ColorSchemeSchema } from '#app/schemas/preferences.ts'

// The light/dark toggle: a cookie (like the language), so it works before sign-in too.

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, ColorSchemeSchema)
  if (!parsed.ok) return badRequest(parsed)
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: {
      'Set-Cookie': await colorSchemeCookieHeader(parsed.data.scheme),
    },
  })
}
