export const en = {
  'region.domestic': 'Domestic',
  'region.overseas': 'Overseas',
}
