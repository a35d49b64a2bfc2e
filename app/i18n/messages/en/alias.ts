// The alias editor's ordinary-word check and negative context, and a theme's topic words
// (issue 12). The alias table itself keeps its company.* and companyEdit.* messages.
export const en = {
  'alias.reasonEnglish': 'Also an ordinary English word: counts only with company context.',
  'alias.reasonChinese': 'Also an ordinary Chinese word: counts only with company context.',
  'alias.reasonOverridden': 'Marked not ambiguous by hand: counts wherever it appears.',
  'alias.overrideHint': 'Untick Ambiguous and save to count it everywhere.',
  'alias.negativeContext': 'Not this company near',
  'alias.negativeContextPlaceholder': 'Words that rule it out, separated by commas',
  'alias.negativeContextShown': 'Not counted near: {words}',
  'alias.negativeContextHelp':
    'Not this company near: words that, close to a match, mean the text is about something else (fruit, 水果 for Apple). Separate them with commas.',
  'alias.tooManyWords': 'At most {max} words.',
  'alias.wordTooLong': 'Each word may have at most {max} characters.',
  'alias.saved': 'Saved. Mention counts for this company are being updated.',
  'alias.added': 'Added. Mention counts for this company are being updated.',
  'alias.addedOrdinary': 'Added as ambiguous: it is also an ordinary word. Mention counts for this company are being updated.',
  'alias.removed': 'Removed. Mention counts for this company are being updated.',
  'alias.followJob': 'Follow the update',
  'alias.topicWords': 'Topic words',
  'alias.topicWordsHelp':
    'Words that show a text is about this theme (视频生成, video generation). Near one of them, an ambiguous alias such as Runway counts as the company. Separate them with commas.',
  'alias.topicWordsNone': 'No topic words yet.',
  'alias.topicWordsSave': 'Save topic words',
  'alias.topicWordsSaved': 'Saved. Mention counts of {count} companies with ambiguous aliases are being updated.',
  'alias.topicWordsSavedNone': 'Saved. No company has an ambiguous alias, so no counts change.',
}
