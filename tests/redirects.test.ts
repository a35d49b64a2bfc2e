import { validateHeaderValue } from 'node:http'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { safeRedirectPath } from '#app/http/auth.server.ts'
import { action as colorSchemeAction } from '#app/routes/color-scheme.tsx'
import { action as languageAction } from '#app/routes/language.tsx'
import { action as loginAction, loader as loginLoader } from '#app/routes/login.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond, TEST_PASSWORD } from './factories.ts'

// Redirect targets taken from a request (?redirectTo=, a hidden field) stay on this site:
// resolved the way a browser resolves them, kept only when they land on our origin, and
// always a valid Location header (never a 500).

const APP = 'https://themeradar.example.com'

/** Where a browser on APP goes when it follows this Location. */
const followed = (location: string) => new URL(location, `${APP}/somewhere/page`)

function expectOnSite(location: string) {
  expect(() => validateHeaderValue('Location', location)).not.toThrow()
  expect(followed(location).origin).toBe(APP)
  expect(location.startsWith('/')).toBe(true)
}

// From issue 11 (the first three followed off-site by chromium), then the usual suspects.
const HOSTILE = [
  '/./\\evil.example',
  '/\t/evil.example',
  '/\\evil.example',
  '//evil.example',
  '///evil.example',
  '/.//evil.example',
  '/\\/evil.example',
  '/\t\\evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/ /evil.example',
  'https://evil.example/',
  'http:/evil.example',
  'javascript:alert(1)',
  '\\\\evil.example',
  ' /evil.example',
  '\t//evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/../../evil.example',
  '/x/../..//evil.example',
  '/\u3000/evil.example',
  '/\uff0f\uff0fevil.example',
]

describe('safeRedirectPath', () => {
  it.each(HOSTILE)('keeps %j on the site', (to) => {
    const location = safeRedirectPath(to)
    expectOnSite(location)
    expect(followed(location).hostname).not.toContain('evil')
  })

  it('keeps ordinary paths as they are, with their query and fragment', () => {
    expect(safeRedirectPath('/themes/multimodal-ai/scores?week=2026-W48#modality-3')).toBe(
      '/themes/multimodal-ai/scores?week=2026-W48#modality-3',
    )
    expect(safeRedirectPath('/')).toBe('/')
    expect(safeRedirectPath('/meetings/2026-W48?present=1')).toBe('/meetings/2026-W48?present=1')
  })

  it('answers the fallback for nothing usable', () => {
    for (const to of [null, undefined, '', 'themes', '//evil.example', 'https://evil.example', '/\\evil.example'])
      expect(safeRedirectPath(to, '/home')).toBe('/home')
    expect(safeRedirectPath(new File(['x'], '/themes'))).toBe('/')
  })

  it('percent-encodes non-Latin-1 text and drops CR/LF, so the header is always valid', () => {
    expect(safeRedirectPath('/search?q=多模态')).toBe('/search?q=%E5%A4%9A%E6%A8%A1%E6%80%81')
    expect(safeRedirectPath('/主题')).toBe('/%E4%B8%BB%E9%A2%98')
    const split = safeRedirectPath('/x\r\nSet-Cookie: a=b')
    expectOnSite(split)
    expect(split).not.toMatch(/[\r\n]/)
  })

  it('never leaves the site and never makes an invalid header, whatever the input', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      '.',
      '..',
      '\t',
      '\n',
      '\r',
      ' ',
      '%',
      '%2F',
      '%5C',
      ':',
      '@',
      '?',
      '#',
      'evil.example',
      'é',
      '多',
      '\u0000',
      '\u2028',
    )
    const crafted = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(crafted, fc.string({ unit: 'binary', maxLength: 40 })), (to) => {
        const location = safeRedirectPath(to)
        expectOnSite(location)
      }),
      { numRuns: 3_000 },
    )
  })
})

describe('routes that redirect to a target from the request', () => {
  let conn: Connection
  let cookie: string
  let email: string
  beforeAll(async () => {
    conn = await createTestDatabase()
    const user = await createUser(conn.db, { role: 'viewer' })
    email = user.email
    cookie = await cookieFor(conn.db, user.id)
  })
  afterAll(async () => {
    await conn.close()
  })

  const targets = [...HOSTILE, '/x\r\ny', '/多模态', '/\u00ff\u0100']

  it.each(targets)('/login?redirectTo=%j (signed in) answers a redirect that stays on the site', async (to) => {
    const res = await respond(() =>
      loginLoader({ request: getRequest(`/login?redirectTo=${encodeURIComponent(to)}`, cookie), params: {}, context: contextFor(conn) }),
    )
    expect(res.status).toBe(302)
    expectOnSite(res.headers.get('Location') ?? '')
  })

  it('a sign-in with a hostile redirectTo lands on the site', async () => {
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email, password: TEST_PASSWORD, redirectTo: '/\t/evil.example' }),
        params: {},
        context: contextFor(conn, '10.0.0.7'),
      }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/')
  })

  it('a sign-in keeps an ordinary redirectTo', async () => {
    const res = await respond(() =>
      loginAction({
        request: postForm('/login', { email, password: TEST_PASSWORD, redirectTo: '/watchlists?tab=mine' }),
        params: {},
        context: contextFor(conn, '10.0.0.8'),
      }),
    )
    expect(res.headers.get('Location')).toBe('/watchlists?tab=mine')
  })

  it.each(targets)('/language and /color-scheme with redirectTo=%j stay on the site', async (to) => {
    const language = await respond(() =>
      languageAction({ request: postForm('/language', { locale: 'en', redirectTo: to }), params: {}, context: contextFor(conn) }),
    )
    expect(language.status).toBe(302)
    expectOnSite(language.headers.get('Location') ?? '')
    const scheme = await respond(() =>
      colorSchemeAction({ request: postForm('/color-scheme', { scheme: 'dark', redirectTo: to }), params: {}, context: contextFor(conn) }),
    )
    expect(scheme.status).toBe(302)
    expectOnSite(scheme.headers.get('Location') ?? '')
  })
})
