import type { Exchange } from '#db/types.ts'

// Tickers arrive in every house style a research team meets: Wind (600519.SH, BIDU.O),
// Yahoo (600519.SS, 0700.HK), Bloomberg (700 HK, BIDU US), TradingView (SSE:600519,
// NASDAQ:MSFT) and broker shorthand (sh600519). They are stored in one normal form so
// that 600519.SS and 600519.SH, or 700.HK and 0700.HK, are the same row (company_ticker
// has a unique (exchange, code) and a check constraint matching the shapes below).

export interface Ticker {
  exchange: Exchange
  code: string
}

// Suffixes after a dot or space. O and N are Wind's NASDAQ and NYSE suffixes; XSHG and
// XSHE are the ISO MIC-style suffixes some quant tools use.
const SUFFIXES: Record<string, Exchange> = {
  SH: 'SH',
  SS: 'SH',
  XSHG: 'SH',
  SZ: 'SZ',
  XSHE: 'SZ',
  BJ: 'BJ',
  HK: 'HK',
  US: 'US',
  O: 'US',
  N: 'US',
}

// Prefixes before a colon or space (or glued to the digits for sh600519-style input).
const PREFIXES: Record<string, Exchange> = {
  SH: 'SH',
  SS: 'SH',
  SSE: 'SH',
  SZ: 'SZ',
  SZSE: 'SZ',
  BJ: 'BJ',
  BSE: 'BJ',
  HK: 'HK',
  HKEX: 'HK',
  SEHK: 'HK',
  US: 'US',
  NASDAQ: 'US',
  NYSE: 'US',
  AMEX: 'US',
}

// Stricter than the database check on purpose: real US symbols are 1-5 letters with an
// optional share-class suffix (BRK.B), so a typo like "GOOGLE" is refused, not stored.
const US_CODE = /^[A-Z]{1,5}(\.[A-Z]{1,3})?$/
/** Typed input longer than this is no ticker, whatever spaces or full-width forms it has. */
const MAX_TICKER_INPUT = 128

/** The normal form of a ticker typed by a person, or null when it is not one. */
export function parseTicker(input: string): Ticker | null {
  // Refused before any other work; the normal form below may be at most 32 characters.
  if (input.length > MAX_TICKER_INPUT) return null
  const text = input
    .normalize('NFKC') // full-width digits, letters, colons and spaces
    .replace(/\u3002/gu, '.') // the ideographic full stop a Chinese IME types for "."
    .trim()
    .replace(/\s+/gu, ' ')
    .toUpperCase()
  if (text === '' || text.length > 32) return null

  const colon = /^([A-Z]+) ?: ?(\S+)$/u.exec(text)
  if (colon) {
    const exchange = PREFIXES[colon[1]]
    return exchange ? withExchange(exchange, colon[2]) : null
  }

  const glued = /^(SH|SS|SZ|BJ|HK)(\d+)$/u.exec(text)
  if (glued) return withExchange(PREFIXES[glued[1]], glued[2])

  const spaced = /^(\S+) (\S+)$/u.exec(text)
  if (spaced) {
    const [, first, second] = spaced
    if (SUFFIXES[second]) return withExchange(SUFFIXES[second], first)
    if (PREFIXES[first]) return withExchange(PREFIXES[first], second)
    return null
  }
  if (text.includes(' ')) return null

  // Only a known suffix splits on the last dot: in BRK.B the ".B" is a share class.
  const dotted = /^(.+)\.([A-Z]+)$/u.exec(text)
  if (dotted && SUFFIXES[dotted[2]]) return withExchange(SUFFIXES[dotted[2]], dotted[1])

  return inferExchange(text)
}

/** How the app displays a ticker: 600519.SH, 0700.HK, and US symbols bare (BIDU). */
export function formatTicker(ticker: Ticker): string {
  return ticker.exchange === 'US' ? ticker.code : `${ticker.code}.${ticker.exchange}`
}

/** A key that is equal for equal tickers, for maps and sets ("HK:0700"). */
export function tickerKey(ticker: Ticker): string {
  return `${ticker.exchange}:${ticker.code}`
}

function withExchange(exchange: Exchange, rawCode: string): Ticker | null {
  switch (exchange) {
    case 'SH':
    case 'SZ':
    case 'BJ':
      return /^\d{6}$/u.test(rawCode) ? { exchange, code: rawCode } : null
    case 'HK': {
      if (!/^\d{1,5}$/u.test(rawCode)) return null
      // 700, 0700 and 00700 are one stock; HKEX codes are shown with at least 4 digits.
      const significant = rawCode.replace(/^0+/u, '')
      return significant === '' ? null : { exchange, code: significant.padStart(4, '0') }
    }
    case 'US': {
      const code = rawCode.replace(/^([A-Z]+)[-/]([A-Z])$/u, '$1.$2') // BRK-B, BRK/B -> BRK.B
      return US_CODE.test(code) ? { exchange, code } : null
    }
  }
}

// A bare code: six digits are an A-share whose board the first digits tell; up to five
// digits are Hong Kong; letters are a US symbol.
function inferExchange(code: string): Ticker | null {
  if (/^\d{6}$/u.test(code)) {
    if (code.startsWith('92')) return { exchange: 'BJ', code } // Beijing's 920xxx series
    switch (code[0]) {
      case '5': // Shanghai funds and ETFs
      case '6':
      case '9': // Shanghai B shares (900xxx)
        return { exchange: 'SH', code }
      case '0':
      case '2': // Shenzhen B shares (200xxx)
      case '3':
        return { exchange: 'SZ', code }
      case '4':
      case '8':
        return { exchange: 'BJ', code }
      default: // 1xxxxx is used by both Shanghai and Shenzhen funds and bonds
        return null
    }
  }
  if (/^\d{1,5}$/u.test(code)) return withExchange('HK', code)
  return withExchange('US', code)
}
