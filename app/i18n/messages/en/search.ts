// The search page: results and how each one matched the query.
export const en = {
  'search.title': 'Search',
  'search.resultsFor': 'Results for "{query}"',
  'search.submit': 'Search',
  'search.prompt': 'Type a company name in Chinese or English, an alias, a product or model name, a ticker, or a theme.',
  'search.none': 'Nothing matches "{query}". Try a shorter part of the name, or the ticker.',
  'search.themes': 'Themes ({count})',
  'search.companies': 'Companies ({count})',
  'search.noThemes': 'No themes match.',
  'search.noCompanies': 'No companies match.',
  'search.viaTicker': 'Ticker {text}',
  'search.viaAlias': 'Alias ({kind}): {text}',
  'search.viaName': 'Company name: {text}',
  'search.rank0': 'exact',
  'search.rank1': 'starts with',
  'search.rank2': 'contains',
  'search.limited': 'Showing the best {count}; type more to narrow it down.',
}
