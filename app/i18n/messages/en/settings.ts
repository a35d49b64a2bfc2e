export const en = {
  'settings.title': 'Settings',
  'settings.demoTeam': 'Demo team',
  'settings.demoTeamBody':
    '{analysts} demo {analysts|analyst|analysts} and their {scores} {scores|score|scores} came with the demo data and count in the team consensus. Remove them when your team starts scoring; the demo reading notes, source views and meeting notes stay.',
  'settings.removeDemoTeam': 'Remove the demo analysts and their scores',
  'settings.removeDemoTeamConfirm': 'Remove the demo analysts and all their scores? This cannot be undone.',
  'settings.demoRemoved': 'Removed {analysts} demo {analysts|analyst|analysts} and {scores} {scores|score|scores}.',
  'settings.timeZone': 'Team time zone',
  'settings.timeZoneHint': 'ISO weeks and meeting weeks are counted in this time zone.',
  'settings.invalidTimeZone': 'Unknown time zone. Use an IANA name such as Asia/Shanghai.',
  'settings.myLanguage': 'My language',
}
