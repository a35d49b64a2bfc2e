import type { en } from '../en/status.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'status.active': '跟踪中',
  'status.watching': '观察',
  'status.archived': '已归档',
}
