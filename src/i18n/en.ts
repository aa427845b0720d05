/** English catalog: the source of truth for message keys. Other locales must provide every key. */
export const en = {
  'common.continue': 'Continue',
  'common.cancel': 'Cancel',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.verify': 'Verify',
  'common.back': 'Back',
  'common.close': 'Close',

  'codeInput.label': 'Verification code',
  'codeInput.description': 'Enter the {length}-digit code.',
  'codeInput.slotsLabel': '{filled} of {length} digits entered',

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
  'error.network': 'We could not reach the server. Check your connection and try again.',
  'error.unknown': 'Something went wrong. Try again.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
