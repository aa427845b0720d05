import { describe, expect, it } from 'vitest';
import { MfaError } from '../../src/core/errors';
import { initialTotpSetupState, totpSetupReducer as reduce } from '../../src/core/flows/totpSetup';

const scan = { status: 'scan', secret: 'SECRET' } as const;
const verifying = reduce(scan, { type: 'VERIFY_REQUESTED', code: '123456' });

describe('totpSetupReducer', () => {
  it('starts loading a secret, or scanning one handed over by sign-in', () => {
    expect(initialTotpSetupState()).toEqual({ status: 'loading-secret' });
    expect(initialTotpSetupState('ABC')).toEqual({ status: 'scan', secret: 'ABC' });
  });

  it('moves from loading to scan, or to failed', () => {
    const loading = initialTotpSetupState();
    expect(reduce(loading, { type: 'SECRET_RECEIVED', secret: 'S' })).toEqual({
      status: 'scan',
      secret: 'S',
    });
    const error = new MfaError('NETWORK');
    expect(reduce(loading, { type: 'SECRET_FAILED', error })).toEqual({ status: 'failed', error });
  });

  it('verifies once: a second submit while verifying is ignored', () => {
    expect(verifying).toEqual({ status: 'verifying', secret: 'SECRET', code: '123456' });
    expect(reduce(verifying, { type: 'VERIFY_REQUESTED', code: '999999' })).toBe(verifying);
  });

  it('keeps the secret and the typed code after a wrong code or a network error', () => {
    for (const code of ['CODE_MISMATCH', 'TOTP_SETUP_FAILED', 'NETWORK', 'TOO_MANY_REQUESTS'] as const) {
      const error = new MfaError(code);
      expect(reduce(verifying, { type: 'VERIFY_FAILED', error })).toEqual({
        status: 'scan',
        secret: 'SECRET',
        error,
        lastCode: '123456',
      });
    }
  });

  it('drops the secret when the session is over', () => {
    const error = new MfaError('SESSION_EXPIRED');
    expect(reduce(verifying, { type: 'VERIFY_FAILED', error })).toEqual({ status: 'failed', error });
  });

  it('finishes only from verifying, and restarts to loading', () => {
    expect(reduce(verifying, { type: 'VERIFIED' })).toEqual({ status: 'done', secret: 'SECRET' });
    expect(reduce(scan, { type: 'VERIFIED' })).toBe(scan);
    expect(reduce(scan, { type: 'SECRET_REQUESTED' })).toEqual({ status: 'loading-secret' });
  });

  it('ignores late events that no longer apply', () => {
    expect(reduce(scan, { type: 'SECRET_RECEIVED', secret: 'OTHER' })).toBe(scan);
    expect(reduce(scan, { type: 'VERIFY_FAILED', error: new MfaError('NETWORK') })).toBe(scan);
  });
});
