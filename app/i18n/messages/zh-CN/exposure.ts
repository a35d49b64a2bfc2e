import type { en } from '../en/exposure.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'exposure.high': '高关联度',
  'exposure.medium': '中关联度',
  'exposure.low': '低关联度',
}
