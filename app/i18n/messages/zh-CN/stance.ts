import type { en } from '../en/stance.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'stance.positive': '看好',
  'stance.neutral': '中性',
  'stance.cautious': '谨慎',
  'stance.negative': '看淡',
}
