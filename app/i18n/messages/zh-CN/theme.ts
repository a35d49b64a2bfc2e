import type { en } from '../en/theme.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'theme.thesis': '投资逻辑',
  'theme.stance': '观点',
  'theme.status': '状态',
  'theme.risks': '风险',
  'theme.catalysts': '催化剂',
  'theme.subThemes': '子主题',
  'theme.parent': '隶属于 {name}',
  'theme.applications': '应用场景',
  'theme.segments2B': '2B：企业端',
  'theme.segments2C': '2C：消费端',
  'theme.vendorMap': '厂商图谱',
  'theme.dataExhaustion': '数据枯竭',
  'theme.dataStock': '数据存量',
  'theme.exhaustedBy': '预计耗尽区间',
  'theme.estimateSource': '来源',
  'theme.estimatedOn': '估计日期',
  'theme.notFound': '没有名为「{slug}」的主题。',
  'theme.noCompanies': '尚未关联公司。',
}
