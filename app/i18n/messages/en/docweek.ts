// The documents list's week filter (what an alert or a mover links to).
export const en = {
  'docweek.label': 'Week',
}
