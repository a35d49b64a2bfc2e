export const en = {
  'validation.required': 'Required.',
  'validation.email': 'Enter a valid email address.',
  'validation.passwordShort': 'Use at least 12 characters.',
  'validation.passwordLong': 'Use at most 200 characters.',
  'validation.tooLong': 'Too long (at most {max} characters).',
  'validation.choice': 'Choose one of the options.',
  'validation.invalid': 'This value is not valid.',
}
