import type { en } from '../en/wlhistory.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'wlhistory.edit': '修改',
  'wlhistory.edited': '修改 {count} 处',
  'wlhistory.field.rationale': '理由',
  'wlhistory.field.notes': '备注',
  'wlhistory.field.tags': '标签',
  'wlhistory.before': '修改前',
  'wlhistory.after': '修改后',
  'wlhistory.empty': '（空）',
}
