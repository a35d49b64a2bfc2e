import type { en } from '../en/audit.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'audit.title': '审计日志',
  'audit.intro': 'ThemeRadar 中的每一次改动，按时间倒序。日志不可修改、不可删除。',
  'audit.when': '时间',
  'audit.who': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象',
  'audit.old': '修改前',
  'audit.new': '修改后',
  'audit.system': '系统',
  'audit.empty': '还没有任何改动。',
  'audit.older': '更早的记录',
  'audit.newer': '更新的记录',
  'audit.filterAction': '操作包含',
  'audit.filter': '筛选',
}
