import type { en } from '../en/withdraw.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'withdraw.nothing': '你在这一格没有可撤回的评分。',
  'withdraw.button': '撤回我的评分',
  'withdraw.hint': '清空这一格；历史记录会保留',
  'withdraw.confirm': '撤回你在这一格的评分 {level}？团队共识将不再计入；历史记录会保留。',
  'withdraw.done': '评分已撤回。',
  'withdraw.gridHelp': '按 Delete 或 Backspace 撤回你在该格的评分。首次保存后 2 分钟内改正数字无需填写理由。',
  'withdraw.historyHeading': '{week} 撤回的评分',
  'withdraw.historyItem': '{name} 撤回了 {cell} 的评分 {level}',
  'withdraw.historyNone': '{week} 没有撤回的评分。',
}
