import type { DB } from '#app/models/db.server.ts'

import { recordSignInAttempt, releaseSignInAttempt, reserveSignInAttempt, type ThrottleScope } from './sign-in-throttle.server.ts'
import { verifyLogin } from './user.server.ts'

export type SignInOutcome =
  | { status: 'ok'; user: NonNullable<Awaited<ReturnType<typeof verifyLogin>>> }
  | { status: 'invalid' }
  | { status: 'throttled'; scope: ThrottleScope; retryAfterSeconds: number }

/**
 * One sign-in: a place is reserved in the throttle before the password is checked (so
 * parallel guesses cannot exceed the limits), the check is logged, and a success gives the
 * place back. Unknown emails, wrong passwords and disabled accounts all come back 'invalid'.
 */
export async function checkSignIn(db: DB, input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const attempt = await reserveSignInAttempt(db, input.email, input.ip)
  if (!attempt.ok) return { status: 'throttled', scope: attempt.scope, retryAfterSeconds: attempt.retryAfterSeconds }
  const user = await verifyLogin(db, input.email, input.password)
  await recordSignInAttempt(db, input.email, input.ip, Boolean(user))
  if (!user) return { status: 'invalid' }
  await releaseSignInAttempt(db, attempt.reservation)
  return { status: 'ok', user }
}
