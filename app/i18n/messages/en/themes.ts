// The /themes index: every theme the team follows, with this week's activity.
export const en = {
  'themes.title': 'Themes',
  'themes.intro': 'Every theme the team follows, with week {week} so far.',
  'themes.name': 'Theme',
  'themes.stance': 'Stance',
  'themes.status': 'Status',
  'themes.companies': 'Companies',
  'themes.moves': 'Consensus moves this week',
  'themes.mentions': 'Mentions this week',
  'themes.nextMeeting': 'Next meeting',
  'themes.meetingHeld': '{week}, on {date}',
  'themes.archived': 'Archived themes',
  'themes.none': 'No themes yet.',
  'themes.noArchived': 'No archived themes.',
  'themes.new': 'New theme',
}
