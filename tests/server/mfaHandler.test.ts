// @vitest-environment node
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecoveryCodeSet, RecoveryCodesStatus, RecoveryRedeemResult } from '../../src/ports';
import {
  createMfaHandler,
  type MfaHandler,
  type MfaHandlerOptions,
  type RecoveryAuditEvent,
} from '../../src/server';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { accessTokenFor, adminClient, createPoolWithUsers, tokensFor } from './support/cognitoPool';
import { type CognitoProxy, startCognitoProxy } from './support/cognitoProxy';
import { type LocalDynamo, startDynalite } from './support/dynalite';

const alice = { username: 'alice', password: 'Corr3ct-horse!' };
const bob = { username: 'bob', password: 'An0ther-secret!' };
const pepper = 'test-pepper-of-at-least-thirty-two-characters';

let cognitoLocal: CognitoLocal;
let proxy: CognitoProxy;
let dynamo: LocalDynamo;
let pool: { userPoolId: string; clientId: string };
let jwks: MfaHandlerOptions['jwks'];
let tableCount = 0;

beforeAll(async () => {
  [cognitoLocal, dynamo] = await Promise.all([startCognitoLocal(), startDynalite()]);
  proxy = await startCognitoProxy(cognitoLocal.endpoint);
  pool = await createPoolWithUsers(adminClient(cognitoLocal.endpoint), [alice, bob]);
  jwks = await (await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)).json();
});
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([cognitoLocal?.stop(), dynamo?.stop()]);
});

interface Harness {
  handler: MfaHandler;
  audit: RecoveryAuditEvent[];
  tableName: string;
}

async function harness(overrides: Partial<MfaHandlerOptions> = {}): Promise<Harness> {
  tableCount += 1;
  const tableName = `recovery-${tableCount}`;
  await dynamo.createTable(tableName);
  const audit: RecoveryAuditEvent[] = [];
  const handler = createMfaHandler({
    ...pool,
    issuer: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
    jwks,
    cognito: adminClient(proxy.endpoint),
    store: dynamoDbStore({ client: dynamo.client, tableName }),
    pepper,
    audit: (event) => {
      audit.push(event);
    },
    // The tests stand for one proxy in front of the handler, appending the client's address.
    trustedProxies: 1,
    ...overrides,
  });
  return { handler, audit, tableName };
}

const url = (path: string) => `https://app.example/mfa${path}`;

async function call<T>(
  handler: MfaHandler,
  request: Request,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await handler(request);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

async function generate(handler: MfaHandler, user = alice) {
  const token = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, user);
  return call<RecoveryCodeSet>(
    handler,
    new Request(url('/recovery-codes'), { method: 'POST', headers: { authorization: `Bearer ${token}` } }),
  );
}

async function status(handler: MfaHandler, user = alice) {
  const token = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, user);
  return call<RecoveryCodesStatus>(
    handler,
    new Request(url('/recovery-codes'), { headers: { authorization: `Bearer ${token}` } }),
  );
}

function redeem(handler: MfaHandler, body: Record<string, unknown>, ip = '203.0.113.7') {
  return call<RecoveryRedeemResult>(
    handler,
    new Request(url('/recovery-codes/redeem'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    }),
  );
}

beforeEach(() => {
  proxy.calls.length = 0;
});

