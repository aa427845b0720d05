import { describe, expect, it } from 'vitest';
import { MfaError } from '../../src/core/errors';
import { closedStepUp, stepUpReducer as reduce } from '../../src/core/flows/stepUp';
import { isStepUpFresh, requiresStepUp } from '../../src/core/policy';

const challenge = { method: 'TOTP', requiresPassword: false } as const;
const awaiting = reduce(reduce(closedStepUp, { type: 'OPENED', reason: 'Export data' }), {
  type: 'CHALLENGE_READY',
  challenge,
});

describe('step-up policy', () => {
  it('steps up strictly above the threshold (70 by default)', () => {
    expect(requiresStepUp(70)).toBe(false);
    expect(requiresStepUp(71)).toBe(true);
    expect(requiresStepUp(50, 40)).toBe(true);
  });

  it('reuses a verification only within the freshness window', () => {
    expect(isStepUpFresh(1_000, 1_000 + 300_000)).toBe(true);
    expect(isStepUpFresh(1_000, 1_000 + 300_001)).toBe(false);
    expect(isStepUpFresh(undefined, 1_000)).toBe(false);
    expect(isStepUpFresh(5_000, 1_000)).toBe(false);
  });
});

describe('stepUpReducer', () => {
  it('opens once, then waits for the code with the reason kept', () => {
    expect(awaiting).toEqual({
      status: 'awaiting-code',
      reason: 'Export data',
      challenge,
      failedAttempts: 0,
    });
    expect(reduce(awaiting, { type: 'OPENED', reason: 'Other' })).toBe(awaiting);
  });

  it('counts wrong codes and keeps other failures retryable', () => {
    const verifying = reduce(awaiting, { type: 'VERIFY_REQUESTED' });
    expect(reduce(verifying, { type: 'VERIFY_REQUESTED' })).toBe(verifying);
    const wrong = reduce(verifying, { type: 'VERIFY_FAILED', error: new MfaError('CODE_MISMATCH') });
    expect(wrong).toMatchObject({ status: 'awaiting-code', failedAttempts: 1 });
    const network = reduce(reduce(wrong, { type: 'VERIFY_REQUESTED' }), {
      type: 'VERIFY_FAILED',
      error: new MfaError('NETWORK'),
    });
    expect(network).toMatchObject({ status: 'awaiting-code', failedAttempts: 1, error: { code: 'NETWORK' } });
  });

  it('reports a verifier that cannot start, and closes from anywhere', () => {
    const starting = reduce(closedStepUp, { type: 'OPENED' });
    const error = new MfaError('NETWORK');
    expect(reduce(starting, { type: 'START_FAILED', error })).toEqual({
      status: 'unavailable',
      reason: undefined,
      error,
    });
    expect(reduce(awaiting, { type: 'CLOSED' })).toBe(closedStepUp);
  });
});
