// Team rules for mention alerts on the webhooks page.
export const en = {
  'alertrules.title': 'Back-filled documents',
  'alertrules.days': 'Days between publication and adding (1 to 3650)',
  'alertrules.hint': 'A document added more than this many days after it was published (an archive being loaded) raises no alert.',
  'alertrules.save': 'Save cutoff',
}
