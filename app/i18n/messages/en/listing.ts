export const en = {
  'listing.listed': 'Listed',
  'listing.private': 'Private',
}