describe('createMfaHandler: generate and status (access token from cognito-local)', () => {
  it('refuses callers without a valid access token', async () => {
    const { handler } = await harness();
    const missing = await call(handler, new Request(url('/recovery-codes'), { method: 'POST' }));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('invalid_token');
    const forged = await call(
      handler,
      new Request(url('/recovery-codes'), { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } }),
    );
    expect(forged.status).toBe(401);
  });

  it('returns 10 codes once, keeps only hashes, and reports what remains', async () => {
    const { handler, tableName, audit } = await harness();
    const before = await status(handler);
    expect(before.body).toEqual({ remaining: 0, total: 0 });

    const { status: code, body, headers } = await generate(handler);
    expect(code).toBe(201);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.codes).toHaveLength(10);
    for (const c of body.codes) expect(c).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);

    const after = await status(handler);
    expect(after.body).toEqual({ remaining: 10, total: 10, createdAt: body.createdAt });

    const { Items } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
    const dump = JSON.stringify(Items);
    for (const c of body.codes) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(c.replace('-', ''));
    }
    expect(dump).not.toContain(pepper);
    expect(audit).toContainEqual(
      expect.objectContaining({ type: 'mfa_recovery_codes_generated', username: 'alice', total: 10 }),
    );
  });

  it('answers unknown routes and methods clearly', async () => {
    const { handler } = await harness();
    expect((await call(handler, new Request(url('/nope')))).status).toBe(404);
    expect((await call(handler, new Request(url('/recovery-codes/redeem')))).status).toBe(405);
    // Only JSON is read (which also forces a CORS preflight on cross-site callers).
    expect(
      (await call(handler, new Request(url('/recovery-codes/redeem'), { method: 'POST', body: 'not json' })))
        .status,
    ).toBe(415);
    expect(
      (
        await call(
          handler,
          new Request(url('/recovery-codes/redeem'), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: 'not json',
          }),
        )
      ).status,
    ).toBe(400);
  });
});

