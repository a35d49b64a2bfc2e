export const en = {
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.back': 'Back',
  'common.week': 'Week {week}',
  'common.currentWeek': 'This week: {week}',
  'common.notes': 'Notes',
  'common.saved': 'Saved.',
  'common.optional': 'optional',
  'common.loading': 'Loading…',
}
