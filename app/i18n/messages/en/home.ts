export const en = {
  'home.title': 'Themes',
  'home.empty': 'No themes yet.',
  'home.companies': '{count} {count|company|companies}',
  'home.myCells': 'you scored {done} of {cells} cells',
  'home.scorers': '{count} {count|analyst|analysts} scored this week',
  'home.scoreThisWeek': 'Score this week',
  'home.openMeeting': 'Open the meeting',
  'home.weekDocuments': '{week}: {count} {count|document|documents} published this week.',
  'home.watchlists': 'Watchlists',
}
