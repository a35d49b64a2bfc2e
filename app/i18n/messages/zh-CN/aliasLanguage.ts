import type { en } from '../en/aliasLanguage.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'aliasLanguage.zh': '中文',
  'aliasLanguage.en': '英文',
  'aliasLanguage.any': '不限',
}
