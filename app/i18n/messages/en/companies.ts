export const en = {
  'companies.title': 'Companies',
  'companies.count': '{count} {count|company|companies}',
}

export const zhCN: Record<keyof typeof en, string> = {
  'companies.title': '公司',
  'companies.count': '{count} 家公司',
}
