export const en = {
  'admin.usersHint': 'Invite people, change roles, disable accounts.',
  'admin.auditHint': 'Every change, who made it and when, with old and new values.',
  'admin.settingsHint': 'The team time zone that decides ISO weeks.',
}
