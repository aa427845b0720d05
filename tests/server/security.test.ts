// @vitest-environment node

import { createServer } from 'node:http';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { dynamoDbStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpRecoveryCodes } from '../../src/http';
import type { RecoveryCodeSet, RecoveryRedeemResult } from '../../src/ports';
import {
  createMfaHandler,
  createRecoveryService,
  type MfaHandler,
  type MfaHandlerOptions,
  memoryStore,
  nodeListener,
  type RecoveryAuditEvent,
  type RecoveryIdentity,
  verifyStepUpProof,
} from '../../src/server';
import { cognitoUserHasMfa } from '../../src/server/verifyStepUpProof';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { accessTokenFor, adminClient, createPoolWithUsers, tokensFor } from './support/cognitoPool';
import { type CognitoProxy, startCognitoProxy } from './support/cognitoProxy';
import { type LocalDynamo, startDynalite } from './support/dynalite';

/**
 * Issue 12: each finding of the attack-oriented review, as a request against the real handler on
 * cognito-local and dynalite (or the service on a memory store where the pool plays no part).
 */
const alice = { username: 'alice', password: 'Corr3ct-horse!' };
const bob = { username: 'bob', password: 'An0ther-secret!' };
const pepper = 'test-pepper-of-at-least-thirty-two-characters';
const generous = { limit: 1000, windowSeconds: 900 };

let cognitoLocal: CognitoLocal;
let proxy: CognitoProxy;
let dynamo: LocalDynamo;
let pool: { userPoolId: string; clientId: string };
let jwks: MfaHandlerOptions['jwks'];
let aliceSub = '';
let tableCount = 0;

beforeAll(async () => {
  [cognitoLocal, dynamo] = await Promise.all([startCognitoLocal(), startDynalite()]);
  proxy = await startCognitoProxy(cognitoLocal.endpoint);
  pool = await createPoolWithUsers(adminClient(cognitoLocal.endpoint), [alice, bob]);
  jwks = await (await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)).json();
  const user = await adminClient(cognitoLocal.endpoint).send(
    new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'alice' }),
  );
  aliceSub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? '';
});
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([cognitoLocal?.stop(), dynamo?.stop()]);
});
beforeEach(() => {
  proxy.calls.length = 0;
  proxy.revokeAccessTokens(false);
});

async function harness(overrides: Partial<MfaHandlerOptions> = {}) {
  tableCount += 1;
  const tableName = `security-${tableCount}`;
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
    ...overrides,
  });
  return { handler, audit };
}

const url = (path: string) => `https://app.example/mfa${path}`;

async function generate(handler: MfaHandler, user = alice, proof?: string) {
  const token = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, user);
  const response = await handler(
    new Request(url('/recovery-codes'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(proof ? { 'x-step-up-proof': proof } : {}) },
    }),
  );
  return { status: response.status, body: (await response.json()) as RecoveryCodeSet };
}

async function redeem(
  handler: MfaHandler,
  body: unknown,
  { headers = {}, clientIp }: { headers?: Record<string, string>; clientIp?: string } = {},
) {
  const response = await handler(
    new Request(url('/recovery-codes/redeem'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    clientIp === undefined ? undefined : { clientIp },
  );
  return {
    status: response.status,
    body: (await response.json()) as RecoveryRedeemResult & { error?: string },
  };
}

describe('finding 2: the per-IP limit cannot be switched off by a header', () => {
  it('ignores forged x-mfa-kit-socket-ip / X-Forwarded-For values: they all count in one bucket', async () => {
    const { handler } = await harness({
      perIpLimit: { limit: 3, windowSeconds: 900 },
      perUserLimit: generous,
    });
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(
        await redeem(
          handler,
          { ...bob, password: 'wrong-Passw0rd', code: 'AAAAA-AAAAA' },
          { headers: { 'x-mfa-kit-socket-ip': `203.0.113.${i}`, 'x-forwarded-for': `198.51.100.${i}` } },
        ),
      );
    }
    expect(answers.map((answer) => answer.status === 429)).toEqual([false, false, false, true, true, true]);
  });

  it('applies the limit to requests with no known address at all (one shared bucket)', async () => {
    const { handler } = await harness({
      perIpLimit: { limit: 2, windowSeconds: 900 },
      perUserLimit: generous,
    });
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await redeem(handler, { ...bob, password: 'x', code: 'AAAAA-AAAAA' })).status);
    expect(statuses.map((status) => status === 429)).toEqual([false, false, true]);
  });

  it('uses the address the server passes beside the Request', async () => {
    const { handler, audit } = await harness({ perIpLimit: { limit: 1, windowSeconds: 900 } });
    const attempt = { ...bob, password: 'x', code: 'AAAAA-AAAAA' };
    expect((await redeem(handler, attempt, { clientIp: '192.0.2.1' })).status).not.toBe(429);
    expect((await redeem(handler, attempt, { clientIp: '192.0.2.1' })).status).toBe(429);
    expect((await redeem(handler, attempt, { clientIp: '192.0.2.2' })).status).not.toBe(429);
    expect(audit.at(-1)).toMatchObject({ ip: '192.0.2.2' });
  });
});

