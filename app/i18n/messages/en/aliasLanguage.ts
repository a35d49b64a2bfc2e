export const en = {
  'aliasLanguage.zh': 'Chinese',
  'aliasLanguage.en': 'English',
  'aliasLanguage.any': 'Any',
}
