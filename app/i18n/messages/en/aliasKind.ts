export const en = {
  'aliasKind.name': 'Name',
  'aliasKind.short_name': 'Short name',
  'aliasKind.product': 'Product',
  'aliasKind.ticker': 'Ticker',
}
