import type { en } from '../en/comention.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'comention.title': '共同提及',
  'comention.intro': '在同一批文档中最常一起被提及的公司：找出主题里还该有哪些公司的最快方式。',
  'comention.weeks4': '最近 4 周',
  'comention.weeks52': '最近 52 周',
  'comention.company': '公司',
  'comention.documents': '文档数',
  'comention.watchlist': '观察名单',
  'comention.onWatchlist': '已在「{name}」',
  'comention.addToWatchlist': '加入观察名单',
  'comention.none': '这段时间内没有其他公司与它在同一文档中被提及。',
}
