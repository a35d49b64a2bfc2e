import { isIPv4, isIPv6 } from 'node:net'

import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// Sign-in throttling, kept in the database so every app instance sees the same counts.
//
// Each password check first reserves a place in three buckets with one atomic
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING: the row lock makes parallel guesses take
// numbers one after another, so at most `limit` of them see a count within the limit and
// go on to check a password. Only then is the password checked; a success gives its place
// back. A refused guess does not reach the buckets after the one that refused it, so an
// address that is throttled for an account adds nothing to that account's own count.
//
// - account from an address: few, in a short window. Throttles one guesser without
//   touching the owner, who signs in from another address.
// - address: across accounts, against one address spraying many accounts.
// - account: more, in a longer window, against guessing spread over many addresses. It is
//   the one an attacker with many addresses could use to keep the owner out, so it does not
//   apply from an address this account has signed in from successfully lately.

export interface ThrottleRule {
  limit: number
  windowMinutes: number
}

export const SIGN_IN_LIMITS = {
  accountAddress: { limit: 5, windowMinutes: 15 },
  address: { limit: 20, windowMinutes: 15 },
  account: { limit: 50, windowMinutes: 60 },
} as const satisfies Record<string, ThrottleRule>

export type ThrottleScope = keyof typeof SIGN_IN_LIMITS

/** How long a successful sign-in from an address exempts it from the account-wide limit. */
export const KNOWN_ADDRESS_DAYS = 30

export interface SignInReservation {
  account: string
  address: string
  /** The buckets this attempt holds a place in, given back if the password is right. */
  held: ThrottleScope[]
}

export type ReserveResult = { ok: true; reservation: SignInReservation } | { ok: false; scope: ThrottleScope; retryAfterSeconds: number }

/**
 * What an address is counted as: IPv4 as it is (also when written as IPv4-mapped IPv6);
 * IPv6 by its /64, since one host or household usually holds a whole /64 and could
 * otherwise take a fresh address for every guess.
 */
export function addressKey(ip: string): string {
  const bare = ip.split('%')[0].toLowerCase()
  if (isIPv4(bare) || !isIPv6(bare)) return bare
  const hextets = expandIPv6(bare)
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d, RFC 6145) are IPv4 hosts.
  const zeros = (from: number, to: number) => hextets.slice(from, to).every((h) => h === 0)
  const mapped = (zeros(0, 5) && hextets[5] === 0xffff) || (zeros(0, 4) && hextets[4] === 0xffff && hextets[5] === 0)
  if (mapped) return [hextets[6] >> 8, hextets[6] & 255, hextets[7] >> 8, hextets[7] & 255].join('.')
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`
}

function expandIPv6(ip: string): number[] {
  let text = ip
  const lastColon = text.lastIndexOf(':')
  const tail = text.slice(lastColon + 1)
  if (isIPv4(tail)) {
    const [a, b, c, d] = tail.split('.').map(Number)
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined]
  const left = head ? head.split(':') : []
  const right = rest ? rest.split(':') : []
  const middle = rest === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0')
  return [...left, ...middle, ...right].map((h) => parseInt(h, 16))
}

function bucketName(scope: ThrottleScope, account: string, address: string): string {
  if (scope === 'address') return `address:${address}`
  if (scope === 'account') return `account:${account}`
  return `account-address:${account}|${address}`
}

/**
 * Takes the next number in a bucket, starting a new window when the last one has passed.
 * now() is when this transaction began: a parallel one that began later may have opened
 * the window, so the wait is capped at the window (else "16 minutes" for a 15-minute one).
 */
async function takeNumber(db: DB, bucket: string, rule: ThrottleRule) {
  const window = rule.windowMinutes * 60
  const result = await sql<{ failures: number; retryAfterSeconds: number }>`
    insert into sign_in_throttle as t (bucket, window_start, failures) values (${bucket}, now(), 1)
    on conflict (bucket) do update set
      window_start = case when t.window_start <= now() - ${window}::integer * interval '1 second' then now() else t.window_start end,
      failures = case when t.window_start <= now() - ${window}::integer * interval '1 second' then 1 else t.failures + 1 end
    returning failures,
      least(${window}::integer, greatest(1, ceil(extract(epoch from (window_start + ${window}::integer * interval '1 second' - now())))))::integer as "retryAfterSeconds"`.execute(
    db,
  )
  return result.rows[0]
}

/** Whether this account signed in successfully from this address lately. */
async function isKnownAddress(db: DB, account: string, ip: string): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_attempt')
    .select('id')
    .where('account', '=', account)
    .where('at', '>', new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000))
    .where('ip', '=', ip)
    .where('succeeded', '=', true)
    .limit(1)
    .executeTakeFirst()
  return Boolean(row)
}

/** Reserves one password check for `account` from `ip`, or says which limit refuses it and for how long. */
export async function reserveSignInAttempt(db: DB, account: string, ip: string): Promise<ReserveResult> {
  const normalised = normaliseAccount(account)
  const address = addressKey(ip)
  const scopes: ThrottleScope[] = ['accountAddress', 'address']
  if (!(await isKnownAddress(db, normalised, ip))) scopes.push('account')
  const held: ThrottleScope[] = []
  for (const scope of scopes) {
    const rule = SIGN_IN_LIMITS[scope]
    const taken = await takeNumber(db, bucketName(scope, normalised, address), rule)
    held.push(scope)
    if (taken.failures > rule.limit) return { ok: false, scope, retryAfterSeconds: taken.retryAfterSeconds }
  }
  return { ok: true, reservation: { account: normalised, address, held } }
}

/**
 * The password was right: the account's failures from this address are forgotten, and the
 * place this attempt took in the other buckets is given back.
 */
export async function releaseSignInAttempt(db: DB, reservation: SignInReservation): Promise<void> {
  for (const scope of reservation.held) {
    const bucket = bucketName(scope, reservation.account, reservation.address)
    if (scope === 'accountAddress') await db.deleteFrom('sign_in_throttle').where('bucket', '=', bucket).execute()
    else
      await db
        .updateTable('sign_in_throttle')
        .set((eb) => ({ failures: sql`greatest(${eb.ref('failures')} - 1, 0)` }))
        .where('bucket', '=', bucket)
        .execute()
  }
  // Counters whose window ended a day ago say nothing any more.
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_start', '<', new Date(Date.now() - 86_400_000))
    .execute()
}

const THROTTLE_MESSAGES: Record<ThrottleScope, string> = {
  accountAddress: 'auth.rateLimitedAccountAddress',
  address: 'auth.rateLimitedIp',
  account: 'auth.rateLimitedAccount',
}

/** The message for a refused attempt, with the minutes to wait ('auth.rateLimitedIp?minutes=12'). */
export function throttleMessageKey(refused: { scope: ThrottleScope; retryAfterSeconds: number }): string {
  return `${THROTTLE_MESSAGES[refused.scope]}?minutes=${Math.max(1, Math.ceil(refused.retryAfterSeconds / 60))}`
}

export function normaliseAccount(account: string): string {
  return account.trim().toLowerCase().slice(0, 254)
}

export async function recordSignInAttempt(db: DB, account: string, ip: string, succeeded: boolean): Promise<void> {
  await db
    .insertInto('sign_in_attempt')
    .values({ account: normaliseAccount(account), ip, succeeded })
    .execute()
}
