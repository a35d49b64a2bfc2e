import type { en } from '../en/webhookdigest.ts'

// 每个 Webhook 的推送方式：即时，或每日、每周汇总（决策 042）。
export const zhCN: Record<keyof typeof en, string> = {
  'webhookdigest.label': '推送预警',
  'webhookdigest.immediate': '即时推送',
  'webhookdigest.daily': '每日汇总，08:00',
  'webhookdigest.weekly': '每周汇总，周一 08:00',
  'webhookdigest.hint': '汇总（团队时间 08:00）是一条消息，列出上次汇总以来的全部预警；没有预警时不发送。',
  'webhookdigest.badge.daily': '每日汇总',
  'webhookdigest.badge.weekly': '每周汇总',
  'webhookdigest.logDigest': '汇总',
  'webhookdigest.jobKind': '向 Webhook 推送提及预警汇总',
}
