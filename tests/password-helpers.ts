import { sessionCookie } from '#app/http/auth.server.ts'
import { action as changePasswordAction } from '#app/routes/account.password.tsx'
import { action as adminUsersAction } from '#app/routes/admin.users.tsx'
import type { Connection } from '#db/connection.ts'

import { contextFor, postForm, respond, TEST_SECRET } from './factories.ts'

// Calls shared by the password tests (passwords.test.ts, password-reset.test.ts).

export function changePasswordAs(conn: Connection, cookie: string, fields: Record<string, string>, ip = '127.0.0.1') {
  return respond(() =>
    changePasswordAction({
      request: postForm('/account/password', fields, cookie || undefined),
      params: {},
      context: contextFor(conn, ip),
    }),
  )
}

/** The raw session token inside a Cookie header made by cookieFor(). */
export async function sessionTokenOf(cookie: string): Promise<string> {
  return (await sessionCookie(new Request('http://localhost/'), TEST_SECRET).parse(cookie)) as string
}

/** An administrator's reset link for a user, through the people page; returns the response and the token. */
export async function createResetLink(conn: Connection, adminCookie: string, userId: number, context = contextFor(conn)) {
  const res = await respond(() =>
    adminUsersAction({
      request: postForm('/admin/users', { intent: 'resetLink', userId: String(userId) }, adminCookie),
      params: {},
      context,
    }),
  )
  const body = res.status === 200 ? await res.clone().json() : null
  const link: string | undefined = body?.reset?.link
  return { res, link, token: link?.split('/reset/')[1] ?? '' }
}
