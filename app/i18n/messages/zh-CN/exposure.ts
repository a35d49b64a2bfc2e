import type { en } from '../en/exposure.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'exposure.high': '高暴露',
  'exposure.medium': '中暴露',
  'exposure.low': '低暴露',
}
