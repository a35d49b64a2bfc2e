export const en = {
  'companies.title': 'Companies',
  'companies.count': '{count} {count|company|companies}',
}
