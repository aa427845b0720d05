// English that travels with its components (see enCore.ts).

/** StepUpDialog and its recovery form. */
export const enStepUp = {
  'stepUp.title': "Confirm it's you",
  'stepUp.reasonLead': 'To continue with: {reason}',
  'stepUp.totp': 'Enter the code from your authenticator app.',
  'stepUp.sms': 'Enter the code we sent by text message.',
  'stepUp.email': 'Enter the code we sent by email.',
  'stepUp.password': 'Password',
  'stepUp.confirm': 'Confirm',
  'stepUp.confirming': 'Confirming…',
  'stepUp.starting': 'Getting ready…',
  'stepUp.passwordFirst': 'Enter your password to continue. We will then ask for your verification code.',
  'stepUp.recoveryIntro':
    'Enter one of the recovery codes you saved and your password. This turns your authenticator app off: set it up again, then repeat this action.',
  'stepUp.attemptsLeft':
    '{count, plural, one {# attempt} other {# attempts}} left before verification is paused for a while.',
  'stepUp.lostAuthenticator': 'Lost your authenticator? Use a recovery code',
  'stepUp.recovered':
    'Recovery code accepted. Your authenticator app is now turned off: set it up again, then repeat this action.',
} satisfies Record<string, string>;
