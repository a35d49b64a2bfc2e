import type { en } from '../en/role.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'role.admin': '管理员',
  'role.analyst': '分析师',
  'role.viewer': '只读成员',
}
