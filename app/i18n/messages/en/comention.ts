// A company's page: the companies most often mentioned in the same documents.
export const en = {
  'comention.title': 'Mentioned together',
  'comention.intro': 'Companies most often mentioned in the same documents: the quickest way to find who else belongs in a theme.',
  'comention.weeks4': 'Last 4 weeks',
  'comention.weeks52': 'Last 52 weeks',
  'comention.company': 'Company',
  'comention.documents': 'Documents',
  'comention.watchlist': 'Watchlist',
  'comention.onWatchlist': 'On {name}',
  'comention.addToWatchlist': 'Add to a watchlist',
  'comention.none': 'No other company mentioned in the same documents in this period.',
}
