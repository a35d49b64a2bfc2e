import type { en } from '../en/companies.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'companies.title': '公司',
  'companies.count': '{count} 家公司',
}