describe('finding 3: no password oracle; one user whatever was typed', () => {
  it('answers a wrong password exactly as a right password with a wrong code', async () => {
    const { handler } = await harness();
    await generate(handler);
    const wrongPassword = await redeem(handler, {
      ...alice,
      password: 'wrong-Passw0rd',
      code: 'AAAAA-AAAAA',
    });
    const wrongCode = await redeem(handler, { ...alice, code: 'AAAAA-AAAAA' });
    expect(wrongPassword).toEqual(wrongCode);
    expect(wrongCode).toEqual({ status: 400, body: { ok: false, reason: 'CODE_INVALID' } });
  });

  it('finds the codes and counts the attempts of the canonical user when an alias (sub) is typed', async () => {
    const { handler, audit } = await harness({ perUserLimit: { limit: 3, windowSeconds: 900 } });
    const { body: set } = await generate(handler);
    expect(aliceSub).not.toBe('');
    // Through an alias, the same user: her codes are found and the audit names her, not what was typed.
    expect(
      (await redeem(handler, { username: aliceSub, password: alice.password, code: set.codes[0] })).body,
    ).toEqual({ ok: true, remaining: 9 });
    expect(audit.at(-1)).toMatchObject({ type: 'mfa_recovery_used', username: 'alice' });
    // And one budget: 1 (above) + 2 more = 3 attempts, whichever name was typed; the 4th waits.
    await redeem(handler, { ...alice, code: 'AAAAA-AAAAA' });
    await redeem(handler, { username: aliceSub, password: alice.password, code: 'AAAAA-AAAAA' });
    expect((await redeem(handler, { ...alice, code: set.codes[1] })).status).toBe(429);
  });

  it('sends the client address to Cognito as ContextData', async () => {
    const { handler } = await harness();
    await redeem(
      handler,
      { ...bob, code: 'AAAAA-AAAAA' },
      { clientIp: '192.0.2.9', headers: { 'user-agent': 'UA/1' } },
    );
    const call = proxy.calls.find((entry) => entry.target === 'AdminInitiateAuth');
    expect(call?.body.ContextData).toEqual({
      IpAddress: '192.0.2.9',
      ServerName: 'app.example',
      ServerPath: '/mfa/recovery-codes/redeem',
      HttpHeaders: [{ headerName: 'user-agent', headerValue: 'UA/1' }],
    });
  });
});

