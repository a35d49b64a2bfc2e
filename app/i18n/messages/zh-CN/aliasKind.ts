import type { en } from '../en/aliasKind.ts'

export const zhCN: Record<keyof typeof en, string> = {
  'aliasKind.name': '名称',
  'aliasKind.short_name': '简称',
  'aliasKind.product': '产品',
  'aliasKind.ticker': '代码',
}
