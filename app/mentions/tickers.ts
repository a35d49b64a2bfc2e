/**
 * Every way people write a registry ticker, as keys for the automaton (issue 12, item 1).
 * Research notes write one stock as 0700.HK (Wind, Yahoo), 700 HK (Bloomberg), HK0700 or
 * HK.00700 (brokers' apps), HKEX:700 (TradingView), 00700; an A-share as 600519.SH,
 * 600519.SS, SH600519, sh600519, SSE:600519; a US stock as BIDU US, BIDU.O, NASDAQ:BIDU.
 * These are the forms app/utils/ticker.ts parses, plus the share-class marks -W/-SW/-S.
 *
 * A form with an exchange mark counts on its own. A bare code does not: 300418 or 0700 is
 * as likely a quantity, and ON, AI or SNAP an English word, so a bare code carries a flag
 * and the admission rule (admission.ts) asks for ticker context:
 *   - bare digits: inside brackets （300418）, right after a mention of the same company
 *     (昆仑万维 300418), or after a code label (股票代码：300418);
 *   - bare letters of three or more that are no ordinary word (BIDU, BABA): on their own,
 *     case-sensitive;
 *   - bare letters of one or two, or an ordinary word (ON, AI, U, SNAP, TARGET): only in
 *     brackets right after a mention of the same company (ON Semiconductor (ON)).
 */
import type { MentionTicker } from './types.ts'

export const BareCode = {
  None: 0,
  /** Digits alone: counts in ticker context only. */
  Digits: 1,
  /** Letters alone, three or more and no ordinary word: counts on its own (case-sensitive). */
  Letters: 2,
  /**
   * Short or ordinary-word letters alone: counts only in brackets right after the company
   * (ON Semiconductor (ON)). Not put in the automaton (every "on" and "the" would be a
   * candidate): the matcher looks for it behind each kept mention (bracketedCodeAfter).
   */
  BracketedLetters: 3,
  /** Digits too short to trust even in brackets (700): counts only after a code label (股份代號：700). */
  LabelledDigits: 4,
} as const
export type BareCode = (typeof BareCode)[keyof typeof BareCode]

export interface TickerVariant {
  text: string
  /** US symbols must keep their capitals: "ON US" is a ticker, "on us" is English. */
  caseSensitive: boolean
  bare: BareCode
}

const A_SHARE_MARKS: Record<'SH' | 'SZ' | 'BJ', { suffixes: string[]; prefixes: string[] }> = {
  SH: { suffixes: ['.SH', '.SS', '.XSHG', ' CH'], prefixes: ['SH', 'SH:', 'SH.', 'SSE:', 'SSE: '] },
  SZ: { suffixes: ['.SZ', '.XSHE', ' CH'], prefixes: ['SZ', 'SZ:', 'SZ.', 'SZSE:', 'SZSE: '] },
  BJ: { suffixes: ['.BJ', ' CH'], prefixes: ['BJ', 'BJ:', 'BJ.', 'BSE:', 'BSE: '] },
}
const HK_SUFFIXES = ['.HK', ' HK', '-HK']
const HK_PREFIXES = ['HK', 'HK:', 'HK.', 'HKEX:', 'HKEX: ', 'SEHK:', 'HKG:']
const US_SUFFIXES = [' US', '.US', '.O', '.OQ', '.N', '-W', '-SW', '-S']
const US_PREFIXES = ['NASDAQ:', 'NASDAQ: ', 'Nasdaq:', 'NYSE:', 'NYSE: ', 'AMEX:', 'US:', 'OTC:']
// Capitalised words that are tickers of real companies and also everyday English: a
// heading in capitals must not count them. Extended by MentionMatcherOptions.isOrdinaryWord.
const ORDINARY_TICKER_WORDS = new Set(
  (
    'ALL AND ANY ARE BIG BUT CAN CAR CASH CAT DAY DID DIS EAT FAST FOR FUN GET GOOD HAS HER HIM HIS HOLD HOME HOW ' +
    'ITS KEY LET LIFE LOVE LOW MAIN MAN NEW NICE NOT NOW OLD ONE OPEN OUR OUT PAY PLAY PUT REAL RUN SAVE SAY SEE ' +
    'SHE SNAP SUN TARGET TEAM THE TOO TRUE TWO USA USE WAS WAY WELL WHO WIN YOU ZEN NET BEST BOX COST EDIT FIVE ' +
    'GAIN HUGE JOB KIDS LAZY MIND MOVE NEXT PATH PEAK POST RIDE ROCK SHOP SIX TEN TRIP WISH'
  ).split(' '),
)

/** The written forms of one ticker. Exchange marks are also found in lower case except US ones. */
export function tickerVariants(ticker: MentionTicker, isOrdinaryWord: (word: string) => boolean = () => false): TickerVariant[] {
  const out: TickerVariant[] = []
  const add = (text: string, caseSensitive = false, bare: BareCode = BareCode.None) => out.push({ text, caseSensitive, bare })
  const { exchange, code } = ticker
  if (exchange === 'HK') {
    const significant = code.replace(/^0+/u, '')
    const forms = [...new Set([significant, significant.padStart(4, '0'), significant.padStart(5, '0')])]
    for (const form of forms) {
      for (const suffix of HK_SUFFIXES) add(form + suffix)
      for (const prefix of HK_PREFIXES) add(prefix + form)
      // 700 alone is too short to trust even in brackets; 0700 and 00700 read as codes.
      add(form, false, form.length >= 4 ? BareCode.Digits : BareCode.LabelledDigits)
    }
  } else if (exchange === 'US') {
    const classes = code.includes('.') ? [code, code.replace('.', '-'), code.replace('.', '/')] : [code]
    for (const form of classes) {
      for (const suffix of US_SUFFIXES) add(form + suffix, true)
      for (const prefix of US_PREFIXES) add(prefix + form, true)
    }
    const letters = code.replace(/\.[A-Z]+$/u, '')
    const ordinary = letters.length <= 2 || ORDINARY_TICKER_WORDS.has(code) || isOrdinaryWord(code.toLowerCase())
    for (const form of classes) add(form, true, ordinary ? BareCode.BracketedLetters : BareCode.Letters)
  } else {
    const marks = A_SHARE_MARKS[exchange]
    for (const suffix of marks.suffixes) add(code + suffix)
    for (const prefix of marks.prefixes) add(prefix + code)
    add(code, false, BareCode.Digits)
  }
  return out
}

/** How a ticker is shown as the mention's alias text: 0700.HK, 600519.SH, BIDU. */
export function tickerLabel(ticker: MentionTicker): string {
  return ticker.exchange === 'US' ? ticker.code : `${ticker.code}.${ticker.exchange}`
}

const BRACKETED_CODE = /^[ \u3000]?[(（]([A-Z]{1,5}(?:[.-][A-Z])?)[)）]/u

/** A code in brackets right after a mention: "ON Semiconductor (ON)" gives ON at 18-20. */
export function bracketedCodeAfter(text: string, end: number): { code: string; start: number; end: number } | null {
  const found = BRACKETED_CODE.exec(text.slice(end, end + 12))
  if (!found) return null
  const start = end + found[0].length - 1 - found[1].length
  return { code: found[1].replace('-', '.'), start, end: start + found[1].length }
}
