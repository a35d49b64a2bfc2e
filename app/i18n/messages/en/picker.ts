// The company type-ahead used wherever a company is added (vendor map, segment, watchlist).
export const en = {
  'picker.hint': '↑ ↓ to choose, Enter to pick, Esc to close.',
  'picker.results': '{count} companies match',
  'picker.noMatch': 'No company matches “{text}”.',
  'picker.create': 'Create the company “{text}”',
  'picker.createHint': 'opens the new-company form in a new tab',
}
