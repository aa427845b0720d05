// The English text of the leaf components that work without <MfaProvider> (CodeInput,
// MfaMethodPicker), one object each: a page with only a CodeInput bundles these three strings,
// not the catalog. en.ts spreads them, so the key lists stay one.

export const enCodeInput = {
  'codeInput.label': 'Verification code',
  'codeInput.description': 'Enter the {length}-digit code.',
  'codeInput.slotsLabel': '{filled} of {length} digits entered',
} satisfies Record<string, string>;

export const enMethodPicker = {
  'methods.label': 'Verification method',
  'methods.totp': 'Authenticator app',
  'methods.totpDescription': 'A code from an app such as Google Authenticator or 1Password.',
  'methods.totpNote': 'Recommended: works offline and cannot be intercepted.',
  'methods.sms': 'Text message (SMS)',
  'methods.smsDescription': 'A code sent to your phone.',
  'methods.smsNote': 'Less secure: text messages can be redirected by SIM swapping.',
  'methods.email': 'Email',
  'methods.emailDescription': 'A code sent to your email address.',
  'methods.emailNote': 'As safe as your email account.',
} satisfies Record<string, string>;
