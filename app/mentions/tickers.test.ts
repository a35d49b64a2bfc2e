import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company, TICKERS } from './test-aliases.ts'
import { tickerVariants } from './tickers.ts'

const matcher = buildMentionMatcher(ALIASES, { tickers: TICKERS })
const found = (text: string) => matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.companyId, m.rule])
const tickersIn = (text: string) =>
  matcher
    .findMentions(text)
    .filter((m) => m.rule === 'ticker')
    .map((m) => text.slice(m.start, m.end))

describe('tickers written with an exchange mark', () => {
  it('count in every Hong Kong form people write', () => {
    for (const written of ['0700.HK', '700.HK', '00700.HK', '00700 HK', '700 HK', 'HK0700', 'HK:0700', 'HKEX:700', 'HK.00700', '0700.hk']) {
      expect(found(`股价异动：${written} 今日上涨`), written).toEqual([[written, company.tencent, 'ticker']])
    }
    expect(found('Alibaba (9988.HK) and Baidu-SW (9888 HK)')).toEqual([
      ['9988.HK', company.alibaba, 'ticker'],
      ['Baidu', company.baidu, 'name'],
      ['9888 HK', company.baidu, 'ticker'],
    ])
  })

  it('count in every A-share form people write', () => {
    for (const written of ['300418.SZ', 'SZ300418', 'sz300418', 'SZSE:300418', '300418.XSHE', '300418 CH']) {
      expect(tickersIn(`覆盖标的 ${written} 维持买入`), written).toEqual([written])
    }
    expect(found('万兴科技（300624.SZ）发布公告')).toEqual([
      ['万兴科技', company.wondershare, 'name'],
      ['300624.SZ', company.wondershare, 'ticker'],
    ])
  })

  it('count in every US form people write, with its capitals', () => {
    for (const written of ['BIDU US', 'BIDU.O', 'NASDAQ:BIDU', 'NYSE:BABA', 'BABA-W', 'BABA-SW', 'NASDAQ: BIDU']) {
      expect(tickersIn(`We like ${written} into the print`), written).toHaveLength(1)
    }
    expect(tickersIn('the joke was on us, and nasdaq:bidu')).toEqual([])
  })

  it('report the ticker, not an alias row', () => {
    const [mention] = matcher.findMentions('买入 SZ300624')
    expect(mention).toMatchObject({
      aliasId: null,
      aliasText: '300624.SZ',
      companyId: company.wondershare,
      rule: 'ticker',
      confidence: 'high',
    })
  })

  it('prefer the longest written form', () => {
    expect(tickersIn('0700.HK 00700 HK')).toEqual(['0700.HK', '00700 HK'])
  })
})

describe('bare codes', () => {
  it('count digits in brackets, after the company, or after a code label', () => {
    expect(found('昆仑万维（300418）')).toEqual([
      ['昆仑万维', company.kunlun, 'name'],
      ['300418', company.kunlun, 'ticker'],
    ])
    expect(tickersIn('昆仑万维 300418 跌停')).toEqual(['300418'])
    expect(tickersIn('股票代码：300418')).toEqual(['300418'])
    expect(tickersIn('证券代码 300624')).toEqual(['300624'])
    expect(tickersIn('Tencent (0700) and (00700)')).toEqual(['0700', '00700'])
    expect(tickersIn('騰訊控股有限公司（股份代號：700）')).toEqual(['700'])
    expect(tickersIn('腾讯（700）')).toEqual([])
  })

  it('do not count digits that are a quantity', () => {
    expect(tickersIn('全年销量 300418 台，同比增长')).toEqual([])
    expect(tickersIn('营收 1024 亿元；0700 时开盘')).toEqual([])
    expect(tickersIn('订单号 13004185')).toEqual([])
    expect(tickersIn('快手 300418')).toEqual([]) // another company's code after a name
  })

  it('count a bare symbol of three or more letters that is no word, case-sensitive', () => {
    expect(tickersIn('BIDU and BABA rallied')).toEqual(['BIDU', 'BABA'])
    expect(tickersIn('bidu baba')).toEqual([])
  })

  it('count short or ordinary-word symbols only in brackets after the company', () => {
    expect(tickersIn('ON Semiconductor (ON) beat')).toEqual(['ON'])
    expect(tickersIn('Snap Inc. (SNAP) fell')).toEqual(['SNAP'])
    expect(tickersIn('TURN ON THE LIGHTS; OH SNAP; ON US')).toEqual(['ON US'])
    expect(tickersIn('Tencent (ON) and (SNAP)')).toEqual([])
  })
})

describe('tickerVariants', () => {
  it('writes each Hong Kong code with 3, 4 and 5 digits', () => {
    const texts = tickerVariants({ companyId: 1, exchange: 'HK', code: '0700' }).map((v) => v.text)
    expect(texts).toEqual(expect.arrayContaining(['700.HK', '0700.HK', '00700.HK', '700 HK', 'HK0700', 'HKEX:700', '0700', '00700']))
    // 700 alone is too short to trust in brackets: only after a code label.
    expect(tickerVariants({ companyId: 1, exchange: 'HK', code: '0700' }).find((v) => v.text === '700')?.bare).toBe(4)
  })

  it('marks ordinary words among US symbols', () => {
    const bare = (code: string, isWord?: (w: string) => boolean) =>
      tickerVariants({ companyId: 1, exchange: 'US', code }, isWord).find((v) => v.text === code)?.bare
    expect(bare('BIDU')).toBe(2)
    expect(bare('ON')).toBe(3)
    expect(bare('TARGET')).toBe(3)
    expect(bare('PATH', (w) => w === 'path')).toBe(3)
  })
})
