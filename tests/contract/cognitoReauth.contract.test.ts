// @vitest-environment node
import { fetchAuthSession } from 'aws-amplify/auth';
import type { AuthClient } from 'mfa-kit';
import { cognitoReauthVerifier, stepUpRequirementFrom, toMfaError } from 'mfa-kit';
import { StepUpProofError, stepUpRequired, verifyStepUpProof } from 'mfa-kit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCode, wrongCode } from './support/authenticator';
import { cognitoLocalTarget } from './support/cognitoLocalTarget';
import type { ContractTarget } from './support/target';

const alice = { username: 'alice', password: 'Corr3ct-horse!' };

describe('cognitoReauthVerifier against cognito-local (USER_PASSWORD_AUTH)', () => {
  let target: ContractTarget;
  let client: AuthClient;
  let secret = '';
  let endpoint = '';
  let userPoolId = '';
  let clientId = '';

  beforeAll(async () => {
    target = await cognitoLocalTarget();
    client = await target.createPool({
      mfaConfiguration: 'OPTIONAL',
      users: [alice, { username: 'bob', password: alice.password }],
    });
    const config = (await import('aws-amplify')).Amplify.getConfig().Auth?.Cognito;
    endpoint = config?.userPoolEndpoint ?? '';
    userPoolId = config?.userPoolId ?? '';
    clientId = config?.userPoolClientId ?? '';
    await client.signIn(alice);
    ({ sharedSecret: secret } = await client.setUpTOTP());
    await client.verifyTOTPSetup({ code: phoneCode(secret) });
    await client.updateMFAPreference({ totp: 'PREFERRED' });
  });
  afterAll(async () => {
    await client?.signOut();
    await target?.dispose();
  });

  const verifierFor = (username: string) =>
    cognitoReauthVerifier({ userPoolId, clientId, endpoint, getUsername: () => username });

  it('re-authenticates with password and TOTP in a side session, leaving Amplify signed in as before', async () => {
    const before = (await fetchAuthSession()).tokens?.idToken?.toString();
    expect(before).toBeTruthy();
    const verifier = verifierFor('alice');
    expect(await verifier.begin()).toEqual({ method: 'TOTP', requiresPassword: true, passwordFirst: true });
    await expect(
      verifier.verify({ code: wrongCode(secret), password: alice.password }).catch(toMfaError),
    ).resolves.toMatchObject({
      code: 'CODE_MISMATCH',
    });
    const proof = await verifier.verify({ code: phoneCode(secret), password: alice.password });
    const claims = JSON.parse(Buffer.from(proof.token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ token_use: 'id', 'cognito:username': 'alice', aud: clientId });
    expect(Math.abs(Date.now() - proof.verifiedAt)).toBeLessThan(60_000);
    expect((await client.getCurrentUser()).username).toBe('alice');
    expect((await fetchAuthSession()).tokens?.idToken?.toString()).toBe(before);
  });

  it('verifyStepUpProof accepts the fresh ID token and refuses stale, foreign and forged ones', async () => {
    const proof = await verifierFor('alice').verify({ code: phoneCode(secret), password: alice.password });
    // aws-jwt-verify fetches JWKS over https only; cognito-local serves it over http, so hand it over.
    const jwks = await (await fetch(`${endpoint}/${userPoolId}/.well-known/jwks.json`)).json();
    const options = { userPoolId, clientId, maxAgeSeconds: 300, issuer: `${endpoint}/${userPoolId}`, jwks };
    expect(await verifyStepUpProof(proof.token, options)).toMatchObject({
      username: 'alice',
      authTime: proof.verifiedAt,
    });
    const later = () => proof.verifiedAt + 301_000;
    await expect(verifyStepUpProof(proof.token, { ...options, now: later })).rejects.toMatchObject({
      reason: 'stale',
    });
    await expect(
      verifyStepUpProof(proof.token, { ...options, clientId: 'another-client' }),
    ).rejects.toBeInstanceOf(StepUpProofError);
    const [header, payload] = proof.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    await expect(verifyStepUpProof(forged, options)).rejects.toMatchObject({ reason: 'invalid' });
    const access = (await fetchAuthSession()).tokens?.accessToken?.toString() ?? '';
    await expect(verifyStepUpProof(access, options)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('stepUpRequired answers with the RFC 9470 challenge that stepUpFetch understands', async () => {
    const response = stepUpRequired(120);
    expect(response.status).toBe(401);
    expect(stepUpRequirementFrom(response.status, response.headers.get('WWW-Authenticate'))).toEqual({
      maxAge: 120,
      acrValues: undefined,
    });
  });

  it('never accepts the password alone for a user without MFA', async () => {
    const verifier = verifierFor('bob');
    await verifier.begin();
    await expect(
      verifier.verify({ code: '123456', password: alice.password }).catch(toMfaError),
    ).resolves.toMatchObject({
      code: 'MFA_NOT_ENROLLED',
    });
  });

  it('refuses a wrong password', async () => {
    const verifier = verifierFor('alice');
    await verifier.begin();
    await expect(
      verifier.verify({ code: phoneCode(secret), password: 'wrong' }).catch(toMfaError),
    ).resolves.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
  });

  it('takes the password first, then the code of the factor Cognito asked for', async () => {
    const verifier = verifierFor('alice');
    await verifier.begin();
    await expect(verifier.submitPassword?.('wrong').catch(toMfaError)).resolves.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(await verifier.submitPassword?.(alice.password)).toEqual({
      method: 'TOTP',
      requiresPassword: false,
      codeDeliveryDetails: undefined,
    });
    await expect(verifier.verify({ code: wrongCode(secret) }).catch(toMfaError)).resolves.toMatchObject({
      code: 'CODE_MISMATCH',
    });
    expect(await verifier.verify({ code: phoneCode(secret) })).toMatchObject({ method: 'TOTP' });
  });
});
