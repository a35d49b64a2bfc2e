import type { en } from '../en/search.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'search.title': '搜索',
  'search.resultsFor': '“{query}”的搜索结果',
  'search.submit': '搜索',
  'search.prompt': '输入公司中英文名称、别名、产品或模型名、股票代码，或主题名称。',
  'search.none': '没有与“{query}”匹配的结果。可尝试输入名称的一部分或股票代码。',
  'search.themes': '主题（{count}）',
  'search.companies': '公司（{count}）',
  'search.noThemes': '没有匹配的主题。',
  'search.noCompanies': '没有匹配的公司。',
  'search.viaTicker': '代码 {text}',
  'search.viaAlias': '别名（{kind}）：{text}',
  'search.viaName': '公司名称：{text}',
  'search.rank0': '完全匹配',
  'search.rank1': '开头匹配',
  'search.rank2': '包含',
  'search.limited': '仅显示最相关的 {count} 条，输入更多字词可缩小范围。',
}
