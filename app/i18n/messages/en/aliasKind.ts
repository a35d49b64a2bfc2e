export const en = {
  'aliasKind.name': 'Name',
  'aliasKind.short_name': 'Short name',
  'aliasKind.product': 'Product',
  'aliasKind.ticker': 'Ticker',
}

export const zhCN: Record<keyof typeof en, string> = {
  'aliasKind.name': '名称',
  'aliasKind.short_name': '简称',
  'aliasKind.product': '产品',
  'aliasKind.ticker': '代码',
}
