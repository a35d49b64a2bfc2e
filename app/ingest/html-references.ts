import { parseHTML } from 'linkedom'

// linkedom makes a text node of every character reference (&nbsp;, &#160;) and of the text
// between two of them, so a page of references (160,000 in a megabyte of &nbsp;) spent
// seconds creating and collecting nodes. decodeReferences turns the references that stand
// for non-ASCII characters into those characters before the page is parsed: the result
// cannot form or break markup (tags, attributes and quotes are ASCII), so the parser reads
// the same document. ASCII ones (&lt;, &amp;, &#32;) and unknown names stay for the parser.

// HTML's legacy names, which are decoded even without the closing ";".
const LEGACY = new Set(
  (
    'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave Iuml LT ' +
    'Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig ' +
    'agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 ' +
    'frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ograve ordf ordm ' +
    'oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml ' +
    'uuml yacute yen yuml'
  ).split(' '),
)

// Numeric references to C1 controls mean Windows-1252 characters (HTML's parsing rules).
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030,
  0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
} // prettier-ignore

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(WINDOWS_1252[code] ?? code)
}

/** Names the parser decodes, learned from the parser itself (once per name; unknown names map to null). */
const named = new Map<string, string | null>()
const MAX_NAMES = 4096

function learnNames(names: Iterable<string>): void {
  const fresh = [...names].filter((name) => !named.has(name)).slice(0, MAX_NAMES - named.size)
  if (fresh.length === 0) return
  const { document } = parseHTML(`<!doctype html><html><body>${fresh.map((name) => `<p>&${name};</p>`).join('')}</body></html>`)
  const texts = [...document.querySelectorAll('p')].map((p) => p.textContent ?? '')
  fresh.forEach((name, i) => named.set(name, texts[i] === `&${name};` ? null : (texts[i] ?? null)))
}

// Numeric references need no ";" either; longer digit runs than these are left to the parser.
const REFERENCE = /&(?:#(\d{1,8})(?!\d);?|#x([\da-f]{1,7})(?![\da-f]);?|([a-z][a-z\d]{0,31})(;?))/gi
const ALNUM_OR_EQUALS = /[\da-z=]/i

/** The decoded text, or the reference itself when any of it is ASCII. */
const nonAscii = (whole: string, char: string | null | undefined) => (char && ![...char].some((c) => c.charCodeAt(0) < 0x80) ? char : whole)

/** The page with its non-ASCII character references decoded (see above); linear in its length. */
export function decodeReferences(html: string): string {
  if (!html.includes('&')) return html
  const names = new Set<string>()
  for (const match of html.matchAll(REFERENCE)) if (match[3] && (match[4] || LEGACY.has(match[3]))) names.add(match[3])
  learnNames(names)
  return html.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string, semicolon?: string, offset = 0) => {
    if (decimal) return nonAscii(whole, fromCodePoint(Number(decimal)))
    if (hex) return nonAscii(whole, fromCodePoint(parseInt(hex, 16)))
    if (!name) return whole
    // Without ";", only where the parser decodes it in text and attributes alike.
    if (!semicolon && (!LEGACY.has(name) || ALNUM_OR_EQUALS.test(html[offset + whole.length] ?? ''))) return whole
    return nonAscii(whole, named.get(name))
  })
}
