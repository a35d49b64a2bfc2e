import { normaliseText } from '#app/utils/normalise.ts'

import type { UniverseFormat } from './types.ts'

// Which column is which, in each publisher's own headers (English, simplified and, for
// HKEX's Chinese list, traditional), and which layout a header row is.

export type UniverseColumn =
  | 'code'
  | 'codeB'
  | 'shortName'
  | 'shortNameLong'
  | 'nameZh'
  | 'nameEn'
  | 'shortNameEn'
  | 'board'
  | 'category'
  | 'subCategory'
  | 'tickers'
  | 'aliases'

const HEADERS: Record<UniverseFormat, Partial<Record<UniverseColumn, string[]>>> = {
  sec: {},
  // HKEX "List of Securities" (ListOfSecurities.xlsx and ListOfSecurities_c.xlsx).
  hkex: {
    code: ['stock code', '股份代號', '股份代号'],
    shortName: ['name of securities', '股份名稱', '股份名称'],
    category: ['category', '分類', '分类'],
    subCategory: ['sub-category', '次分類', '次分类'],
  },
  // SZSE A股列表: 板块, 公司全称, 英文名称, A股代码, A股简称, B股代码...
  szse: {
    board: ['板块'],
    nameZh: ['公司全称'],
    nameEn: ['英文名称'],
    code: ['a股代码'],
    shortName: ['a股简称'],
    codeB: ['b股代码'],
  },
  // SSE 股票列表: A股代码, B股代码, 证券简称, 扩位证券简称, 公司英文全称 (older: 公司代码, 公司简称).
  sse: {
    code: ['a股代码', '公司代码'],
    codeB: ['b股代码'],
    shortName: ['证券简称', '公司简称', 'a股简称'],
    shortNameLong: ['扩位证券简称'],
    nameZh: ['公司全称'],
    nameEn: ['公司英文全称', '英文全称', '英文名称'],
  },
  // BSE 上市公司列表: 证券代码, 证券简称, 总股本, 流通股本, 上市日期, 所属行业, 所属地区.
  bse: {
    code: ['证券代码'],
    shortName: ['证券简称'],
    nameZh: ['公司全称', '公司名称'],
    nameEn: ['英文名称', '公司英文名称'],
  },
  // Constituent exports of the terminals: 证券代码 with an exchange suffix (600519.SH).
  wind: {
    code: ['证券代码', '代码'],
    shortName: ['证券简称', '证券名称', '名称', '简称'],
    nameZh: ['公司中文名称', '公司全称', '公司名称'],
    nameEn: ['公司英文名称', '英文名称'],
    board: ['上市板块', '板块'],
  },
  choice: {},
  ifind: {},
  // Our own template (app/i18n/messages/*/universe.ts has its header row).
  template: {
    tickers: ['tickers', 'ticker', '代码', '股票代码'],
    nameEn: ['name (english)', 'name_en', 'english name', '英文名'],
    nameZh: ['name (chinese)', 'name_zh', 'chinese name', '中文名'],
    aliases: ['aliases', '别名'],
    board: ['board', '板块'],
  },
}
HEADERS.choice = HEADERS.wind
HEADERS.ifind = HEADERS.wind

export type ColumnIndex = Partial<Record<UniverseColumn, number>>

/** Where each of a layout's columns is in this header row. */
export function columnsOf(format: UniverseFormat, header: readonly string[]): ColumnIndex {
  const keys = header.map((name) => normaliseText(name).replace(/\s+/gu, ' '))
  const index: ColumnIndex = {}
  for (const [column, names] of Object.entries(HEADERS[format]) as [UniverseColumn, string[]][]) {
    const at = keys.findIndex((key) => names.includes(key))
    if (at >= 0) index[column] = at
  }
  return index
}

/** The terminal an export came from, when its headers say so (所属Wind行业, 所属同花顺行业). */
function vendorOf(header: readonly string[]): UniverseFormat {
  const text = header.join(' ').toLowerCase()
  if (/同花顺|ifind/u.test(text)) return 'ifind'
  if (/choice|东财|东方财富/u.test(text)) return 'choice'
  return 'wind'
}

const HAS_SUFFIX = /\.(?:sh|sz|bj|hk|[ona]|ss)$/iu

/**
 * The layout of a header row, given a few of the rows below it; null when it is none.
 * The vendors' exports and BSE's list share 证券代码 and 证券简称: exports write the code
 * with its exchange (600519.SH), the exchange's own list bare (830799).
 */
export function detectLayout(header: readonly string[], sample: readonly string[][]): UniverseFormat | null {
  const has = (format: UniverseFormat, ...columns: UniverseColumn[]) => {
    const index = columnsOf(format, header)
    return columns.every((c) => index[c] !== undefined)
  }
  if (has('hkex', 'code', 'shortName')) return 'hkex'
  if (has('szse', 'board', 'code', 'nameZh')) return 'szse'
  if (has('sse', 'code', 'shortName') && (has('sse', 'codeB') || has('sse', 'shortNameLong') || has('sse', 'nameEn'))) return 'sse'
  if (has('template', 'tickers') && (has('template', 'nameEn') || has('template', 'nameZh'))) return 'template'
  if (has('wind', 'code', 'shortName')) {
    const codeAt = columnsOf('wind', header).code!
    const codes = sample.map((row) => (row[codeAt] ?? '').trim()).filter(Boolean)
    const suffixed = codes.filter((code) => HAS_SUFFIX.test(code)).length
    if (codes.length > 0 && suffixed * 2 < codes.length && has('bse', 'code', 'shortName')) return 'bse'
    return vendorOf(header)
  }
  if (has('sse', 'code', 'shortName')) return 'sse'
  return null
}
