import type { MfaError } from '../core/errors.js';
import type { SignInState } from '../core/flows/signIn.js';
import type { MfaMethod, SignInOutput, SignInStep } from '../ports.js';

export interface UseMfaSignInOptions {
  /** A `nextStep` from the host's own `signIn()`: start at that step instead of the password form. */
  defaultStep?: SignInStep;
  defaultUsername?: string;
  /** After DONE (and after remembering the device when asked). */
  onSignedIn?: (output: SignInOutput) => void;
  /** Steps mfa-kit does not handle (custom challenge, reset password, passwordless first factor). */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  /**
   * The account exists but its sign-up was never confirmed (`UserNotConfirmedException`, which
   * Amplify turns into the CONFIRM_SIGN_UP step). The host routes to its confirmation screen.
   */
  onUserNotConfirmed?: (username: string) => void;
  /** Seconds before an SMS or email code can be sent again. Default 30. */
  resendCooldownSeconds?: number;
}

/** The answer to CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED. */
export interface NewPasswordInput {
  password: string;
  /** Values for the attributes Cognito listed in `missingAttributes`, by attribute name. */
  attributes?: Record<string, string>;
}

export interface MfaSignInApi {
  state: SignInState;
  step: SignInState['step'];
  status: SignInState['status'];
  error: MfaError | undefined;
  attemptsLeft: number | undefined;
  /** Epoch ms until which Cognito refuses attempts (estimated from its lockout rule), if locked. */
  lockedUntil: number | undefined;
  /** Whether to remember this device after sign-in succeeds. */
  rememberDevice: boolean;
  setRememberDevice(remember: boolean): void;
  signIn(credentials: { username: string; password: string }): void;
  submitCode(code: string): void;
  selectMethod(method: MfaMethod): void;
  submitEmail(email: string): void;
  /** Sets the new password (and missing attributes) of a user who signed in with a temporary one. */
  submitNewPassword(input: NewPasswordInput): void;
  /** Back to the password form, username kept: the pending challenge is abandoned. */
  restart(): void;
  /** Whether "Resend code" is possible: an SMS or email code step, with the password still in memory. */
  canResendCode: boolean;
  /** Epoch ms from which the code may be sent again (the cooldown), on SMS and email code steps. */
  resendAvailableAt: number | undefined;
  /** Sends a new SMS or email code by signing in again; the previous code stops working. */
  resendCode(): void;
  /** The code on screen was just resent. */
  codeResent: boolean;
  /** Repeats the last call after a failure that can be retried. */
  retry(): void;
  /** Signs out the current user (after ALREADY_SIGNED_IN). */
  signOut(): void;
  /** Continues with an output obtained elsewhere (TotpSetup answers its step itself). */
  continueWith(output: SignInOutput): void;
  /**
   * Whether the user may switch to another method: Cognito offered a choice earlier in this
   * sign-in and the password is still in memory to ask again.
   */
  canTryAnotherWay: boolean;
  /** Signs in again with the same credentials so Cognito offers the method choice again. */
  tryAnotherWay(): void;
  /** The provider has a recovery-code adapter, so a lost authenticator can be bypassed once. */
  canUseRecoveryCode: boolean;
  /** Opens the recovery-code step (asking for the password when it is not kept). */
  startRecovery(): void;
  /** Back to the challenge the user came from. */
  cancelRecovery(): void;
  /** Redeems a code, then signs in again with the same credentials; MFA must be set up anew. */
  redeemRecoveryCode(input: { code: string; password?: string }): void;
  /** The authenticator was enrolled again after recovery: show the new codes next. */
  finishRecoveryEnrolment(): void;
  /** The user saved the new codes: sign-in is complete. */
  finishRecoveryCodes(): void;
}
