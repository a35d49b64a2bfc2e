export const en = {
  'setup.title': 'Set up ThemeRadar',
  'setup.intro': 'This install has no accounts yet. Create the first administrator; you can invite the rest of the team afterwards.',
  'setup.submit': 'Create administrator',
  'setup.done': 'ThemeRadar is already set up. Sign in instead.',
}
