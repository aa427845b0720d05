import { endsSession } from '../codeRules.js';
import type { MfaError } from '../errors.js';

/**
 * TOTP enrolment as a pure reducer. The secret and the last typed code survive every failure
 * that can be retried; only an expired session drops the secret, because a new one is needed.
 */
export type TotpSetupState =
  | { status: 'loading-secret' }
  | { status: 'scan'; secret: string; error?: MfaError; lastCode?: string }
  | { status: 'verifying'; secret: string; code: string }
  | { status: 'failed'; error: MfaError }
  | { status: 'done'; secret: string };

export type TotpSetupAction =
  | { type: 'SECRET_REQUESTED' }
  | { type: 'SECRET_RECEIVED'; secret: string }
  | { type: 'SECRET_FAILED'; error: MfaError }
  | { type: 'VERIFY_REQUESTED'; code: string }
  | { type: 'VERIFY_FAILED'; error: MfaError }
  | { type: 'VERIFIED' };

export const initialTotpSetupState = (secret?: string): TotpSetupState =>
  secret ? { status: 'scan', secret } : { status: 'loading-secret' };

export function totpSetupReducer(state: TotpSetupState, action: TotpSetupAction): TotpSetupState {
  switch (action.type) {
    case 'SECRET_REQUESTED':
      return { status: 'loading-secret' };
    case 'SECRET_RECEIVED':
      return state.status === 'loading-secret' ? { status: 'scan', secret: action.secret } : state;
    case 'SECRET_FAILED':
      return state.status === 'loading-secret' ? { status: 'failed', error: action.error } : state;
    case 'VERIFY_REQUESTED':
      // Ignored unless waiting for a code: a second submit while verifying does nothing.
      return state.status === 'scan'
        ? { status: 'verifying', secret: state.secret, code: action.code }
        : state;
    case 'VERIFY_FAILED':
      if (state.status !== 'verifying') return state;
      // This secret can no longer be verified: setup must start again.
      if (endsSession(action.error)) return { status: 'failed', error: action.error };
      return { status: 'scan', secret: state.secret, error: action.error, lastCode: state.code };
    case 'VERIFIED':
      return state.status === 'verifying' ? { status: 'done', secret: state.secret } : state;
  }
}
