// English that travels with its components (see enCore.ts).

/** TotpSetup (standalone, inside sign-in and in MfaGate). */
export const enTotpSetup = {
  'totpSetup.title': 'Set up your authenticator app',
  'totpSetup.intro': 'Use an app such as Google Authenticator, Microsoft Authenticator, Authy or 1Password.',
  'totpSetup.loading': 'Preparing your setup key…',
  'totpSetup.qrFailed': 'The QR code could not be downloaded. Enter the setup key instead, or try again.',
  'totpSetup.scanStep': 'Scan this QR code with your authenticator app.',
  'totpSetup.qrLabel': 'QR code to add {issuer} ({account}) to your authenticator app',
  'totpSetup.manualToggle': "Can't scan it? Enter a setup key instead",
  'totpSetup.manualHide': 'Hide the setup key',
  'totpSetup.manualIntro': 'In your app, choose to enter a setup key, then type this key.',
  'totpSetup.keyLabel': 'Setup key',
  'totpSetup.issuerLabel': 'Issuer',
  'totpSetup.accountLabel': 'Account',
  'totpSetup.typeLabel': 'Type',
  'totpSetup.typeValue': 'Time-based (TOTP), 6 digits, every 30 seconds',
  'totpSetup.copyKey': 'Copy key',
  'totpSetup.copied': 'Setup key copied.',
  'totpSetup.copyFailed': 'Could not copy. The key is selected: copy it yourself.',
  'totpSetup.codeStep': 'Enter the 6-digit code your app shows.',
  'totpSetup.deviceNameLabel': 'Name this authenticator (optional)',
  'totpSetup.verify': 'Verify and turn on',
  'totpSetup.verifying': 'Verifying…',
  'totpSetup.replaceWarning':
    'You already use an authenticator app. Once this one is verified, codes from the old one stop working.',
  'totpSetup.wrongCode':
    "That code didn't match. Check that your device sets its clock automatically, then enter the newest code: codes change every 30 seconds.",
  'totpSetup.sessionExpired': 'Your setup session expired. Start again to get a new key.',
  'totpSetup.startOver': 'Start again',
  'totpSetup.success': 'Your authenticator app is set up. You will be asked for a code when you sign in.',
} satisfies Record<string, string>;
