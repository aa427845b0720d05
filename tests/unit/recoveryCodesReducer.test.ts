import { describe, expect, it } from 'vitest';
import { MfaError } from '../../src/core/errors';
import {
  initialRecoveryCodesState,
  isLowOnCodes,
  LOW_RECOVERY_CODES,
  type RecoveryCodesState,
  recoveryCodesReducer,
} from '../../src/core/flows/recoveryCodes';

/** Issue 21: every transition of the recovery-codes reducer. */
const summary = { remaining: 7, total: 10, createdAt: '2027-01-01T00:00:00.000Z' };
const set = { codes: ['ABCDE-23456', 'FGHJK-789AB'], createdAt: '2027-02-01T00:00:00.000Z' };
const failed: RecoveryCodesState = {
  status: 'error',
  summary,
  error: new MfaError('NETWORK'),
  failed: 'generate',
};

describe('recoveryCodesReducer', () => {
  it('starts loading', () => {
    expect(initialRecoveryCodesState).toEqual({ status: 'loading' });
  });

  it('LOAD_STARTED: loading again, error and failed step cleared, summary kept', () => {
    expect(recoveryCodesReducer(failed, { type: 'LOAD_STARTED' })).toEqual({
      status: 'loading',
      summary,
      error: undefined,
      failed: undefined,
    });
  });

  it('LOADED: ready with the summary', () => {
    expect(recoveryCodesReducer({ status: 'loading' }, { type: 'LOADED', summary })).toEqual({
      status: 'ready',
      summary,
    });
  });

  it('GENERATE_STARTED: generating with the error cleared; ignored while already generating', () => {
    expect(recoveryCodesReducer(failed, { type: 'GENERATE_STARTED' })).toEqual({
      status: 'generating',
      summary,
      error: undefined,
      failed: undefined,
    });
    const busy: RecoveryCodesState = { status: 'generating', summary, error: new MfaError('NETWORK') };
    expect(recoveryCodesReducer(busy, { type: 'GENERATE_STARTED' })).toBe(busy);
  });

  it('GENERATED: ready, the fresh set shown, the summary counting all of it, nothing else kept', () => {
    const busy: RecoveryCodesState = {
      status: 'generating',
      summary,
      error: new MfaError('NETWORK'),
      failed: 'status',
    };
    expect(recoveryCodesReducer(busy, { type: 'GENERATED', set })).toEqual({
      status: 'ready',
      fresh: set,
      summary: { remaining: 2, total: 2, createdAt: set.createdAt },
    });
  });

  it('GENERATE_CANCELLED: back to ready with everything else as it was', () => {
    const busy: RecoveryCodesState = { status: 'generating', summary };
    expect(recoveryCodesReducer(busy, { type: 'GENERATE_CANCELLED' })).toEqual({ status: 'ready', summary });
  });

  it('FAILED: error with what failed, the existing summary kept', () => {
    const error = new MfaError('TOO_MANY_REQUESTS');
    expect(
      recoveryCodesReducer({ status: 'generating', summary }, { type: 'FAILED', error, during: 'generate' }),
    ).toEqual({ status: 'error', summary, error, failed: 'generate' });
    expect(recoveryCodesReducer({ status: 'loading' }, { type: 'FAILED', error, during: 'status' })).toEqual({
      status: 'error',
      error,
      failed: 'status',
    });
  });

  it('ACKNOWLEDGED: drops the plaintext set, keeps the summary', () => {
    const shown: RecoveryCodesState = { status: 'ready', fresh: set, summary };
    expect(recoveryCodesReducer(shown, { type: 'ACKNOWLEDGED' })).toEqual({
      status: 'ready',
      fresh: undefined,
      summary,
    });
  });
});

describe('isLowOnCodes', () => {
  it('warns at three unused codes or fewer, only when codes exist', () => {
    expect(LOW_RECOVERY_CODES).toBe(3);
    expect(isLowOnCodes(undefined)).toBe(false);
    expect(isLowOnCodes({ remaining: 0, total: 0 })).toBe(false);
    expect(isLowOnCodes({ remaining: 4, total: 10 })).toBe(false);
    expect(isLowOnCodes({ remaining: 3, total: 10 })).toBe(true);
    expect(isLowOnCodes({ remaining: 0, total: 10 })).toBe(true);
  });
});
