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
}
