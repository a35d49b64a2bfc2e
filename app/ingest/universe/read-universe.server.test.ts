import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { formatTicker } from '#app/utils/ticker.ts'

import { derivedAliasProblem, deriveShortNames } from './names.ts'
import { readUniverseFile, UniverseFileError } from './read-universe.server.ts'
import type { UniverseFormat } from './types.ts'

// Each publisher's layout, from the small files in tests/fixtures/universe (written from
// the publishers' documented columns by build-fixtures.ts), recognised from its columns.

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/universe/${name}`, import.meta.url)))
const read = (name: string, format: UniverseFormat | 'auto' = 'auto') => readUniverseFile(fixture(name), name, format)
const summary = async (name: string, format: UniverseFormat | 'auto' = 'auto') => {
  const parsed = await read(name, format)
  return {
    format: parsed.format,
    companies: parsed.records.map((r) => [
      r.tickers.map((t) => `${formatTicker(t)} ${t.board}`).join(', '),
      r.nameZh || r.shortNames[0] || r.nameEn,
    ]),
    skipped: parsed.skipped.map((s) => `${s.row} ${s.reason}`),
  }
}
const refusal = (run: Promise<unknown>) =>
  run.then(
    () => 'read',
    (error: unknown) => (error instanceof UniverseFileError ? `${error.status} ${error.messageKey}` : Promise.reject(error)),
  )

describe('recognising a layout from its columns', () => {
  it('reads the SEC file: one company per CIK, share classes and odd symbols as the SEC writes them', async () => {
    const parsed = await read('sec-company_tickers.json')
    expect(parsed.format).toBe('sec')
    const alphabet = parsed.records.find((r) => r.nameEn === 'Alphabet Inc.')!
    expect(alphabet.tickers.map(formatTicker)).toEqual(['GOOGL', 'GOOG'])
    expect(parsed.records.find((r) => r.nameEn === 'BERKSHIRE HATHAWAY INC')!.tickers.map(formatTicker)).toEqual(['BRK.B'])
    expect(parsed.skipped).toEqual([{ row: 14, reason: 'badTicker', text: 'BAD TICKER' }])
  })

  it('reads the SEC file with exchanges and tags NASDAQ and NYSE', async () => {
    expect((await summary('sec-company_tickers_exchange.json')).companies).toEqual([
      ['NVDA nasdaq', 'NVIDIA CORP'],
      ['SNAP nyse', 'Snap Inc'],
      ['META nasdaq', 'Meta Platforms, Inc.'],
    ])
  })

  it("reads HKEX's list below its title rows, equities only, with the Main Board and GEM", async () => {
    expect(await summary('hkex-list-of-securities.xlsx')).toEqual({
      format: 'hkex',
      companies: [
        ['0700.HK hk_main', 'TENCENT'],
        ['9988.HK hk_main', 'BABA'],
        ['9888.HK hk_main', 'BIDU'],
        ['2318.HK hk_main', 'PING AN'],
        ['8083.HK hk_gem', 'CHINA YOUZAN'],
      ],
      skipped: ['9 notEquity'],
    })
  })

  it("reads HKEX's Chinese list in simplified characters, share-class marks removed", async () => {
    expect((await summary('hkex-list-of-securities-c.xlsx')).companies).toEqual([
      ['0700.HK hk_main', '腾讯控股'],
      ['2318.HK hk_main', '中国平安'],
      ['1810.HK hk_main', '小米集团'],
      ['1357.HK hk_main', '美图公司'],
      ['8083.HK hk_gem', '中国有赞'],
    ])
  })

  it("reads SSE's tab-separated .xls: A and B shares of one company, 科创板 from the code", async () => {
    const result = await summary('sse-stock-list.xls')
    expect(result.format).toBe('sse')
    expect(result.companies).toContainEqual(['688256.SH star', '寒武纪'])
    expect(result.companies).toContainEqual(['600602.SH sh_main, 900901.SH sh_main', '云赛智联'])
  })

  it("reads SZSE's list with its 板块 and puts back the zeros Excel dropped", async () => {
    const parsed = await read('szse-a-list.xlsx')
    expect(parsed.format).toBe('szse')
    expect(parsed.records.map((r) => [r.tickers.map((t) => `${formatTicker(t)} ${t.board}`).join(), r.nameZh, r.nameEn])).toEqual([
      ['000333.SZ sz_main', '美的集团股份有限公司', 'Midea Group Co., Ltd.'],
      ['300418.SZ chinext', '昆仑万维科技股份有限公司', 'Beijing Kunlun Tech Co., Ltd.'],
      ['002230.SZ sz_main', '科大讯飞股份有限公司', 'iFLYTEK CO.,LTD'],
      ['300624.SZ chinext', '万兴科技集团股份有限公司', 'Wondershare Technology Group Co.,Ltd.'],
    ])
  })

  it("reads BSE's list: bare codes under 证券代码 are Beijing's", async () => {
    expect(await summary('bse-list.csv')).toEqual({
      format: 'bse',
      companies: [
        ['830799.BJ bse', '艾融软件'],
        ['920099.BJ bse', '瑞华技术'],
      ],
      skipped: [],
    })
  })

  it('reads Wind, Choice and iFinD exports, and tells them apart by their own column names', async () => {
    const wind = await summary('wind-export.xlsx')
    expect(wind.format).toBe('wind')
    expect(wind.companies).toContainEqual(['0700.HK hk_main', '腾讯控股'])
    expect(wind.skipped).toEqual(['8 badTicker']) // the "数据来源：Wind" footer
    const choice = await summary('choice-export.csv')
    expect(choice.format).toBe('choice')
    expect(choice.companies).toContainEqual(['BIDU nasdaq', '百度'])
    expect(choice.companies).toContainEqual(['9888.HK hk_main', '百度集团'])
    const ifind = await summary('ifind-export.xlsx')
    expect(ifind.format).toBe('ifind')
    expect(ifind.companies).toEqual([
      ['688256.SH star', '寒武纪'],
      ['1024.HK hk_main', '快手'],
      ['300624.SZ chinext', '万兴科技'],
    ])
  })

  it('reads our template: several tickers in one cell, aliases, and a row without a ticker skipped', async () => {
    const parsed = await read('template.csv')
    expect(parsed.format).toBe('template')
    expect(parsed.records.map((r) => [r.nameEn, r.nameZh, r.tickers.map(formatTicker), r.aliases])).toEqual([
      ['Meitu', '美图', ['1357.HK'], ['Meitu Inc', '美图秀秀']],
      ['Zhihu', '知乎', ['ZH', '2390.HK'], []],
    ])
    expect(parsed.skipped).toEqual([{ row: 4, reason: 'noTicker', text: '' }])
  })
})

describe('files it cannot read', () => {
  it('asks for XLSX or CSV instead of an old binary Excel file', async () => {
    expect(await refusal(read('old-excel.xls'))).toBe('415 universe.file.oldExcel')
  })

  it('refuses a sheet whose columns are no known layout, or not the layout chosen', async () => {
    const other = new TextEncoder().encode('company,rationale\nBaidu,search\n')
    expect(await refusal(readUniverseFile(other, 'list.csv'))).toBe('400 universe.file.unknownLayout')
    expect(await refusal(read('wind-export.xlsx', 'hkex'))).toBe('400 universe.file.wrongLayout?format=hkex')
    expect(await refusal(readUniverseFile(new TextEncoder().encode('{"a": 1}'), 'x.json'))).toBe('400 universe.file.unknownLayout')
    expect(await refusal(readUniverseFile(new TextEncoder().encode('{"a": '), 'x.json'))).toBe('400 universe.file.badJson')
  })

  it('refuses an empty file and one over the size limit before reading it', async () => {
    expect(await refusal(readUniverseFile(new Uint8Array(0), 'x.csv'))).toBe('400 universe.file.empty')
    expect(await refusal(readUniverseFile(new Uint8Array(20_000_001), 'x.csv'))).toBe('413 universe.file.tooLarge?max=20')
  })
})

describe('short names people write', () => {
  it('drops legal forms, holding words and share-class marks', () => {
    expect(deriveShortNames('腾讯控股')).toEqual(['腾讯'])
    expect(deriveShortNames('Palantir Technologies Inc.')).toEqual(['Palantir', 'Palantir Technologies'])
    expect(deriveShortNames('科大讯飞股份有限公司')).toEqual(['科大讯飞'])
    expect(deriveShortNames('NVIDIA CORP /DE/')[0]).toBe('NVIDIA')
    expect(deriveShortNames('小米集团-W')).toEqual(['小米', '小米集团'])
  })

  it('flags ordinary words and names too short to tell apart', () => {
    expect(['Apple', 'Block', 'SNAP', 'Target', '小米', '美的', 'Palantir', '腾讯', 'AI', '云'].map(derivedAliasProblem)).toEqual([
      'ordinaryWord',
      'ordinaryWord',
      'ordinaryWord',
      'ordinaryWord',
      'ordinaryWord',
      'ordinaryWord',
      null,
      null,
      'tooShort',
      'tooShort',
    ])
  })
})