describe('finding 4: nobody can lock a user out of recovery', () => {
  it('does not count attempts with an unknown password against the user', async () => {
    const { handler } = await harness({
      perUserLimit: { limit: 3, windowSeconds: 900 },
      perIpLimit: generous,
    });
    const { body: set } = await generate(handler, bob);
    for (let i = 0; i < 10; i += 1)
      await redeem(
        handler,
        { ...bob, password: `guess-${i}`, code: 'AAAAA-AAAAA' },
        { clientIp: '198.51.100.66' },
      );
    expect((await redeem(handler, { ...bob, code: set.codes[0] }, { clientIp: '192.0.2.77' })).body).toEqual({
      ok: true,
      remaining: 9,
    });
  });

  it('nodeListener({ trustedProxies: 1 }) behind a proxy: one abuser does not block the other clients', async () => {
    const { handler } = await harness({
      perIpLimit: { limit: 3, windowSeconds: 900 },
      perUserLimit: generous,
    });
    const server = createServer(nodeListener(handler, { trustedProxies: 1 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mfa/recovery-codes/redeem`;
    // What the proxy sends on: the client's own (forgeable) entries, then the address it saw.
    const viaProxy = (forwarded: string) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
        body: JSON.stringify({ ...bob, password: 'x', code: 'AAAAA-AAAAA' }),
      }).then((response) => response.status);
    try {
      const abuser = [];
      for (let i = 0; i < 5; i += 1) abuser.push(await viaProxy(`10.9.9.${i}, 203.0.113.50`));
      expect(abuser.map((status) => status === 429)).toEqual([false, false, false, true, true]);
      expect(await viaProxy('203.0.113.51')).not.toBe(429);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('nodeListener after middleware that already read the body (Express body parsers)', () => {
  it('answers instead of waiting for a body that will never come', async () => {
    const { handler } = await harness();
    const listener = nodeListener(handler);
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => void listener(request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const response = await fetch(`${base}/mfa/recovery-codes/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...bob, code: 'AAAAA-AAAAA' }),
        signal: AbortSignal.timeout(5000),
      });
      expect(response.status).toBe(400);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('finding 5: bounded bodies, JSON only', () => {
  it('refuses a streamed body past 16 KiB without Content-Length (413), and bad Content-Length (400)', async () => {
    const { handler } = await harness();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(1022)}",`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"pad":['));
      },
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 32 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await handler(
      new Request(url('/recovery-codes/redeem'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(64 * 1024);
    expect(proxy.calls).toEqual([]);
    for (const length of ['abc', '-1']) {
      const response = await handler(
        new Request(url('/recovery-codes/redeem'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': length },
          body: JSON.stringify({ ...bob, code: 'AAAAA-AAAAA' }),
        }),
      );
      expect(response.status, `Content-Length: ${length}`).toBe(400);
    }
  });

  it('requires Content-Type: application/json on redeem (415), so other sites need a CORS preflight', async () => {
    const { handler } = await harness();
    const response = await handler(
      new Request(url('/recovery-codes/redeem'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ ...bob, code: 'AAAAA-AAAAA' }),
      }),
    );
    expect(response.status).toBe(415);
    expect(proxy.calls).toEqual([]);
  });
});

describe('finding 6: a stolen access token cannot replace the codes', () => {
  it('asks for a step-up before replacing an existing set, without any option', async () => {
    const { handler } = await harness();
    expect((await generate(handler)).status).toBe(201);
    expect((await generate(handler)).status).toBe(401);
    const { idToken } = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, alice);
    expect((await generate(handler, alice, idToken)).status).toBe(201);
    // A browser adapter not wired to stepUpFetch is told why, instead of "signed out".
    const token = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, alice);
    const adapter = httpRecoveryCodes({
      baseUrl: 'https://app.example/mfa',
      getAccessToken: () => token,
      fetch: (input, init) => handler(new Request(input, init)),
    });
    await expect(adapter.generate()).rejects.toMatchObject({ name: 'StepUpRequiredException' });
  });

  it('checkTokenRevocation: a token Cognito refuses (signed out, revoked) stops working at once', async () => {
    const { handler } = await harness({ checkTokenRevocation: true });
    expect((await generate(handler)).status).toBe(201);
    proxy.revokeAccessTokens(true);
    expect((await generate(handler, bob)).status).toBe(401);
    expect(proxy.calls.map((call) => call.target)).toContain('GetUser');
  });
});

describe('finding 7: verifyStepUpProof', () => {
  const options = () => ({
    ...pool,
    issuer: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
    jwks,
    maxAgeSeconds: 300,
  });

  it('refuses an auth_time in the future', async () => {
    const { idToken } = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, alice);
    await expect(
      verifyStepUpProof(idToken, { ...options(), now: () => Date.now() - 10 * 60_000 }),
    ).rejects.toMatchObject({ name: 'StepUpProofError', reason: 'invalid' });
    await expect(verifyStepUpProof(idToken, options())).resolves.toMatchObject({ username: 'alice' });
  });

  it('requireMfa: refuses a proof from a user without MFA (ID tokens carry no amr)', async () => {
    const { idToken } = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, alice);
    const requireMfa = cognitoUserHasMfa({
      cognito: adminClient(proxy.endpoint),
      userPoolId: pool.userPoolId,
    });
    await expect(verifyStepUpProof(idToken, { ...options(), requireMfa })).rejects.toMatchObject({
      reason: 'invalid',
    });
    expect(proxy.calls.map((call) => call.target)).toContain('AdminGetUser');
  });
});

describe('also found', () => {
  it('an audit sink that throws after the MFA reset does not turn the recovery into a 500', async () => {
    const { handler } = await harness({
      audit: (event) => {
        if (event.type === 'mfa_recovery_used') throw new Error('audit pipeline down');
      },
    });
    const { body: set } = await generate(handler);
    expect(await redeem(handler, { ...alice, code: set.codes[0] })).toEqual({
      status: 200,
      body: { ok: true, remaining: 9 },
    });
  });

  it('never logs what was typed as the username', async () => {
    const { handler, audit } = await harness();
    await redeem(handler, { username: 'Tr0ub4dor&3-typed-here', password: 'x', code: 'AAAAA-AAAAA' });
    await redeem(handler, { username: 'Tr0ub4dor&3-typed-here', password: 'x', code: 'not a code' });
    expect(JSON.stringify(audit)).not.toContain('Tr0ub4dor');
  });

  it('answers an empty or 3000-character username with 400, not 500', async () => {
    const { handler } = await harness();
    for (const username of ['', 'a'.repeat(3000), 'has space', 42]) {
      const answer = await redeem(handler, { username, password: 'x', code: 'AAAAA-AAAAA' });
      expect(answer.status, JSON.stringify(username).slice(0, 20)).toBe(400);
      expect(answer.body).toMatchObject({ error: 'INVALID_REQUEST' });
    }
    expect(proxy.calls).toEqual([]);
  });

  it('signOutAfterRecovery ends every session with AdminUserGlobalSignOut', async () => {
    const { handler, audit } = await harness({ signOutAfterRecovery: true });
    const { body: set } = await generate(handler);
    proxy.calls.length = 0;
    expect((await redeem(handler, { ...alice, code: set.codes[0] })).status).toBe(200);
    expect(proxy.calls.map((call) => call.target)).toEqual([
      'AdminInitiateAuth',
      'AdminDeleteSoftwareToken',
      'AdminUserGlobalSignOut',
    ]);
    expect(proxy.calls.at(-1)?.body).toEqual({ UserPoolId: pool.userPoolId, Username: 'alice' });
    expect(audit.at(-1)).toMatchObject({ type: 'mfa_recovery_used', signedOut: true });
  });
});

