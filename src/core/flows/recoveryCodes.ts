import type { RecoveryCodeSet, RecoveryCodesStatus } from '../../ports.js';
import type { MfaError } from '../errors.js';

/** Managing a signed-in user's recovery codes: read what is left, generate a set, show it once. */
export interface RecoveryCodesState {
  status: 'loading' | 'ready' | 'generating' | 'error';
  summary?: RecoveryCodesStatus;
  /** A set just generated: the only time the plaintext is known. Dropped once acknowledged. */
  fresh?: RecoveryCodeSet;
  error?: MfaError;
  /** What failed, so "Try again" repeats it. */
  failed?: 'status' | 'generate';
}

export type RecoveryCodesAction =
  | { type: 'LOAD_STARTED' }
  | { type: 'LOADED'; summary: RecoveryCodesStatus }
  | { type: 'GENERATE_STARTED' }
  | { type: 'GENERATED'; set: RecoveryCodeSet }
  | { type: 'GENERATE_CANCELLED' }
  | { type: 'FAILED'; error: MfaError; during: 'status' | 'generate' }
  | { type: 'ACKNOWLEDGED' };

/** At or below this many unused codes the user is warned to generate new ones. */
export const LOW_RECOVERY_CODES = 3;

export const initialRecoveryCodesState: RecoveryCodesState = { status: 'loading' };

export function recoveryCodesReducer(
  state: RecoveryCodesState,
  action: RecoveryCodesAction,
): RecoveryCodesState {
  switch (action.type) {
    case 'LOAD_STARTED':
      return { ...state, status: 'loading', error: undefined, failed: undefined };
    case 'LOADED':
      return { ...state, status: 'ready', summary: action.summary };
    case 'GENERATE_STARTED':
      if (state.status === 'generating') return state;
      return { ...state, status: 'generating', error: undefined, failed: undefined };
    case 'GENERATED':
      return {
        status: 'ready',
        fresh: action.set,
        summary: {
          remaining: action.set.codes.length,
          total: action.set.codes.length,
          createdAt: action.set.createdAt,
        },
      };
    case 'GENERATE_CANCELLED':
      return { ...state, status: 'ready' };
    case 'FAILED':
      // A failed regeneration leaves the existing codes, and their summary, as they were.
      return { ...state, status: 'error', error: action.error, failed: action.during };
    case 'ACKNOWLEDGED':
      return { ...state, fresh: undefined };
  }
}

export function isLowOnCodes(summary: RecoveryCodesStatus | undefined): boolean {
  return summary !== undefined && summary.total > 0 && summary.remaining <= LOW_RECOVERY_CODES;
}
