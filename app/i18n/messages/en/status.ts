export const en = {
  'status.active': 'Active',
  'status.watching': 'Watching',
  'status.archived': 'Archived',
}
