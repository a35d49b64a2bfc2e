import type { en } from '../en/docweek.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'docweek.label': '周',
}
