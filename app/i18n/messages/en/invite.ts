export const en = {
  'invite.acceptTitle': 'Join ThemeRadar',
  'invite.acceptIntro': 'You were invited as {role} with the email {email}. Choose your name and a password.',
  'invite.acceptSubmit': 'Create my account',
  'invite.invalid':
    'This invitation link is not valid: it was used, revoked or has expired (links last 7 days). Ask an administrator for a new one.',
}
