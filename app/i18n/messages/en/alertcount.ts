// Alerts and movers on /mentions: the count now beside the count the alert was raised at,
// and the documents behind a count.
export const en = {
  'alertcount.line': '{current} {current|mention|mentions} in {week} so far (raised at {raised}); {avg} a week over the 4 weeks before.',
  'alertcount.documents': 'Documents',
  'alertcount.documentsOf': 'Documents mentioning {name} in {week}',
  'alertcount.snooze': 'Snooze a week',
  'alertcount.resume': 'Resume',
  'alertcount.snoozedUntil': 'Not posted to webhooks until {date}',
}
