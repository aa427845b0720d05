// @vitest-environment node

import { toMfaError } from 'mfa-kit';
import { amplifyReauthVerifier } from 'mfa-kit/amplify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneCode, wrongCode } from './support/authenticator';
import { type SrpCognitoDouble, startSrpCognitoDouble } from './support/srpCognitoDouble';

const alice = {
  username: 'alice',
  password: 'Corr3ct-horse!',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

describe('amplifyReauthVerifier over SRP (USER_SRP_AUTH), against a Cognito SRP double', () => {
  let double: SrpCognitoDouble;
  const verifier = () =>
    amplifyReauthVerifier({
      config: {
        Auth: {
          Cognito: {
            userPoolId: double.userPoolId,
            userPoolClientId: double.clientId,
            userPoolEndpoint: double.endpoint,
          },
        },
      },
      getUsername: () => 'alice',
    });

  beforeAll(async () => {
    double = await startSrpCognitoDouble(alice);
  });
  afterAll(() => double?.stop());

  it('proves the password with SRP (never sending it), then answers the TOTP challenge', async () => {
    const stepUp = verifier();
    await stepUp.begin();
    expect(await stepUp.submitPassword?.(alice.password)).toEqual({
      method: 'TOTP',
      requiresPassword: false,
    });
    await expect(
      stepUp.verify({ code: wrongCode(alice.totpSecret) }).catch(toMfaError),
    ).resolves.toMatchObject({
      code: 'CODE_MISMATCH',
    });
    const proof = await stepUp.verify({ code: phoneCode(alice.totpSecret) });
    const claims = JSON.parse(Buffer.from(proof.token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ token_use: 'id', 'cognito:username': 'alice' });
    expect(proof).toMatchObject({ method: 'TOTP', verifiedAt: claims.auth_time * 1000 });
    expect(double.calls.slice(0, 3)).toEqual([
      { target: 'InitiateAuth', authFlow: 'USER_SRP_AUTH' },
      { target: 'RespondToAuthChallenge', challengeName: 'PASSWORD_VERIFIER' },
      { target: 'RespondToAuthChallenge', challengeName: 'SOFTWARE_TOKEN_MFA' },
    ]);
    for (const body of double.bodies) expect(body).not.toContain(alice.password);
  });

  it('fails the SRP proof for a wrong password', async () => {
    const stepUp = verifier();
    await stepUp.begin();
    await expect(stepUp.submitPassword?.('Wrong-horse!').catch(toMfaError)).resolves.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
  });
});
