import type {
  CodeDeliveryDetails,
  MfaMethod,
  SignInOutput,
  SignInStep,
  TotpSetupDetails,
} from '../../ports.js';
import type { MfaError } from '../errors.js';

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
  | { name: 'done' }
  | { name: 'host'; nextStep: SignInStep };

export interface SignInState {
  step: SignInUiStep;
  status: 'idle' | 'submitting';
  username: string;
  error?: MfaError;
  /** Wrong codes on this challenge so far; Cognito starts locking out after five. */
  failedAttempts: number;
}

export type SignInEvent =
  | { type: 'SUBMITTED'; username?: string }
  | { type: 'STEP_RECEIVED'; output: SignInOutput }
  | { type: 'FAILED'; error: MfaError }
  | { type: 'RESTARTED' };

export const FREE_CODE_ATTEMPTS = 5;

export const initialSignInState = (username = ''): SignInState => ({
  step: { name: 'credentials' },
  status: 'idle',
  username,
  failedAttempts: 0,
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
    default:
      return { name: 'host', nextStep: next };
  }
}

const sessionEnding: ReadonlySet<MfaError['code']> = new Set(['SESSION_EXPIRED']);

export function signInReducer(state: SignInState, event: SignInEvent): SignInState {
  switch (event.type) {
    case 'SUBMITTED':
      if (state.status === 'submitting') return state;
      return { ...state, status: 'submitting', error: undefined, username: event.username ?? state.username };
    case 'STEP_RECEIVED': {
      const step = stepFromOutput(event.output);
      const sameChallenge = step.name === state.step.name;
      return {
        ...state,
        status: 'idle',
        step,
        error: undefined,
        failedAttempts: sameChallenge ? state.failedAttempts : 0,
      };
    }
    case 'FAILED': {
      const { error } = event;
      // An expired challenge cannot be retried: back to the password, username kept.
      if (sessionEnding.has(error.code) && state.step.name !== 'credentials') {
        return { ...initialSignInState(state.username), error };
      }
      const wrongCode = error.code === 'CODE_MISMATCH' || error.code === 'TOTP_SETUP_FAILED';
      return {
        ...state,
        status: 'idle',
        error,
        failedAttempts: wrongCode ? state.failedAttempts + 1 : state.failedAttempts,
      };
    }
    case 'RESTARTED':
      return initialSignInState(state.username);
  }
}

/** Attempts left before Cognito's lockout starts, or undefined when no code was wrong yet. */
export function attemptsLeft(state: SignInState): number | undefined {
  return state.failedAttempts === 0 ? undefined : Math.max(FREE_CODE_ATTEMPTS - state.failedAttempts, 0);
}
