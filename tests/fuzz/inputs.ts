import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import fc from 'fast-check'

// Bad input for any form: the field names and intents the app's own forms use (read from
// the source, so a new form is covered without a list to keep), with hostile values.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(f) && !f.includes('.test.') ? [full] : []
  })
}

const WORDS = /(?:\bvalue="|=== '|case '|literal\(')([\w-]{1,40})["']/g
const NAMES = [/\bname="([\w.[\]-]{1,40})"/g, /get(?:All)?\('([\w.[\]-]{1,40})'\)/g]

function collect(files: string[]): { names: string[]; words: string[] } {
  const names = new Set<string>(['intent', 'id', 'redirectTo'])
  const words = new Set<string>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of NAMES) for (const m of text.matchAll(pattern)) names.add(m[1])
    for (const m of text.matchAll(WORDS)) words.add(m[1])
  }
  return { names: [...names].sort(), words: [...words].sort() }
}

/** Names and values that appear in forms: name="x", value="x", intent === 'x', case 'x', z.literal('x'). */
export function formVocabulary(): { names: string[]; words: string[] } {
  return collect(['app/routes', 'app/components', 'app/schemas'].flatMap((d) => sourceFiles(path.resolve(d))))
}

/** The same for one route: its module and the components and schemas it imports directly. */
export function routeVocabulary(routeId: string): { names: string[]; words: string[] } {
  const file = ['.tsx', '.ts'].map((ext) => path.resolve('app', `${routeId}${ext}`)).find((f) => existsSync(f)) as string
  const imported = [...readFileSync(file, 'utf8').matchAll(/from '#app\/((?:components|schemas)\/[^']+)'/g)]
    .map((m) => path.resolve('app', m[1]))
    .filter((f) => existsSync(f))
  return collect([file, ...imported])
}

const control = fc.constantFrom('\0', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\r\n', '\ufeff', '\ud800', '\u202e')

/** Text with control characters, NUL bytes and lone surrogates mixed in. */
const hostileText = fc.tuple(fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`)

const numbers = fc.constantFrom(
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '-2147483649',
  '0',
  'NaN',
  'Infinity',
  '1e308',
  '1.5',
  '0x10',
  ' 1',
  '1 ',
  '٣',
  '',
)

const dates = fc.constantFrom(
  '2026-02-30',
  '0000-00-00',
  '2026-13-01',
  '2025-02-29',
  '9999-12-31',
  '2026-04-31',
  '1-1-1',
  '2026-W54',
  '2026-W00',
)

export const hostileValue = (words: string[]) =>
  fc.oneof(
    hostileText,
    numbers,
    dates,
    fc.constantFrom(...words),
    fc.string({ maxLength: 50 }),
    fc.constant('x'.repeat(100_000)),
    fc.constant('あ'.repeat(15_000)),
    fc.webUrl(),
    fc.constantFrom('/\\evil.example', '/\t/evil.example', '/ü', '/a\r\nSet-Cookie: x=1', '//evil.example'),
  )

/** A urlencoded body: known and random field names, repeated names (arrays), hostile values. */
export const formBody = (vocabulary: { names: string[]; words: string[] }) =>
  fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...vocabulary.names) }, fc.string({ maxLength: 12 }), fc.constant('intent')),
        hostileValue(vocabulary.words),
        fc.integer({ min: 1, max: 3 }),
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((fields) => {
      const body = new URLSearchParams()
      for (const [name, value, times] of fields) for (let i = 0; i < times; i += 1) body.append(name, value)
      return body.toString()
    })

/** Multipart bodies whose Content-Type and body do not agree. */
export const brokenMultipart = fc.constantFrom(
  { type: 'multipart/form-data', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n' },
  { type: 'multipart/form-data; boundary=', body: '--\r\n\r\n' },
  { type: 'multipart/form-data; boundary=abc', body: 'not multipart at all' },
  { type: 'multipart/form-data; boundary=abc', body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated' },
  { type: 'multipart/form-data; boundary="unclosed', body: '--unclosed\r\n' },
  { type: 'multipart/form-data; boundary=abc', body: '--abc\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--abc--\r\n' },
  {
    type: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\n\r\n%PDF\r\n--abc--\r\n',
  },
  {
    type: 'multipart/form-data; boundary=abc',
    body: '--abc\r\nContent-Disposition: form-data; name="intent"\r\n\r\n\u0000\r\n--abc--\r\n',
  },
  { type: 'application/x-www-form-urlencoded', body: '%zz=%E0%A4%A&a=%' },
  { type: 'application/json', body: '{"intent":' },
)

const HEADERS = new Set(['Content-Length', 'Content-Type', 'User-Agent'])

/** A value each field name would plausibly hold, so the form gets past its other fields. */
function plausible(name: string): string {
  if (/password/i.test(name)) return 'a long enough pass phrase 42'
  if (/(^id|Id|Ids)$|^(position|version|level|threshold|intervalMinutes|yearFrom|yearTo|slide|cell)$/.test(name)) return '1'
  if (/On$|^(asOf|from|to)$/.test(name)) return '2026-03-02'
  if (/email/i.test(name)) return 'someone@example.com'
  if (/^(url|website)$/.test(name)) return 'https://example.com/a'
  if (name === 'week') return '2026-W10'
  if (/^(language|locale)$/.test(name)) return 'en'
  if (name === 'redirectTo') return '/themes'
  return 'text'
}

/**
 * A form that is right but for a few fields: one intent, every known field with a plausible
 * value, and one to three of them hostile (so validation reaches the field under attack).
 */
export const nearlyValidBody = (vocabulary: { names: string[]; words: string[] }) => {
  const names = vocabulary.names.filter((n) => !HEADERS.has(n) && n !== 'intent')
  const words = vocabulary.words.length ? vocabulary.words : ['x']
  // Each field: the value its name suggests, or one of the route's own words (enum choices).
  const value = (name: string) => fc.oneof({ weight: 2, arbitrary: fc.constant(plausible(name)) }, fc.constantFrom(...words))
  return fc
    .tuple(
      fc.constantFrom(...words),
      fc.tuple(...names.map(value)),
      fc.array(fc.tuple(fc.constantFrom(...names), hostileValue(words)), { minLength: 1, maxLength: 3 }),
    )
    .map(([intent, values, bad]) => {
      const replaced = new Map(bad)
      const body = new URLSearchParams({ intent })
      names.forEach((name, i) => body.append(name, replaced.get(name) ?? values[i]))
      return body.toString()
    })
}
