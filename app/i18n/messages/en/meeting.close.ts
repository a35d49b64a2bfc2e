// Closing the weeks before a meeting for scoring: the lead's explicit action (decision 040).
export const en = {
  'meeting.close.title': 'Scoring of the weeks before this meeting',
  'meeting.close.hint':
    'After the meeting: scores of {previous} and earlier become read-only, as discussed. This week stays open. Saving notes closes nothing.',
  'meeting.close.button': 'Close week {previous}',
  'meeting.close.closed': 'Weeks up to {previous} closed for scoring by {who} on {when}.',
  'meeting.close.open': 'Open again',
  'meeting.close.openHint': 'Administrators only: scores of those weeks can be changed again.',
  'meeting.close.doneClosed': 'Week {previous} closed.',
  'meeting.close.doneOpened': 'Weeks before {week} are open for scoring again.',
  'meeting.close.futureWeek': 'This week has not started yet; it can be closed from its first day.',
}
