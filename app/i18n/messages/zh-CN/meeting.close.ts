import type { en } from '../en/meeting.close.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'meeting.close.title': '本次周会之前各周的评分',
  'meeting.close.hint': '会后操作：{previous} 及更早周次的评分变为只读，保持会上所见；本周仍可评分。保存纪要不会关闭任何周次。',
  'meeting.close.button': '关闭 {previous} 评分',
  'meeting.close.closed': '{who} 已于 {when} 关闭 {previous} 及之前各周的评分。',
  'meeting.close.open': '重新开放',
  'meeting.close.openHint': '仅限管理员：这些周次的评分可以再次修改。',
  'meeting.close.doneClosed': '已关闭 {previous} 评分。',
  'meeting.close.doneOpened': '{week} 之前各周已重新开放评分。',
  'meeting.close.futureWeek': '该周尚未开始，从该周第一天起才能关闭。',
}
