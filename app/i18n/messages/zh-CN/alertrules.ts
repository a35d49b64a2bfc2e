import type { en } from '../en/alertrules.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'alertrules.title': '补录的文档',
  'alertrules.days': '发布与添加之间相隔的天数（1 至 3650）',
  'alertrules.hint': '发布后超过这么多天才添加的文档（例如导入历史资料）不触发预警。',
  'alertrules.save': '保存',
}
