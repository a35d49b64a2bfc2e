export const en = {
  'settings.title': 'Settings',
  'settings.demoTeam': 'Demo team',
  'settings.demoTeamBody':
    '{analysts} demo {analysts|analyst|analysts} and their {scores} {scores|score|scores} came with the demo data and count in the team consensus. Remove them when your team starts scoring; the demo reading notes, source views and meeting notes stay.',
  'settings.removeDemoTeam': 'Remove the demo analysts and their scores',
  'settings.removeDemoTeamConfirm': 'Remove the demo analysts and all their scores? This cannot be undone.',
  'settings.demoRemoved': 'Removed {analysts} demo {analysts|analyst|analysts} and {scores} {scores|score|scores}.',
  'settings.timeZone': 'Team time zone',
  'settings.timeZoneHint': 'ISO weeks and meeting weeks are counted in this time zone.',
  'settings.invalidTimeZone': 'Unknown time zone. Use an IANA name such as Asia/Shanghai.',
  'settings.myLanguage': 'My language',
}

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
