import { type AppLoadContext, createCookie, json, redirect } from '@remix-run/node'

import { isLocale, type Locale, localeFromAcceptLanguage } from '#app/i18n/index.ts'
import { getSessionUser } from '#app/models/account/index.server.ts'
import { roleAllows } from '#app/utils/permissions.ts'
import type { Role } from '#db/types.ts'

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:'
}

// httpOnly so scripts cannot read it; SameSite=Lax so cross-site form posts carry no
// session (our CSRF defence); Secure whenever the request came over https.
export function sessionCookie(request: Request, secret: string) {
  return createCookie('tr_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: 30 * 86_400,
    secrets: [secret],
  })
}

const languageCookie = createCookie('tr_lang', { sameSite: 'lax', path: '/', maxAge: 365 * 86_400 })

export async function readSessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await sessionCookie(request, context.sessionSecret).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 20 ? value : null
}

export async function getOptionalUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const token = await readSessionToken(request, context)
  if (!token) return null
  return (await getSessionUser(context.db, token)) ?? null
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getOptionalUser(request, context)
  if (user) return user
  const url = new URL(request.url)
  const back = `${url.pathname}${url.search}`
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

/**
 * The signed-in user if their role allows `needed`; otherwise a 403 response that the
 * route's error boundary explains. Every action calls this first: the server, not the
 * hidden buttons, decides.
 */
export async function requireRole(request: Request, context: AppLoadContext, needed: Role): Promise<SessionUser> {
  const user = await requireUser(request, context)
  if (!roleAllows(user.role, needed)) {
    throw json({ error: 'forbidden', role: user.role, needed }, { status: 403 })
  }
  return user
}

export async function setSessionCookieHeader(request: Request, context: AppLoadContext, token: string): Promise<string> {
  return sessionCookie(request, context.sessionSecret).serialize(token)
}

export async function clearSessionCookieHeader(request: Request, context: AppLoadContext): Promise<string> {
  return sessionCookie(request, context.sessionSecret).serialize('', { maxAge: 0 })
}

/** The reader's language: their saved choice, else the language cookie, else Accept-Language. */
export async function resolveLocale(request: Request, user: SessionUser | null): Promise<Locale> {
  if (user?.locale && isLocale(user.locale)) return user.locale
  const fromCookie = await languageCookie.parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'))
}

export function languageCookieHeader(locale: Locale): Promise<string> {
  return languageCookie.serialize(locale)
}

// Any host works as the base: only a path on it is kept, and the result is relative.
const REDIRECT_BASE = 'http://themeradar.invalid'

/**
 * A redirect target that stays on this site, else `fallback`. The target is resolved the
 * way a browser would (WHATWG URL: backslashes count as slashes, tabs and newlines are
 * dropped) and kept only when it lands on our own origin; what comes back is the
 * normalised path, percent-encoded, so it is safe in a Location header (no CR/LF, no
 * non-Latin-1) and cannot start with "//". An open redirect through ?redirectTo= would
 * help phishing.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000) return fallback
  let resolved: URL
  try {
    resolved = new URL(to, REDIRECT_BASE)
  } catch {
    return fallback
  }
  if (resolved.origin !== REDIRECT_BASE) return fallback
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//') || !/^[\x21-\x7e]+$/.test(path)) return fallback
  if (new URL(path, REDIRECT_BASE).origin !== REDIRECT_BASE) return fallback
  return path
}
