import type { MfaErrorCode } from '../core/errors.js';
import type { CoreMessageKey } from './en.js';

/** The catalog key that explains each error code to a user. */
export const errorMessageKeys: Record<MfaErrorCode, CoreMessageKey> = {
  CODE_MISMATCH: 'error.codeMismatch',
  CODE_EXPIRED: 'error.codeExpired',
  SESSION_EXPIRED: 'error.sessionExpired',
  LOCKED_OUT: 'error.lockedOut',
  TOO_MANY_REQUESTS: 'error.tooManyRequests',
  NOT_AUTHORIZED: 'error.notAuthorized',
  ALREADY_SIGNED_IN: 'error.alreadySignedIn',
  SIGNED_OUT: 'error.signedOut',
  TOTP_SETUP_FAILED: 'error.totpSetupFailed',
  PASSWORD_RESET_REQUIRED: 'error.passwordResetRequired',
  INVALID_PASSWORD: 'newPassword.policyRefused',
  USER_NOT_CONFIRMED: 'signIn.userNotConfirmed',
  INVALID_PARAMETER: 'error.invalidParameter',
  MFA_NOT_ENROLLED: 'error.mfaNotEnrolled',
  NETWORK: 'error.network',
  UNKNOWN: 'error.unknown',
};
