// A meeting that covers several themes.
export const en = {
  'meeting.themes.pick': 'Themes in this meeting (+{count})',
  'meeting.themes.legend': 'Also cover, after this theme:',
  'meeting.themes.save': 'Save themes',
  'meeting.themes.part': 'Theme {n} of {count}',
  'meeting.themes.unknown': 'One of the chosen themes does not exist or is archived.',
}
