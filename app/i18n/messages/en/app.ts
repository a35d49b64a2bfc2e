export const en = {
  'app.name': 'ThemeRadar',
  'app.tagline': 'Investment themes, watchlists and modality maturity for the weekly team meeting',
}
