import { describe, expect, it } from 'vitest'

import { formatTicker, parseTicker, tickerKey } from './ticker.ts'

describe('parseTicker', () => {
  it.each([
    // Shanghai in every house style
    ['600519.SH', 'SH', '600519'],
    ['600519.SS', 'SH', '600519'],
    ['600519.sh', 'SH', '600519'],
    ['sh600519', 'SH', '600519'],
    ['SH:600519', 'SH', '600519'],
    ['SSE:600519', 'SH', '600519'],
    ['600519 SH', 'SH', '600519'],
    ['600519.XSHG', 'SH', '600519'],
    ['600519', 'SH', '600519'],
    ['688256', 'SH', '688256'],
    ['900901', 'SH', '900901'],
    ['  600519.SH  ', 'SH', '600519'],
    ['６００５１９．ＳＨ', 'SH', '600519'],
    ['600519。SH', 'SH', '600519'],
    // Shenzhen
    ['300418.SZ', 'SZ', '300418'],
    ['002230.SZ', 'SZ', '002230'],
    ['sz300624', 'SZ', '300624'],
    ['SZSE:300418', 'SZ', '300418'],
    ['300418', 'SZ', '300418'],
    ['000001', 'SZ', '000001'],
    ['200596', 'SZ', '200596'],
    // Beijing
    ['430047.BJ', 'BJ', '430047'],
    ['830799.BJ', 'BJ', '830799'],
    ['920118.BJ', 'BJ', '920118'],
    ['430047', 'BJ', '430047'],
    ['832982', 'BJ', '832982'],
    ['920118', 'BJ', '920118'],
    // Hong Kong: leading zeros dropped, then padded to four digits
    ['0700.HK', 'HK', '0700'],
    ['700.HK', 'HK', '0700'],
    ['00700.HK', 'HK', '0700'],
    ['HK:700', 'HK', '0700'],
    ['HKEX:700', 'HK', '0700'],
    ['0700 HK', 'HK', '0700'],
    ['hk00700', 'HK', '0700'],
    ['700', 'HK', '0700'],
    ['09988.HK', 'HK', '9988'],
    ['01024.HK', 'HK', '1024'],
    ['80737.HK', 'HK', '80737'],
    ['20.HK', 'HK', '0020'],
    ['1.HK', 'HK', '0001'],
    ['０７００．ＨＫ', 'HK', '0700'],
    // US
    ['BIDU', 'US', 'BIDU'],
    ['bidu', 'US', 'BIDU'],
    ['BABA', 'US', 'BABA'],
    ['GOOGL', 'US', 'GOOGL'],
    ['BRK.B', 'US', 'BRK.B'],
    ['BRK-B', 'US', 'BRK.B'],
    ['META.US', 'US', 'META'],
    ['BIDU US', 'US', 'BIDU'],
    ['BIDU.O', 'US', 'BIDU'],
    ['BABA.N', 'US', 'BABA'],
    ['NASDAQ:MSFT', 'US', 'MSFT'],
    ['NYSE:BABA', 'US', 'BABA'],
    ['nyse : baba', 'US', 'BABA'],
    ['ZH', 'US', 'ZH'],
  ])('%s -> %s %s', (input, exchange, code) => {
    expect(parseTicker(input)).toEqual({ exchange, code })
  })

  it.each([
    [''],
    ['   '],
    ['ABC.HK'],
    ['1234567.SH'],
    ['60051.SH'],
    ['123456'], // 1xxxxx could be either exchange
    ['700000.HK'],
    ['0.HK'],
    ['00000'],
    ['GOOGLE'],
    ['hello world'],
    ['foo bar baz'],
    ['XX:600519'],
    ['600519.XX'],
    ['SH:ABC'],
    ['NASDAQ:0700'],
    ['腾讯'],
    ['BIDU$'],
    ['600519..SH'],
  ])('refuses %j', (input) => {
    expect(parseTicker(input)).toBeNull()
  })

  it('treats the usual spellings of one listing as equal', () => {
    expect(parseTicker('600519.SS')).toEqual(parseTicker('600519.SH'))
    expect(parseTicker('0700.HK')).toEqual(parseTicker('700.HK'))
    expect(tickerKey(parseTicker('700.HK')!)).toBe(tickerKey(parseTicker('00700.HK')!))
  })
})

describe('formatTicker', () => {
  it.each([
    ['600519.SS', '600519.SH'],
    ['700.HK', '0700.HK'],
    ['09988.HK', '9988.HK'],
    ['430047', '430047.BJ'],
    ['NASDAQ:BIDU', 'BIDU'],
    ['brk.b', 'BRK.B'],
  ])('%s is shown as %s, which parses back to itself', (input, shown) => {
    const formatted = formatTicker(parseTicker(input)!)
    expect(formatted).toBe(shown)
    expect(formatTicker(parseTicker(formatted)!)).toBe(formatted)
  })

  it('produces codes the company_ticker check constraint accepts', () => {
    const shapes = {
      SH: /^\d{6}$/,
      SZ: /^\d{6}$/,
      BJ: /^\d{6}$/,
      HK: /^(\d{4}|[1-9]\d{4})$/,
      US: /^[A-Z][A-Z0-9.-]{0,9}$/,
    }
    for (const input of ['600519.SS', '1.HK', '80737.HK', '0700 HK', 'brk-b', '920118', 'sz000001']) {
      const ticker = parseTicker(input)!
      expect(ticker.code, input).toMatch(shapes[ticker.exchange])
    }
  })
})
