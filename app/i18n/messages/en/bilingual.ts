// Texts kept in two languages: the toggle to the other one and the markers.
export const en = {
  'bilingual.missingZh': 'No Chinese version yet',
  'bilingual.missingEn': 'No English version yet: showing the Chinese text',
  'bilingual.olderZh': 'The Chinese version is older than the English one (changed {date})',
  'bilingual.olderEn': 'The English version is older than the Chinese one (changed {date})',
  'bilingual.showZh': 'Show the Chinese version',
  'bilingual.showEn': 'Show the English version',
  'bilingual.showAll': 'Show all ({count} more paragraphs)',
  'bilingual.showLess': 'Show less',
  'bilingual.thesisEn': 'Thesis in English (Markdown)',
  'bilingual.thesisZh': 'Thesis in Chinese (Markdown)',
  'bilingual.previewEn': 'English',
  'bilingual.previewZh': 'Chinese',
}
