/**
 * English that every <MfaProvider> carries: the sign-in form and the error messages. The rest travels
 * with the components that show it (enChallenge.ts, enTotpSetup.ts, …, enAdmin.ts; the leaves'
 * own in enLeaves.ts), so an app downloads only the text of what it renders.
 */
export const enCore = {
  'common.continue': 'Continue',
  'common.cancel': 'Cancel',
  'common.reload': 'Reload the page',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.verify': 'Verify',
  'common.back': 'Back',
  'common.close': 'Close',
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.usernameRequired': 'Enter your username.',
  'signIn.passwordRequired': 'Enter your password.',
  'challenge.startOver': 'Back to sign in',
  'challenge.sentTo': 'We sent a code to {destination}.',
  'challenge.signOut': 'Sign out',
  'error.mfaNotEnrolled': 'Set up two-step verification first: this action needs it.',
  'error.codeMismatch': 'That code is not correct. Check the code and try again.',
  'error.codeExpired': 'That code has expired. Request a new code and try again.',
  'error.sessionExpired': 'Your sign-in session expired. Start again to get a new one.',
  'error.lockedOut': 'Too many failed attempts. Wait a while before you try again.',
  'error.tooManyRequests': 'Too many requests. Wait a moment and try again.',
  'error.notAuthorized': 'Incorrect username or password.',
  'error.alreadySignedIn': 'You are already signed in. Sign out first to sign in as someone else.',
  'error.signedOut': 'You are signed out. Sign in to continue.',
  'error.totpSetupFailed': 'That code did not verify. Check your device clock and enter the newest code.',
  'error.passwordResetRequired': 'You need to reset your password before you can sign in.',
  'error.userNotConfirmed': 'Your account is not confirmed yet.',
  'error.invalidParameter': 'Some of the information sent was not accepted. Check it and try again.',
  'error.downloadFailed':
    'This part of the page could not be downloaded. Check your connection, then reload the page.',
  'error.network': 'We could not reach the server. Check your connection and try again.',
  'error.unknown': 'Something went wrong. Try again.',
  // describeError's text for Cognito's InvalidPasswordException (its key predates the split).
  'newPassword.policyRefused':
    'This password does not meet the account’s password rules. Choose another one.',
  'signIn.email': 'Email address',
  'signIn.phone': 'Phone number',
  'signIn.emailRequired': 'Enter your email address.',
  'signIn.phoneRequired': 'Enter your phone number.',
  'signIn.emailInvalid': 'Enter a valid email address, like name@example.com.',
  'signIn.phoneHint': 'Format: +[country code][number], like +14155550123.',
  'signIn.phoneInvalid':
    'Enter the number with its country code: +[country code][number], like +14155550123.',
  'signIn.userNotConfirmed':
    'This account is not confirmed yet. Confirm it with the code sent when you signed up, then sign in.',
} satisfies Record<string, string>;
