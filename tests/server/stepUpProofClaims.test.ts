// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  cognitoUserHasMfa,
  type StepUpIdentity,
  StepUpProofError,
  verifyStepUpProof,
} from '../../src/server/verifyStepUpProof';
import { localIssuer } from './support/localIssuer';

/**
 * Issue 21: the checks verifyStepUpProof makes itself, on tokens signed by the pool's key that
 * Cognito would never issue — so each check is shown to matter, not only aws-jwt-verify's.
 */
const pool = localIssuer();
const clientId = 'client-a';
const NOW = 1_800_000_000_000;
const nowSeconds = NOW / 1000;
const options = {
  userPoolId: pool.userPoolId,
  issuer: pool.issuer,
  jwks: pool.jwks as never,
  clientId,
  maxAgeSeconds: 300,
  now: () => NOW,
};
const idClaims = {
  token_use: 'id',
  aud: clientId,
  sub: 'sub-alice',
  'cognito:username': 'alice',
  auth_time: nowSeconds - 10,
};
const idToken = (claims: Record<string, unknown> = {}) => pool.token({ ...idClaims, ...claims }, nowSeconds);

async function refusal(token: string, extra: Partial<Parameters<typeof verifyStepUpProof>[1]> = {}) {
  const error = await verifyStepUpProof(token, { ...options, ...extra }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StepUpProofError);
  return error as StepUpProofError;
}

describe('verifyStepUpProof: what it returns for a good proof', () => {
  it('returns sub, the Cognito username and auth_time in milliseconds', async () => {
    await expect(verifyStepUpProof(idToken(), options)).resolves.toEqual({
      sub: 'sub-alice',
      username: 'alice',
      authTime: (nowSeconds - 10) * 1000,
    });
  });

  it('falls back to sub when cognito:username is missing or not a string', async () => {
    const without = await verifyStepUpProof(idToken({ 'cognito:username': undefined }), options);
    expect(without.username).toBe('sub-alice');
    const numeric = await verifyStepUpProof(idToken({ 'cognito:username': 42 }), options);
    expect(numeric.username).toBe('sub-alice');
  });

  it('uses the real clock when no now() is given', async () => {
    const fresh = pool.token({ ...idClaims, auth_time: Math.floor(Date.now() / 1000) - 5 });
    const { now: _now, ...realClock } = options;
    await expect(verifyStepUpProof(fresh, realClock)).resolves.toMatchObject({ username: 'alice' });
    const old = pool.token({ ...idClaims, auth_time: nowSeconds - 10 });
    // NOW is in 2027: against the real clock this auth_time lies in the future.
    expect((await refusal(old, { now: undefined })).message).toMatch(/future/);
  });
});

describe('verifyStepUpProof: what it refuses', () => {
  it('refuses a token that is not valid for this pool and client as invalid, keeping the cause', async () => {
    const other = localIssuer().token({ ...idClaims }, nowSeconds);
    const foreign = await refusal(other);
    expect(foreign.reason).toBe('invalid');
    expect(foreign.name).toBe('StepUpProofError');
    expect(foreign.cause).toBeInstanceOf(Error);
    expect(foreign.message).toBe('The step-up proof is not a valid token for this pool.');
    expect((await refusal(idToken({ aud: 'client-b' }))).reason).toBe('invalid');
  });

  it('refuses an access token signed by the pool even when it names the client as audience', async () => {
    for (const token_use of ['access', undefined, 'ID']) {
      const error = await refusal(idToken({ token_use }));
      expect(error.reason).toBe('invalid');
      expect(error.message).toBe('The step-up proof must be an ID token.');
    }
  });

  it('refuses a proof without a numeric auth_time or a string sub', async () => {
    for (const claims of [
      { auth_time: undefined },
      { auth_time: String(nowSeconds - 10) },
      { sub: undefined },
    ]) {
      const error = await refusal(idToken(claims));
      expect(error.reason).toBe('invalid');
      expect(error.message).toBe('The step-up proof has no auth_time or sub.');
    }
  });

  it('refuses a sub that is not a string (aws-jwt-verify already does)', async () => {
    expect((await refusal(idToken({ sub: 7 }))).reason).toBe('invalid');
  });

  it('tolerates one minute of clock skew for auth_time ahead of the server, and no more', async () => {
    await expect(verifyStepUpProof(idToken({ auth_time: nowSeconds + 60 }), options)).resolves.toBeDefined();
    const ahead = await refusal(idToken({ auth_time: nowSeconds + 61 }));
    expect(ahead.reason).toBe('invalid');
    expect(ahead.message).toBe('The step-up proof has an auth_time in the future.');
  });

  it('refuses when the age cannot be computed (a clock that returns NaN)', async () => {
    const error = await refusal(idToken(), { now: () => Number.NaN });
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/future/);
  });

  it('answers stale, not invalid, past maxAgeSeconds — and accepts exactly maxAgeSeconds', async () => {
    await expect(verifyStepUpProof(idToken({ auth_time: nowSeconds - 300 }), options)).resolves.toBeDefined();
    const stale = await refusal(idToken({ auth_time: nowSeconds - 301 }));
    expect(stale.reason).toBe('stale');
    expect(stale.message).toBe('The step-up is 301 s old; at most 300 s is accepted.');
  });

  it('asks requireMfa about the identity and refuses when it says no', async () => {
    const requireMfa = vi.fn((_identity: StepUpIdentity) => false);
    const error = await refusal(idToken(), { requireMfa });
    expect(error.reason).toBe('invalid');
    expect(error.message).toBe('The user has no MFA, so the proof shows only a password.');
    expect(requireMfa).toHaveBeenCalledWith({
      sub: 'sub-alice',
      username: 'alice',
      authTime: (nowSeconds - 10) * 1000,
    });
    await expect(
      verifyStepUpProof(idToken(), { ...options, requireMfa: async () => true }),
    ).resolves.toMatchObject({ username: 'alice' });
  });
});

describe('cognitoUserHasMfa', () => {
  function fakeCognito(list: string[] | undefined) {
    const send = vi.fn(async (_command: { input: unknown }) => ({ UserMFASettingList: list }));
    return { send, cognito: { send } as never };
  }
  const identity = { sub: 'sub-alice', username: 'alice', authTime: NOW };

  it('asks AdminGetUser for the user and is true only with at least one MFA method', async () => {
    const some = fakeCognito(['SOFTWARE_TOKEN_MFA']);
    await expect(cognitoUserHasMfa({ cognito: some.cognito, userPoolId: 'pool-1' })(identity)).resolves.toBe(
      true,
    );
    const command = some.send.mock.calls[0]?.[0];
    expect(command?.constructor.name).toBe('AdminGetUserCommand');
    expect(command?.input).toEqual({ UserPoolId: 'pool-1', Username: 'alice' });
    const none = fakeCognito([]);
    await expect(cognitoUserHasMfa({ cognito: none.cognito, userPoolId: 'pool-1' })(identity)).resolves.toBe(
      false,
    );
    const absent = fakeCognito(undefined);
    await expect(
      cognitoUserHasMfa({ cognito: absent.cognito, userPoolId: 'pool-1' })(identity),
    ).resolves.toBe(false);
  });
});
