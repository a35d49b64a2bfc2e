import type { en } from '../en/settings.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'settings.title': '设置',
  'settings.demoTeam': '演示团队',
  'settings.demoTeamBody':
    '演示数据自带 {analysts} 位演示分析师及其 {scores} 条评分，它们计入团队共识。团队开始评分时请删除；演示阅读笔记、外部观点和周会纪要会保留。',
  'settings.removeDemoTeam': '删除演示分析师及其评分',
  'settings.removeDemoTeamConfirm': '删除演示分析师及其全部评分？此操作无法撤销。',
  'settings.demoRemoved': '已删除 {analysts} 位演示分析师和 {scores} 条评分。',
  'settings.timeZone': '团队时区',
  'settings.timeZoneHint': 'ISO 周与例会周均按此时区计算。',
  'settings.invalidTimeZone': '未知时区，请使用 IANA 名称，例如 Asia/Shanghai。',
  'settings.myLanguage': '我的语言',
}
