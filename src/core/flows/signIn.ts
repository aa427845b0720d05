import type {
  CodeDeliveryDetails,
  MfaMethod,
  SignInOutput,
  SignInStep,
  TotpSetupDetails,
} from '../../ports.js';
import { endsSession, isWrongCode, lockoutMs } from '../codeRules.js';
import { MfaError } from '../errors.js';
import type { RecoveryRefusal } from '../recovery.js';

/**
 * Sign-in as a pure reducer. Amplify's `nextStep.signInStep` is mapped once, here, to an explicit
 * `step` the UI renders; steps mfa-kit does not handle are handed to the host untouched.
 */
export type SignInUiStep =
  | { name: 'credentials' }
  | { name: 'code'; method: MfaMethod; codeDeliveryDetails?: CodeDeliveryDetails }
  | { name: 'select-method'; methods: MfaMethod[] }
  | { name: 'select-setup-method'; methods: MfaMethod[] }
  | { name: 'totp-setup'; totpSetupDetails: TotpSetupDetails }
  | { name: 'email-setup' }
  /** An admin-created user signs in with a temporary password: choose a new one (and give missing attributes). */
  | { name: 'new-password'; missingAttributes: string[] }
  | { name: 'done' }
  | { name: 'host'; nextStep: SignInStep }
  /** The user lost their factor and redeems a recovery code (the password is asked when not kept). */
  | { name: 'recovery-code'; needsPassword: boolean }
  /** Signed in after a recovery code: enrol an authenticator again before going on. */
  | { name: 'recovery-enrol' }
  /** Signed in after enrolling (or re-enrolling): show the new recovery codes once. */
  | { name: 'recovery-codes' };

export interface SignInState {
  step: SignInUiStep;
  status: 'idle' | 'submitting';
  username: string;
  error?: MfaError;
  /** Wrong codes on this challenge so far; Cognito starts locking out after five. */
  failedAttempts: number;
  /** The challenge to return to when the user leaves the recovery-code step. */
  resumeStep?: SignInUiStep;
  /** A recovery code was redeemed in this sign-in: MFA was reset and must be set up again. */
  recovering: boolean;
  recoveryRefusal?: RecoveryRefusal;
  /** Epoch ms until which Cognito refuses attempts (estimated from its lockout rule), if locked. */
  lockedUntil?: number;
  /** Cognito offered a choice of method earlier in this sign-in ("Try another way" may ask again). */
  offeredChoice?: boolean;
  /** Epoch ms from which an SMS or email code may be sent again. */
  resendAvailableAt?: number;
  /** The code on screen was just resent. */
  codeResent?: boolean;
}

export type SignInAction =
  /** `fresh`: a sign-in with newly typed credentials, so an earlier offered choice no longer counts. */
  | { type: 'SUBMITTED'; username?: string; fresh?: boolean }
  /** `resent`: the answer to "Resend code"; `resendAvailableAt`: when the next resend is allowed. */
  | { type: 'STEP_RECEIVED'; output: SignInOutput; resent?: boolean; resendAvailableAt?: number }
  /** `at`: the time of the failure, from which a lockout is estimated. */
  | { type: 'FAILED'; error: MfaError; at?: number }
  | { type: 'RESTARTED' }
  | { type: 'RECOVERY_REQUESTED'; needsPassword: boolean }
  | { type: 'RECOVERY_CANCELLED' }
  | { type: 'RECOVERY_REFUSED'; refusal: RecoveryRefusal }
  | { type: 'RECOVERY_REDEEMED' }
  /** Signed in, with one more step before the host hears of it. */
  | { type: 'FOLLOW_UP'; step: 'recovery-enrol' | 'recovery-codes' };

export const initialSignInState = (username = ''): SignInState => ({
  step: { name: 'credentials' },
  status: 'idle',
  username,
  failedAttempts: 0,
  recovering: false,
});

