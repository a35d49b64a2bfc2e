export const en = {
  'auth.signInTitle': 'Sign in',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 12 characters.',
  'auth.displayName': 'Name',
  'auth.submit': 'Sign in',
  'auth.invalid': 'Email or password is not correct.',
  'auth.rateLimitedAccountAddress': 'Too many failed sign-ins for this account from your network. Try again in {minutes} minutes.',
  'auth.rateLimitedAccount':
    'Too many failed sign-ins for this account from many places. Try again in {minutes} minutes, or from a network you have signed in from before.',
  'auth.rateLimitedIp': 'Too many failed sign-ins from your network. Try again in {minutes} minutes.',
  'auth.signedOut': 'You are signed out.',
  'auth.mustSignIn': 'Please sign in to continue.',
}
