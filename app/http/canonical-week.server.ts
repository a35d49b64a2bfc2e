import { redirect } from '@remix-run/node'

import { parseIsoWeek } from '#app/utils/iso-week.ts'

// People type weeks into the address by hand (2026-w49). The app writes and compares weeks
// upper-case (string order is week order only then), so a lower-case week in a page's path
// or query goes to its canonical form instead of a 404 or a "not a week".

const LOWER_CASE_WEEK = /^\d{4}-w\d{2}$/

function canonical(value: string): string {
  const upper = value.toUpperCase()
  return LOWER_CASE_WEEK.test(value) && parseIsoWeek(upper) ? upper : value
}

/** Throws a redirect to the same address with every lower-case ISO week upper-cased; a page load only. */
export function redirectToCanonicalWeek(request: Request): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return
  const url = new URL(request.url)
  const path = url.pathname.split('/').map(canonical).join('/')
  const query = new URLSearchParams([...url.searchParams].map(([key, value]) => [key, canonical(value)]))
  if (path === url.pathname && query.toString() === url.searchParams.toString()) return
  const search = query.toString()
  throw redirect(`${path}${search ? `?${search}` : ''}`, 301)
}
