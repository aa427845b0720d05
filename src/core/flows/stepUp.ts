import type { StepUpChallenge } from '../../ports.js';
import { isWrongCode } from '../codeRules.js';
import type { MfaError } from '../errors.js';

/** The step-up prompt as a pure reducer: one prompt at a time, whatever number of actions wait on it. */
export type StepUpState =
  | { status: 'closed' }
  | { status: 'starting'; reason?: string }
  | {
      status: 'awaiting-code';
      reason?: string;
      challenge: StepUpChallenge;
      error?: MfaError;
      failedAttempts: number;
    }
  | { status: 'verifying'; reason?: string; challenge: StepUpChallenge; failedAttempts: number }
  | { status: 'unavailable'; reason?: string; error: MfaError };

export type StepUpAction =
  | { type: 'OPENED'; reason?: string }
  | { type: 'CHALLENGE_READY'; challenge: StepUpChallenge }
  | { type: 'START_FAILED'; error: MfaError }
  | { type: 'VERIFY_REQUESTED' }
  | { type: 'VERIFY_FAILED'; error: MfaError }
  /** The password was accepted: ask for the code the verifier now names. */
  | { type: 'CHALLENGE_CHANGED'; challenge: StepUpChallenge }
  | { type: 'CLOSED' };

export const closedStepUp: StepUpState = { status: 'closed' };

export function stepUpReducer(state: StepUpState, action: StepUpAction): StepUpState {
  switch (action.type) {
    case 'OPENED':
      return state.status === 'closed' ? { status: 'starting', reason: action.reason } : state;
    case 'CHALLENGE_READY':
      return state.status === 'starting'
        ? { status: 'awaiting-code', reason: state.reason, challenge: action.challenge, failedAttempts: 0 }
        : state;
    case 'START_FAILED':
      return state.status === 'starting'
        ? { status: 'unavailable', reason: state.reason, error: action.error }
        : state;
    case 'VERIFY_REQUESTED':
      return state.status === 'awaiting-code'
        ? {
            status: 'verifying',
            reason: state.reason,
            challenge: state.challenge,
            failedAttempts: state.failedAttempts,
          }
        : state;
    case 'VERIFY_FAILED': {
      if (state.status !== 'verifying') return state;
      return {
        status: 'awaiting-code',
        reason: state.reason,
        challenge: state.challenge,
        error: action.error,
        failedAttempts: state.failedAttempts + (isWrongCode(action.error) ? 1 : 0),
      };
    }
    case 'CHALLENGE_CHANGED':
      return state.status === 'verifying'
        ? { status: 'awaiting-code', reason: state.reason, challenge: action.challenge, failedAttempts: 0 }
        : state;
    case 'CLOSED':
      return closedStepUp;
  }
}
