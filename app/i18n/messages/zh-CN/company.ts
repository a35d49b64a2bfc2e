import type { en } from '../en/company.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'company.profile': '概况',
  'company.region': '地区',
  'company.vendorType': '厂商类型',
  'company.listing': '上市情况',
  'company.tickers': '股票代码',
  'company.aliases': '别名',
  'company.alias': '别名',
  'company.aliasLanguage': '语言',
  'company.aliasKind': '类型',
  'company.caseSensitive': '区分大小写',
  'company.ambiguous': '易混淆',
  'company.ambiguousHint': '仅在附近有公司上下文时计数',
  'company.themes': '所属主题',
  'company.watchlists': '所在观察名单',
  'company.modalities': '涉及模态',
  'company.mentions': '提及',
  'company.mentionsEmpty': '还没有文档提及这家公司。',
  'company.parent': '隶属于 {name}',
  'company.notFound': '没有编号为 {id} 的公司。',
  'company.noTickers': '未上市。',
}
