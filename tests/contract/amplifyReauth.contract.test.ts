// @vitest-environment node
import { fetchAuthSession, getCurrentUser } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import type { AuthClient } from 'mfa-kit';
import { toMfaError } from 'mfa-kit';
import { amplifyReauthVerifier } from 'mfa-kit/amplify';
import { verifyStepUpProof } from 'mfa-kit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCode, wrongCode } from './support/authenticator';
import { cognitoLocalTarget } from './support/cognitoLocalTarget';
import type { ContractTarget } from './support/target';

const alice = { username: 'alice', password: 'Corr3ct-horse!' };

describe('amplifyReauthVerifier: an Amplify side session against cognito-local (USER_PASSWORD_AUTH)', () => {
  let target: ContractTarget;
  let client: AuthClient;
  let secret = '';
  const hubEvents: string[] = [];
  let stopListening = () => {};

  beforeAll(async () => {
    target = await cognitoLocalTarget();
    client = await target.createPool({
      mfaConfiguration: 'OPTIONAL',
      users: [alice, { username: 'bob', password: alice.password }],
    });
    await client.signIn(alice);
    ({ sharedSecret: secret } = await client.setUpTOTP());
    await client.verifyTOTPSetup({ code: phoneCode(secret) });
    await client.updateMFAPreference({ totp: 'PREFERRED' });
    stopListening = Hub.listen('auth', ({ payload }) => {
      hubEvents.push(payload.event);
    });
  });
  afterAll(async () => {
    stopListening();
    await client?.signOut();
    await target?.dispose();
  });

  it('asks for the password first, then the authenticator code, and proves a fresh authentication', async () => {
    const before = await fetchAuthSession();
    const verifier = amplifyReauthVerifier({ authFlowType: 'USER_PASSWORD_AUTH' });
    expect(await verifier.begin()).toEqual({ method: 'TOTP', requiresPassword: true, passwordFirst: true });

    await expect(verifier.submitPassword?.('wrong-password').catch(toMfaError)).resolves.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(await verifier.submitPassword?.(alice.password)).toEqual({
      method: 'TOTP',
      requiresPassword: false,
    });
    await expect(verifier.verify({ code: wrongCode(secret) }).catch(toMfaError)).resolves.toMatchObject({
      code: 'CODE_MISMATCH',
    });
    // The same challenge takes the next code: no second password prompt.
    const proof = await verifier.verify({ code: phoneCode(secret) });
    expect(proof.method).toBe('TOTP');
    expect(Math.abs(Date.now() - proof.verifiedAt)).toBeLessThan(60_000);

    const config = (await import('aws-amplify')).Amplify.getConfig().Auth?.Cognito;
    const issuer = `${config?.userPoolEndpoint}/${config?.userPoolId}`;
    const jwks = await (await fetch(`${issuer}/.well-known/jwks.json`)).json();
    expect(
      await verifyStepUpProof(proof.token, {
        userPoolId: config?.userPoolId ?? '',
        clientId: config?.userPoolClientId ?? '',
        maxAgeSeconds: 300,
        issuer,
        jwks,
      }),
    ).toMatchObject({ username: 'alice' });

    // The app's own session: same user, same tokens, nothing signed out or refreshed.
    const after = await fetchAuthSession();
    expect(after.tokens?.idToken?.toString()).toBe(before.tokens?.idToken?.toString());
    expect(after.tokens?.accessToken?.toString()).toBe(before.tokens?.accessToken?.toString());
    expect((await getCurrentUser()).username).toBe('alice');
    // Amplify announces the side session on its global Hub, once, for the same user (documented on
    // the verifier); nothing is signed out or refreshed.
    expect(hubEvents).toEqual(['signedIn']);
  });

  it('never steps up a user without MFA with the password alone', async () => {
    const verifier = amplifyReauthVerifier({ authFlowType: 'USER_PASSWORD_AUTH', getUsername: () => 'bob' });
    await verifier.begin();
    await expect(verifier.submitPassword?.(alice.password).catch(toMfaError)).resolves.toMatchObject({
      code: 'MFA_NOT_ENROLLED',
    });
    await expect(verifier.verify({ code: '123456' }).catch(toMfaError)).resolves.toMatchObject({
      code: 'SESSION_EXPIRED',
    });
    expect((await getCurrentUser()).username).toBe('alice');
  });
});
