import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper.js';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger.js';
import { Secret, TOTP } from 'otpauth';

export interface SrpCognitoDouble {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** Targets called, in order, with the SRP fields that crossed the wire. */
  calls: Array<{ target: string; authFlow?: string; challengeName?: string }>;
  /** Every request body as sent. */
  bodies: string[];
  stop(): Promise<void>;
}

interface CognitoRequest {
  AuthFlow?: string;
  ChallengeName?: string;
  AuthParameters?: Record<string, string>;
  ChallengeResponses?: Record<string, string>;
  Session?: string;
}

const modPow = (base: BigInteger, exponent: BigInteger, modulus: BigInteger) =>
  new Promise<BigInteger>((resolve, reject) =>
    base.modPow(exponent, modulus, (error, result) => (error ? reject(error) : resolve(result))),
  );

const fakeJwt = (claims: Record<string, unknown>) =>
  [{ alg: 'none', typ: 'JWT' }, claims, 'unsigned']
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.');

/**
 * The server side of Cognito's SRP (USER_SRP_AUTH → PASSWORD_VERIFIER → SOFTWARE_TOKEN_MFA), for one
 * user, over Cognito's JSON protocol on 127.0.0.1. cognito-local has no SRP, so this double checks the
 * client's password proof the way Cognito does: B = k·v + g^b, S = (A·v^u)^b, K = HKDF(S, u), and the
 * signature HMAC(K, poolName ‖ userId ‖ secretBlock ‖ timestamp). The arithmetic and hashing are
 * amazon-cognito-identity-js's primitives, an implementation independent of Amplify v6's client.
 */
export async function startSrpCognitoDouble(user: {
  username: string;
  password: string;
  totpSecret: string;
}): Promise<SrpCognitoDouble> {
  const userPoolId = 'us-east-1_SrpDouble';
  const clientId = 'srp-double-client';
  const poolName = userPoolId.split('_')[1] ?? '';
  const helper = new AuthenticationHelper(poolName);
  const salt = new BigInteger(randomBytes(16).toString('hex'), 16);
  const x = new BigInteger(
    helper.hexHash(helper.padHex(salt) + helper.hash(`${poolName}${user.username}:${user.password}`)),
    16,
  );
  const verifier = await modPow(helper.g, x, helper.N);
  const calls: SrpCognitoDouble['calls'] = [];
  const bodies: string[] = [];
  const exchanges = new Map<string, { A: BigInteger; B: BigInteger; b: BigInteger }>();
  const sessions = new Set<string>();

  async function answer(target: string, body: CognitoRequest): Promise<[number, unknown]> {
    calls.push({ target, authFlow: body.AuthFlow, challengeName: body.ChallengeName });
    const refuse = (type: string, message: string): [number, unknown] => [400, { __type: type, message }];
    if (target === 'InitiateAuth' && body.AuthFlow === 'USER_SRP_AUTH') {
      if (body.AuthParameters?.USERNAME !== user.username)
        return refuse('NotAuthorizedException', 'Incorrect username or password.');
      const A = new BigInteger(String(body.AuthParameters.SRP_A), 16);
      if (A.mod(helper.N).equals(BigInteger.ZERO))
        return refuse('InvalidParameterException', 'SRP_A is invalid.');
      const b = new BigInteger(randomBytes(32).toString('hex'), 16);
      const B = helper.k
        .multiply(verifier)
        .add(await modPow(helper.g, b, helper.N))
        .mod(helper.N);
      const secretBlock = randomBytes(64).toString('base64');
      exchanges.set(secretBlock, { A, B, b });
      return [
        200,
        {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: salt.toString(16),
            SRP_B: B.toString(16),
            SECRET_BLOCK: secretBlock,
            USER_ID_FOR_SRP: user.username,
            USERNAME: user.username,
          },
        },
      ];
    }
    if (target === 'RespondToAuthChallenge' && body.ChallengeName === 'PASSWORD_VERIFIER') {
      const responses = body.ChallengeResponses ?? {};
      const exchange = exchanges.get(String(responses.PASSWORD_CLAIM_SECRET_BLOCK));
      if (!exchange) return refuse('NotAuthorizedException', 'Invalid session.');
      exchanges.delete(String(responses.PASSWORD_CLAIM_SECRET_BLOCK));
      const u = helper.calculateU(exchange.A, exchange.B);
      const S = await modPow(exchange.A.multiply(await modPow(verifier, u, helper.N)), exchange.b, helper.N);
      const key = helper.computehkdf(
        Buffer.from(helper.padHex(S), 'hex'),
        Buffer.from(helper.padHex(u), 'hex'),
      );
      const expected = createHmac('sha256', key)
        .update(
          Buffer.concat([
            Buffer.from(poolName),
            Buffer.from(user.username),
            Buffer.from(String(responses.PASSWORD_CLAIM_SECRET_BLOCK), 'base64'),
            Buffer.from(String(responses.TIMESTAMP)),
          ]),
        )
        .digest('base64');
      if (expected !== responses.PASSWORD_CLAIM_SIGNATURE)
        return refuse('NotAuthorizedException', 'Incorrect username or password.');
      const session = randomBytes(16).toString('hex');
      sessions.add(session);
      return [200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeParameters: {} }];
    }
    if (target === 'RespondToAuthChallenge' && body.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
      if (!sessions.has(String(body.Session)))
        return refuse('NotAuthorizedException', 'Invalid session for the user, session is expired.');
      const totp = new TOTP({
        secret: Secret.fromBase32(user.totpSecret),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });
      if (
        totp.validate({ token: String(body.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE), window: 1 }) === null
      )
        return refuse('CodeMismatchException', 'Invalid code received for user');
      sessions.delete(String(body.Session));
      const now = Math.floor(Date.now() / 1000);
      const common = {
        sub: 'srp-user-sub',
        iss: `http://127.0.0.1/${userPoolId}`,
        auth_time: now,
        iat: now,
        exp: now + 3600,
      };
      return [
        200,
        {
          AuthenticationResult: {
            IdToken: fakeJwt({
              ...common,
              token_use: 'id',
              aud: clientId,
              'cognito:username': user.username,
            }),
            AccessToken: fakeJwt({
              ...common,
              token_use: 'access',
              client_id: clientId,
              username: user.username,
            }),
            RefreshToken: 'srp-double-refresh-token',
            ExpiresIn: 3600,
            TokenType: 'Bearer',
          },
        },
      ];
    }
    return refuse(
      'InvalidParameterException',
      `The SRP double does not answer ${target} ${body.AuthFlow ?? body.ChallengeName ?? ''}.`,
    );
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target =
        String(request.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      bodies.push(Buffer.concat(chunks).toString());
      answer(target, JSON.parse(bodies.at(-1) || '{}') as CognitoRequest).then(
        ([status, payload]) => {
          response.writeHead(status, {
            'content-type': 'application/x-amz-json-1.1',
            'access-control-allow-origin': '*',
          });
          response.end(JSON.stringify(payload));
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
          response.end(JSON.stringify({ __type: 'InternalErrorException', message: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    endpoint: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    userPoolId,
    clientId,
    calls,
    bodies,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