/** The service on a memory store: the rules that do not depend on the pool. */
describe('also found: service and store rules', () => {
  const passwords: Record<string, string> = { carol: 'Carol-passw0rd', constructor: 'Ctor-passw0rd' };
  const identity: RecoveryIdentity = {
    verifyPassword: async (username, password) =>
      Object.hasOwn(passwords, username) && passwords[username] === password ? username : undefined,
    resetMfa: async () => {},
  };

  it('refuses low-entropy peppers', () => {
    for (const weak of ['a'.repeat(32), 'ab'.repeat(20), 'password'.repeat(5), '0123456789'.repeat(4)])
      expect(() => createRecoveryService({ store: memoryStore(), pepper: weak, identity }), weak).toThrow(
        /pepper/,
      );
    expect(() =>
      createRecoveryService({
        store: memoryStore(),
        pepper: 'q8Z+u2J/9vKx0cLmPf3TzR7wYhN1bE4sAdGiOo6Wl5M=',
        identity,
      }),
    ).not.toThrow();
  });

  it('memoryStore keeps users in a Map: constructor, toString and __proto__ are ordinary usernames', async () => {
    const store = memoryStore();
    const service = createRecoveryService({ store, pepper, identity, audit: () => {} });
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await store.get(name)).toBeUndefined();
      expect(await service.status(name)).toEqual({ remaining: 0, total: 0 });
    }
    const { codes } = await service.generate('constructor');
    expect(
      await service.redeem({ username: 'constructor', password: 'Ctor-passw0rd', code: codes[0] ?? '' }),
    ).toEqual({
      ok: true,
      remaining: 9,
    });
    expect(Object.getPrototypeOf(store.dump().sets)).toBe(Object.prototype);
  });

  it('a code from a set replaced mid-redeem answers CODE_INVALID, not CODE_USED', async () => {
    const inner = memoryStore();
    let service: ReturnType<typeof createRecoveryService> | undefined;
    let regenerate = true;
    const racing = {
      ...inner,
      async consume(username: string, setId: string, index: number, usedAt: string) {
        if (regenerate) {
          regenerate = false;
          await service?.generate(username);
        }
        return inner.consume(username, setId, index, usedAt);
      },
    };
    service = createRecoveryService({ store: racing, pepper, identity, audit: () => {} });
    const { codes } = await service.generate('carol');
    expect(
      await service.redeem({ username: 'carol', password: 'Carol-passw0rd', code: codes[0] ?? '' }),
    ).toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
  });

  it('growing waits (NIST SP 800-63B 5.2.2): 5 per 15 minutes, then 20 per day, by default', async () => {
    let now = Date.UTC(2026, 10, 23, 0, 0, 0);
    const service = createRecoveryService({
      store: memoryStore({ now: () => now }),
      pepper,
      identity,
      audit: () => {},
      now: () => now,
    });
    await service.generate('carol');
    const attempt = () =>
      service.redeem({
        username: 'carol',
        password: 'Carol-passw0rd',
        code: 'AAAAA-AAAAA',
        ip: `192.0.2.${now % 200}`,
      });
    const waits: number[] = [];
    for (let window = 0; window < 5; window += 1) {
      for (let i = 0; i < 6; i += 1) {
        const result = await attempt();
        if (!result.ok && result.reason === 'RATE_LIMITED') waits.push(result.retryAfterSeconds ?? 0);
      }
      now += 15 * 60_000;
    }
    // Windows 1–3: the 6th attempt waits out the 15 minutes; from the 21st attempt of the day, the day.
    expect(waits.slice(0, 3).every((wait) => wait <= 900)).toBe(true);
    expect(Math.max(...waits)).toBeGreaterThan(900);
  });
});
