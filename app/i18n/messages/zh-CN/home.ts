import type { en } from '../en/home.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'home.title': '主题',
  'home.empty': '还没有主题。',
  'home.companies': '{count} 家公司',
  'home.myCells': '你已评 {done}/{cells} 格',
  'home.scorers': '本周 {count} 位分析师已评分',
  'home.scoreThisWeek': '本周评分',
  'home.openMeeting': '打开周会',
  'home.weekDocuments': '{week}：本周发布的文档 {count} 篇。',
  'home.watchlists': '观察名单',
}
