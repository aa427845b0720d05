// English that travels with its components (see enCore.ts).

/** The MFA steps of sign-in (MfaChallenge, and SignIn after the password). */
export const enChallenge = {
  'challenge.totpTitle': 'Enter the code from your authenticator app',
  'challenge.smsTitle': 'Enter the code we sent by text message',
  'challenge.emailTitle': 'Enter the code we sent by email',
  'challenge.verify': 'Verify',
  'challenge.verifying': 'Verifying…',
  'challenge.attemptsLeft':
    'Check the code carefully: {count, plural, one {# attempt} other {# attempts}} left before sign-in is paused for a while.',
  'challenge.lockedUntil':
    'Too many wrong codes. You can try again in {seconds, plural, one {# second} other {# seconds}}.',
  'challenge.tryAnotherWay': 'Try another way',
  'challenge.useRecoveryCode': 'Use a recovery code',
  'challenge.rememberDevice': 'Remember this device',
  'challenge.rememberDeviceHint':
    "Skip the code on this device for the period your organisation allows. Don't use on shared devices.",
  'challenge.selectTitle': 'How do you want to verify it is you?',
  'challenge.selectSetupTitle': 'Choose a second step to protect your account',
  'challenge.emailSetupTitle': 'Add an email address for sign-in codes',
  'challenge.emailLabel': 'Email address',
  'challenge.emailInvalid': 'Enter a valid email address, like name@example.com.',
  'challenge.sendCode': 'Send code',
  'challenge.signedIn': 'You are signed in.',
  'challenge.backToSignIn': 'Back to sign in',
  'challenge.resendCode': 'Resend code',
  'challenge.resendIn': 'Resend in {seconds} s',
  'challenge.codeResent': 'We sent a new code. The previous code no longer works.',
} satisfies Record<string, string>;
