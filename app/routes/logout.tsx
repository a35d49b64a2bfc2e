import { type ActionFunctionArgs, redirect } from '@remix-run/node'

import { clearSessionCookieHeader, readSessionToken } from '#app/http/auth.server.ts'
import { deleteSession } from '#app/models/account/index.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request, context)
  if (token) await deleteSession(context.db, token)
  return redirect('/login?signedOut=1', { headers: { 'Set-Cookie': await clearSessionCookieHeader(request, context) } })
}
