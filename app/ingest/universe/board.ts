import type { TickerBoardCode } from '#app/schemas/universe.ts'
import type { Ticker } from '#app/utils/ticker.ts'

// The board a security trades on, from what the list says (板块, 上市板块, HKEX's
// sub-category, the SEC's exchange) or else from the code's number range.

const HINTS: [RegExp, (t: Ticker) => TickerBoardCode | null][] = [
  [/科创/u, () => 'star'],
  [/北交所|北证|北京证券/u, () => 'bse'],
  [/gem|创业板|創業板/iu, (t) => (t.exchange === 'HK' ? 'hk_gem' : 'chinext')],
  [/主板|main\s*board/iu, (t) => mainBoard(t)],
  [/nyse\s*(american|mkt)|amex/iu, () => 'nyse_american'],
  [/nasdaq/iu, () => 'nasdaq'],
  [/nyse/iu, () => 'nyse'],
  [/cboe|bats/iu, () => 'cboe'],
  [/otc/iu, () => 'otc'],
]

function mainBoard(ticker: Ticker): TickerBoardCode | null {
  switch (ticker.exchange) {
    case 'SH':
      return 'sh_main'
    case 'SZ':
      return 'sz_main'
    case 'HK':
      return 'hk_main'
    default:
      return null
  }
}

/** The board from the code alone: 688 is 科创板, 300/301 创业板, HK 8xxx GEM; US cannot tell. */
export function boardFromCode(ticker: Ticker): TickerBoardCode | null {
  switch (ticker.exchange) {
    case 'SH':
      return /^68[89]/u.test(ticker.code) ? 'star' : 'sh_main'
    case 'SZ':
      return /^30[01]/u.test(ticker.code) ? 'chinext' : 'sz_main'
    case 'BJ':
      return 'bse'
    case 'HK':
      return /^8\d{3}$/u.test(ticker.code) ? 'hk_gem' : 'hk_main'
    case 'US':
      return null
  }
}

/** The board a list's own words name, else the one the code implies. */
export function boardOf(ticker: Ticker, hint = ''): TickerBoardCode | null {
  const text = hint.normalize('NFKC').trim()
  if (text) {
    for (const [pattern, pick] of HINTS) if (pattern.test(text)) return pick(ticker) ?? boardFromCode(ticker)
  }
  return boardFromCode(ticker)
}
