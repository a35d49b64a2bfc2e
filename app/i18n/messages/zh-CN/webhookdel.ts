import type { en } from '../en/webhookdel.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'webhookdel.title': '删除这个 Webhook',
  'webhookdel.logQuestion': '它的发送记录',
  'webhookdel.keep': '保留记录（以该 Webhook 的名称列出）',
  'webhookdel.remove': '一并删除记录',
  'webhookdel.submit': '删除 Webhook',
  'webhookdel.chooseLog': '请选择是否保留发送记录。',
  'webhookdel.deleted': 'Webhook 已删除。',
  'webhookdel.deletedMark': '（已删除）',
}