describe('createMfaHandler: redeem (AdminInitiateAuth on cognito-local, MFA reset recorded)', () => {
  it('proves the password, consumes the code, resets TOTP with the exact SDK request, and audits', async () => {
    const { handler, audit } = await harness();
    const { body: set } = await generate(handler);
    const typed = (set.codes[4] ?? '').toLowerCase().replace('-', ' ');

    const result = await redeem(handler, { ...alice, code: typed });
    expect(result).toMatchObject({ status: 200, body: { ok: true, remaining: 9 } });

    expect(proxy.calls.map((c) => c.target)).toEqual(['AdminInitiateAuth', 'AdminDeleteSoftwareToken']);
    expect(proxy.calls[0]?.body).toEqual({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: alice.password },
      // The client's address, so Cognito's threat protection sees the real caller.
      ContextData: {
        IpAddress: '203.0.113.7',
        ServerName: 'app.example',
        ServerPath: '/mfa/recovery-codes/redeem',
        HttpHeaders: [],
      },
    });
    // Deleting the token (not turning TOTP off) is what also works in a pool with MFA ON.
    expect(proxy.calls[1]?.body).toEqual({ UserPoolId: pool.userPoolId, Username: 'alice' });
    expect(audit.at(-1)).toMatchObject({
      type: 'mfa_recovery_used',
      username: 'alice',
      ip: '203.0.113.7',
      remaining: 9,
    });

    expect((await redeem(handler, { ...alice, code: set.codes[4] })).body).toEqual({
      ok: false,
      reason: 'CODE_USED',
    });
    expect((await status(handler)).body.remaining).toBe(9);
  });

  it('never consumes a code on a wrong password, and says the same for an unknown user and a wrong code', async () => {
    const { handler } = await harness();
    const { body: set } = await generate(handler);
    const wrong = await redeem(handler, {
      username: 'alice',
      password: 'wrong-Passw0rd',
      code: set.codes[0],
    });
    const unknown = await redeem(handler, {
      username: 'mallory',
      password: 'wrong-Passw0rd',
      code: set.codes[0],
    });
    // One answer for "password or code wrong": the endpoint confirms no password (issue 12, finding 3).
    expect(wrong).toMatchObject({ status: 400, body: { ok: false, reason: 'CODE_INVALID' } });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    const wrongCode = await redeem(handler, { ...alice, code: 'AAAAA-AAAAA' });
    expect(wrongCode.status).toBe(wrong.status);
    expect(wrongCode.body).toEqual(wrong.body);
    expect(proxy.calls.map((c) => c.target)).not.toContain('AdminDeleteSoftwareToken');
    expect((await status(handler)).body.remaining).toBe(10);
    expect((await redeem(handler, { ...alice, code: set.codes[0] })).body).toMatchObject({ ok: true });
  });

  it('rejects a wrong code and any code of an earlier set after regeneration', async () => {
    const generous = { limit: 100, windowSeconds: 900 };
    const { handler } = await harness({
      perUserLimit: generous,
      perIpLimit: generous,
      regenerateStepUp: false,
    });
    const { body: first } = await generate(handler);
    const { body: second } = await generate(handler);
    for (const old of first.codes) {
      expect((await redeem(handler, { ...alice, code: old })).body).toEqual({
        ok: false,
        reason: 'CODE_INVALID',
      });
    }
    expect((await redeem(handler, { ...alice, code: 'AAAAA-AAAAA' })).body).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    expect((await redeem(handler, { ...alice, code: 'not a code' })).body).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    expect((await redeem(handler, { ...alice, code: second.codes[9] })).body).toMatchObject({
      ok: true,
      remaining: 9,
    });
  });

  it('lets exactly one of 100 concurrent redeems of one code succeed', async () => {
    const generous = { limit: 1000, windowSeconds: 900 };
    const { handler, audit } = await harness({ perUserLimit: generous, perIpLimit: generous });
    const { body: set } = await generate(handler);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => redeem(handler, { ...alice, code: set.codes[2] })),
    );
    expect(results.filter((r) => r.body.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.body.ok && r.body.reason === 'CODE_USED')).toHaveLength(99);
    expect(proxy.calls.filter((c) => c.target === 'AdminDeleteSoftwareToken')).toHaveLength(1);
    expect(audit.filter((e) => e.type === 'mfa_recovery_used')).toHaveLength(1);
    expect((await status(handler)).body.remaining).toBe(9);
  });

  it('rate-limits per user and per IP, with Retry-After, even for a valid code', async () => {
    const { handler } = await harness({
      perUserLimit: { limit: 3, windowSeconds: 900 },
      perIpLimit: { limit: 4, windowSeconds: 900 },
    });
    const { body: set } = await generate(handler);
    for (let i = 0; i < 3; i += 1) await redeem(handler, { ...alice, code: 'AAAAA-AAAAA' });
    const limited = await redeem(handler, { ...alice, code: set.codes[0] });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ ok: false, reason: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await status(handler)).body.remaining).toBe(10);

    // Another user from the same address: the per-IP limit (4) is reached on its second try.
    expect((await redeem(handler, { ...bob, code: 'AAAAA-AAAAA' }, '198.51.100.1')).body.ok).toBe(false);
    const sameIp = await redeem(handler, { ...bob, code: 'AAAAA-AAAAA' }, '203.0.113.7');
    expect(sameIp.status).toBe(429);
  });

  it('gives the code back when Cognito fails to reset MFA, so a retry works', async () => {
    const { handler } = await harness();
    const { body: set } = await generate(handler);
    proxy.failNextMfaReset();
    const failed = await redeem(handler, { ...alice, code: set.codes[7] });
    expect(failed).toMatchObject({ status: 503, body: { error: 'MFA_RESET_FAILED' } });
    expect((await status(handler)).body.remaining).toBe(10);
    expect((await redeem(handler, { ...alice, code: set.codes[7] })).body).toMatchObject({
      ok: true,
      remaining: 9,
    });
  });

  it('accepts a redeem by a user with no authenticator to delete (Cognito: ResourceNotFoundException)', async () => {
    const { handler } = await harness();
    const { body: set } = await generate(handler);
    proxy.failNextMfaReset('ResourceNotFoundException');
    const result = await redeem(handler, { ...alice, code: set.codes[3] });
    expect(result).toMatchObject({ status: 200, body: { ok: true, remaining: 9 } });
  });
});

