// English that travels with its components (see enCore.ts).

/** RecoveryCodes, the recovery-code steps of sign-in and of step-up. */
export const enRecovery = {
  'recovery.title': 'Recovery codes',
  'recovery.saveTitle': 'Save your recovery codes',
  'recovery.saveIntro':
    'If you lose your authenticator, each code lets you sign in once. You will not see them again: keep them somewhere safe, such as a password manager.',
  'recovery.listLabel': 'Your recovery codes',
  'recovery.copyAll': 'Copy all',
  'recovery.copied': 'Codes copied.',
  'recovery.copyFailed': 'Could not copy. Select the codes and copy them yourself.',
  'recovery.download': 'Download .txt',
  'recovery.print': 'Print',
  'recovery.confirmSaved': 'I have saved these codes',
  'recovery.continue': 'Continue',
  'recovery.loading': 'Loading your recovery codes…',
  'recovery.generating': 'Generating recovery codes…',
  'recovery.none':
    'You have no recovery codes yet. Generate them so you can still sign in if you lose your authenticator.',
  'recovery.generate': 'Generate recovery codes',
  'recovery.remaining': '{remaining} of {total} codes left, created {date}.',
  'recovery.low':
    'Only {remaining, plural, one {# recovery code} other {# recovery codes}} left. Generate new ones soon.',
  'recovery.allUsed': 'You have used all your recovery codes. Generate new ones now.',
  'recovery.regenerateInSettings': 'You can do that in your security settings once you are signed in.',
  'recovery.regenerate': 'Generate new codes',
  'recovery.regenerateTitle': 'Generate new recovery codes?',
  'recovery.regenerateWarning': 'Your current recovery codes stop working as soon as the new ones are made.',
  'recovery.regenerateConfirm': 'Yes, generate new codes',
  'recovery.fileTitle': '{issuer} recovery codes',
  'recovery.fileAccount': 'Account: {account}',
  'recovery.fileCreated': 'Created: {date}',
  'recovery.fileHint': 'Each code can be used once. Generating new codes makes these stop working.',
  'recovery.redeemTitle': 'Sign in with a recovery code',
  'recovery.redeemIntro':
    'Enter one of the recovery codes you saved. You will then set up your authenticator app again.',
  'recovery.codeLabel': 'Recovery code',
  'recovery.codeHint': 'Like ABCDE-23456. Case, spaces and dashes do not matter.',
  'recovery.passwordLabel': 'Password',
  'recovery.redeem': 'Use recovery code',
  'recovery.redeeming': 'Checking…',
  'recovery.back': 'Back',
  'recovery.codeMalformed': 'A recovery code has 10 letters and digits, like ABCDE-23456.',
  'recovery.codeInvalid':
    'That recovery code is not correct, or the password is wrong. Check both and try again.',
  'recovery.codeInvalidCodeOnly': 'That recovery code is not correct. Check it and try again.',
  'recovery.codeUsed': 'That recovery code was already used. Each code works once: try another one.',
  'recovery.rateLimited':
    'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'recovery.reenrolIntro':
    'You signed in with a recovery code, so your old authenticator no longer works. Set up your authenticator app again.',
} satisfies Record<string, string>;
