export const en = {
  'error.notFoundTitle': 'Not found',
  'error.notFound': 'There is nothing at this address.',
  'error.forbiddenTitle': 'Not allowed',
  'error.forbidden': 'Your role ({role}) cannot do this. Ask an administrator if you need access.',
  'error.badRequestTitle': 'Please check the form',
  'error.serverTitle': 'Something went wrong',
  'error.server': 'The page could not be shown. The error was logged; please try again.',
  'error.goHome': 'Back to the themes',
  'error.tooLarge': 'The form is too large.',
  'error.unavailableTitle': 'Temporarily unavailable',
  'error.databaseUnavailable': 'The database is unavailable. Please try again in a moment.',
  'error.crossSiteTitle': 'Refused: sent from another site',
  'error.crossSite':
    'This form was sent from another site or address, so ThemeRadar did not accept it. Open ThemeRadar at its own address and try again.',
  'error.tooLargeTitle': 'Too large',
  'error.malformedForm': 'The form could not be read. Reload the page and send it again.',
  'error.nulCharacter': 'This field contains a NUL character (0x00), which cannot be saved. Remove it and try again.',
}
