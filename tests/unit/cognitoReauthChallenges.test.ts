// @vitest-environment node
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoReauthVerifier } from '../../src/cognito';

/**
 * Cognito's answers for a user with SMS and email MFA and no preference (cognito-local cannot send
 * SMS or email codes): SELECT_MFA_TYPE, then EMAIL_OTP with the masked destination.
 */
const requests: Array<{ target: string; body: Record<string, unknown> }> = [];
const idToken = [{ alg: 'none' }, { token_use: 'id', auth_time: 1_790_000_000 }, 'x']
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .join('.');
const answers: Record<string, (body: Record<string, unknown>) => [number, unknown]> = {
  InitiateAuth: () => [
    200,
    {
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: 's1',
      ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","EMAIL_OTP"]' },
    },
  ],
  RespondToAuthChallenge: (body) => {
    if (body.ChallengeName === 'SELECT_MFA_TYPE')
      return [
        200,
        {
          ChallengeName: 'EMAIL_OTP',
          Session: 's2',
          ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'a***@e***' },
        },
      ];
    const code = (body.ChallengeResponses as Record<string, string>).EMAIL_OTP_CODE;
    if (code !== '424242')
      return [400, { __type: 'CodeMismatchException', message: 'Invalid code received for user' }];
    return [200, { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r' } }];
  },
};

let endpoint = '';
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const target = String(request.headers['x-amz-target']).split('.').pop() ?? '';
    const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
    requests.push({ target, body });
    const [status, payload] = answers[target]?.(body) ?? [400, { __type: 'InvalidParameterException' }];
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(payload));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('cognitoReauthVerifier with codes Cognito sends', () => {
  it('chooses email over SMS, shows where the code went, and answers EMAIL_OTP', async () => {
    const verifier = cognitoReauthVerifier({
      userPoolId: 'us-east-1_Example',
      clientId: 'client',
      endpoint,
      getUsername: () => 'alice',
    });
    await verifier.begin();
    expect(await verifier.submitPassword?.('Corr3ct-horse!')).toEqual({
      method: 'EMAIL',
      requiresPassword: false,
      codeDeliveryDetails: { destination: 'a***@e***', deliveryMedium: 'EMAIL' },
    });
    await expect(verifier.verify({ code: '000000' })).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    expect(await verifier.verify({ code: '424242' })).toEqual({
      token: idToken,
      verifiedAt: 1_790_000_000_000,
      method: 'EMAIL',
    });
    expect(requests.map(({ target, body }) => [target, body.ChallengeName ?? body.AuthFlow])).toEqual([
      ['InitiateAuth', 'USER_PASSWORD_AUTH'],
      ['RespondToAuthChallenge', 'SELECT_MFA_TYPE'],
      ['RespondToAuthChallenge', 'EMAIL_OTP'],
      ['RespondToAuthChallenge', 'EMAIL_OTP'],
    ]);
    expect(requests[1]?.body.ChallengeResponses).toEqual({ USERNAME: 'alice', ANSWER: 'EMAIL_OTP' });
    expect(requests[3]?.body).toMatchObject({
      Session: 's2',
      ChallengeResponses: { USERNAME: 'alice', EMAIL_OTP_CODE: '424242' },
    });
  });
});
