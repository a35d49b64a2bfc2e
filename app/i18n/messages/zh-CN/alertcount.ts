import type { en } from '../en/alertcount.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'alertcount.line': '{week} 目前被提及 {current} 次（预警时为 {raised} 次）；此前 4 周平均每周 {avg} 次。',
  'alertcount.documents': '相关文档',
  'alertcount.documentsOf': '{week} 提及{name}的文档',
  'alertcount.snooze': '暂停推送一周',
  'alertcount.resume': '恢复推送',
  'alertcount.snoozedUntil': '{date} 前不推送到 Webhook',
}