describe('createMfaHandler: replacing codes needs a fresh step-up (RFC 9470)', () => {
  it('asks for step-up once codes exist, and accepts only a fresh ID token of the same user', async () => {
    const { handler } = await harness({ regenerateStepUp: { maxAgeSeconds: 300 } });
    const admin = adminClient(cognitoLocal.endpoint);
    const alices = await tokensFor(admin, pool.clientId, alice);
    const post = (proof?: string) =>
      handler(
        new Request(url('/recovery-codes'), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${alices.accessToken}`,
            ...(proof ? { 'x-step-up-proof': proof } : {}),
          },
        }),
      );

    // The first set (right after enrolment) needs nothing more than the session.
    expect((await post()).status).toBe(201);
    const challenged = await post();
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get('www-authenticate')).toMatch(
      /insufficient_user_authentication.*max_age="300"/,
    );

    expect((await post((await tokensFor(admin, pool.clientId, bob)).idToken)).status).toBe(403);
    expect((await post('not-a-token')).status).toBe(403);
    expect((await post(alices.accessToken)).status).toBe(403);
    const fresh = await post(alices.idToken);
    expect(fresh.status).toBe(201);
    expect(((await fresh.json()) as RecoveryCodeSet).codes).toHaveLength(10);
  });

  it('treats an old verification as a new step-up request', async () => {
    const later = Date.now() + 301_000;
    const { handler } = await harness({ regenerateStepUp: { maxAgeSeconds: 300 }, now: () => later });
    const alices = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, alice);
    const post = (proof?: string) =>
      handler(
        new Request(url('/recovery-codes'), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${alices.accessToken}`,
            ...(proof ? { 'x-step-up-proof': proof } : {}),
          },
        }),
      );
    expect((await post()).status).toBe(201);
    const stale = await post(alices.idToken);
    expect(stale.status).toBe(401);
    expect(stale.headers.get('www-authenticate')).toContain('insufficient_user_authentication');
  });
});

describe('createMfaHandler: CORS', () => {
  it('answers preflight and echoes only allowed origins', async () => {
    const { handler } = await harness({ allowedOrigins: ['https://app.example'] });
    const preflight = await handler(
      new Request(url('/recovery-codes'), { method: 'OPTIONS', headers: { origin: 'https://app.example' } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-step-up-proof');
    const other = await handler(
      new Request(url('/recovery-codes'), { headers: { origin: 'https://evil.example' } }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('httpRecoveryCodes against createMfaHandler served over loopback', () => {
  it('generates, reports status and redeems through the browser adapter, mapping every outcome', async () => {
    const { createServer } = await import('node:http');
    const { nodeListener } = await import('../../src/server');
    const { httpRecoveryCodes } = await import('../../src/http');
    const { handler } = await harness({ perUserLimit: { limit: 3, windowSeconds: 900 } });
    const server = createServer(nodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mfa`;
    try {
      const token = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, bob);
      const adapter = httpRecoveryCodes({ baseUrl, getAccessToken: () => token });
      const set = await adapter.generate();
      expect(set.codes).toHaveLength(10);
      expect(await adapter.status()).toEqual({ remaining: 10, total: 10, createdAt: set.createdAt });
      // A wrong password is not counted against bob (only attempts with his password are).
      expect(await adapter.redeem({ ...bob, password: 'nope', code: set.codes[0] ?? '' })).toEqual({
        ok: false,
        reason: 'CODE_INVALID',
      });
      expect(await adapter.redeem({ ...bob, code: set.codes[0] ?? '' })).toEqual({ ok: true, remaining: 9 });
      expect(await adapter.redeem({ ...bob, code: set.codes[0] ?? '' })).toEqual({
        ok: false,
        reason: 'CODE_USED',
      });
      await adapter.redeem({ ...bob, code: 'AAAAA-AAAAA' });
      expect(await adapter.redeem({ ...bob, code: set.codes[1] ?? '' })).toMatchObject({
        ok: false,
        reason: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
      const signedOut = httpRecoveryCodes({ baseUrl, getAccessToken: () => 'expired' });
      await expect(signedOut.status()).rejects.toMatchObject({ name: 'UserUnAuthenticatedException' });
      const unreachable = httpRecoveryCodes({
        baseUrl: 'http://127.0.0.1:9/mfa',
        getAccessToken: () => token,
      });
      await expect(unreachable.status()).rejects.toMatchObject({ name: 'NetworkError' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
