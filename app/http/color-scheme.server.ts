import { createCookie } from '@remix-run/node'

import { type ColorScheme, isColorScheme } from '#app/utils/color-scheme.ts'

const colorSchemeCookie = createCookie('tr_scheme', {
  sameSite: 'lax',
  path: '/',
  maxAge: 365 * 86_400,
})

export async function readColorScheme(request: Request): Promise<ColorScheme> {
  const value = await colorSchemeCookie.parse(request.headers.get('Cookie'))
  return isColorScheme(value) ? value : 'system'
}

export function colorSchemeCookieHeader(scheme: ColorScheme): Promise<string> {
  return colorSchemeCookie.serialize(scheme)
}
