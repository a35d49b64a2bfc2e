// Edits to watchlist entries as the watchlist history shows them.
export const en = {
  'wlhistory.edit': 'Edited',
  'wlhistory.edited': '{count} edited',
  'wlhistory.field.rationale': 'Rationale',
  'wlhistory.field.notes': 'Notes',
  'wlhistory.field.tags': 'Tags',
  'wlhistory.before': 'before',
  'wlhistory.after': 'after',
  'wlhistory.empty': '(empty)',
}