export function stepFromOutput(output: SignInOutput): SignInUiStep {
  const next = output.nextStep;
  switch (next.signInStep) {
    case 'DONE':
      return { name: 'done' };
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      return { name: 'code', method: 'TOTP' };
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return { name: 'code', method: 'SMS', codeDeliveryDetails: next.codeDeliveryDetails };
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return { name: 'code', method: 'EMAIL', codeDeliveryDetails: next.codeDeliveryDetails };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return { name: 'select-method', methods: next.allowedMFATypes ?? [] };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
      // Cognito never offers SMS for setup during sign-in.
      return {
        name: 'select-setup-method',
        methods: (next.allowedMFATypes ?? []).filter((m) => m !== 'SMS'),
      };
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
      return { name: 'totp-setup', totpSetupDetails: next.totpSetupDetails };
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
      return { name: 'email-setup' };
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return { name: 'new-password', missingAttributes: next.missingAttributes ?? [] };
    default:
      return { name: 'host', nextStep: next };
  }
}

export function signInReducer(state: SignInState, action: SignInAction): SignInState {
  switch (action.type) {
    case 'SUBMITTED':
      if (state.status === 'submitting') return state;
      return {
        ...state,
        status: 'submitting',
        error: undefined,
        recoveryRefusal: undefined,
        username: action.username ?? state.username,
        offeredChoice: action.fresh ? undefined : state.offeredChoice,
      };
    case 'STEP_RECEIVED': {
      const step = stepFromOutput(action.output);
      const sameChallenge = step.name === state.step.name;
      return {
        ...state,
        status: 'idle',
        step,
        error: undefined,
        failedAttempts: sameChallenge ? state.failedAttempts : 0,
        lockedUntil: undefined,
        offeredChoice: step.name === 'select-method' ? true : state.offeredChoice,
        resendAvailableAt: action.resendAvailableAt,
        codeResent: action.resent,
      };
    }
    case 'FAILED': {
      const { error } = action;
      // An expired challenge cannot be retried: back to the password, username kept.
      if (endsSession(error) && state.step.name !== 'credentials') {
        return { ...initialSignInState(state.username), error };
      }
      return {
        ...state,
        status: 'idle',
        error,
        failedAttempts: isWrongCode(error) ? state.failedAttempts + 1 : state.failedAttempts,
        lockedUntil:
          error.code === 'LOCKED_OUT' && action.at !== undefined
            ? action.at + lockoutMs(state.failedAttempts + 1)
            : state.lockedUntil,
      };
    }
    case 'RESTARTED':
      return initialSignInState(state.username);
    case 'RECOVERY_REQUESTED':
      return {
        ...state,
        step: { name: 'recovery-code', needsPassword: action.needsPassword },
        resumeStep: state.step.name === 'recovery-code' ? state.resumeStep : state.step,
        error: undefined,
        recoveryRefusal: undefined,
      };
    case 'RECOVERY_CANCELLED':
      return {
        ...state,
        step: state.resumeStep ?? { name: 'credentials' },
        resumeStep: undefined,
        status: 'idle',
        error: undefined,
        recoveryRefusal: undefined,
      };
    case 'RECOVERY_REFUSED':
      return { ...state, status: 'idle', recoveryRefusal: action.refusal };
    case 'RECOVERY_REDEEMED':
      return { ...state, recovering: true, resumeStep: undefined, failedAttempts: 0 };
    case 'FOLLOW_UP':
      return {
        ...state,
        status: 'idle',
        step: { name: action.step },
        error: undefined,
        lockedUntil: undefined,
        resendAvailableAt: undefined,
      };
  }
}

/**
 * `InvalidPasswordException` means two things: cognito-local's wrong password at sign-in, and
 * Cognito refusing a new password for its policy. At the new-password step it is the latter.
 */
export function signInError(error: MfaError, step: SignInUiStep['name']): MfaError {
  const causeName = (error.cause as { name?: unknown } | undefined)?.name;
  return step === 'new-password' && causeName === 'InvalidPasswordException'
    ? new MfaError('INVALID_PASSWORD', { cause: error.cause })
    : error;
}
