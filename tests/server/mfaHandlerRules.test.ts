// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createMfaHandler, type MfaHandlerOptions } from '../../src/server/createMfaHandler';
import type { RecoveryIdentity, RecoveryRequestContext } from '../../src/server/recovery/identity';
import { memoryStore } from '../../src/server/recovery/memoryStore';
import { localIssuer } from './support/localIssuer';

/**
 * Issue 21: createMfaHandler's own rules without any emulator — tokens signed by a local pool key
 * (so tokens Cognito would not issue can be tried), a memory store, and a recording identity.
 */
const pool = localIssuer();
const clientId = 'client-a';
const pepper = 'test-pepper-of-at-least-thirty-two-characters';
const base = 'https://api.example.com';

const accessToken = (claims: Record<string, unknown> = {}) =>
  pool.token({ token_use: 'access', client_id: clientId, username: 'alice', sub: 'sub-alice', ...claims });
const idToken = (claims: Record<string, unknown> = {}) =>
  pool.token({
    token_use: 'id',
    aud: clientId,
    sub: 'sub-alice',
    'cognito:username': 'alice',
    auth_time: Math.floor(Date.now() / 1000) - 5,
    ...claims,
  });

function setup(overrides: Partial<MfaHandlerOptions> = {}) {
  const send = vi.fn(async (_command: { input: unknown }): Promise<unknown> => ({}));
  const identity = {
    verifyPassword: vi.fn(async (username: string, password: string, _context?: RecoveryRequestContext) =>
      password === 'right' ? username.toLowerCase() : undefined,
    ),
    resetMfa: vi.fn(async (_username: string) => {}),
  } satisfies RecoveryIdentity;
  const store = memoryStore();
  const handler = createMfaHandler({
    userPoolId: pool.userPoolId,
    issuer: pool.issuer,
    jwks: pool.jwks as never,
    clientId,
    cognito: { send } as never,
    store,
    pepper,
    identity,
    audit: () => {},
    ...overrides,
  });
  return { handler, send, identity, store };
}

const get = (token?: string, path = '/mfa/recovery-codes') =>
  new Request(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (token: string, headers: Record<string, string> = {}) =>
  new Request(`${base}/mfa/recovery-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
const redeem = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${base}/mfa/recovery-codes/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('createMfaHandler: who may call generate and status', () => {
  it('accepts an access token of its own client and answers the status', async () => {
    const { handler } = setup();
    const response = await handler(get(accessToken()));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    await expect(response.json()).resolves.toEqual({ remaining: 0, total: 0 });
  });

  it.each([
    ['no token', undefined],
    ['an access token of another app client', accessToken({ client_id: 'client-b' })],
    ['an ID token of this client', idToken({ client_id: clientId })],
    ['a token without token_use', accessToken({ token_use: undefined })],
    ['an access token without a username', accessToken({ username: undefined })],
    ['an access token whose username is not a string', accessToken({ username: 42 })],
    [
      'a token of another pool',
      localIssuer().token({ token_use: 'access', client_id: clientId, username: 'alice' }),
    ],
    ['something that is not a JWT', 'not-a-jwt'],
  ])('refuses %s with 401 and an RFC 6750 challenge', async (_name, token) => {
    const { handler } = setup();
    for (const request of [
      get(token),
      token ? post(token) : new Request(`${base}/mfa/recovery-codes`, { method: 'POST' }),
    ]) {
      const response = await handler(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      await expect(response.json()).resolves.toEqual({ error: 'UNAUTHORIZED' });
    }
  });

  it('with checkTokenRevocation asks Cognito GetUser with the token, and refuses a revoked one', async () => {
    const { handler, send } = setup({ checkTokenRevocation: true });
    const token = accessToken();
    expect((await handler(get(token))).status).toBe(200);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].constructor.name).toBe('GetUserCommand');
    expect(send.mock.calls[0]?.[0].input).toEqual({ AccessToken: token });

    send.mockRejectedValueOnce(Object.assign(new Error('revoked'), { name: 'NotAuthorizedException' }));
    expect((await handler(get(token))).status).toBe(401);

    // Any other failure is an outage, not a verdict on the token.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    send.mockRejectedValueOnce(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }));
    expect((await handler(get(token))).status).toBe(500);
    spy.mockRestore();
  });

  it('without checkTokenRevocation never calls Cognito, and never for a refused token', async () => {
    const { handler, send } = setup();
    expect((await handler(get(accessToken()))).status).toBe(200);
    const strict = setup({ checkTokenRevocation: true });
    expect((await strict.handler(get(accessToken({ client_id: 'client-b' })))).status).toBe(401);
    expect(send).not.toHaveBeenCalled();
    expect(strict.send).not.toHaveBeenCalled();
  });
});

describe('createMfaHandler: replacing codes needs a fresh step-up of the same user', () => {
  async function withCodes(overrides: Partial<MfaHandlerOptions> = {}) {
    const context = setup(overrides);
    const first = await context.handler(post(accessToken()));
    expect(first.status).toBe(201);
    const body = (await first.json()) as { codes: string[] };
    expect(body.codes).toHaveLength(10);
    return context;
  }
  const proof = (token: string) => ({ 'x-step-up-proof': token });

  it('asks for step-up (RFC 9470, max_age 300 by default) once codes exist', async () => {
    const { handler } = await withCodes();
    const response = await handler(post(accessToken()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_user_authentication"');
    expect(response.headers.get('www-authenticate')).toContain('max_age="300"');
  });

  it('uses the configured max age, for the challenge and for the proof', async () => {
    const { handler } = await withCodes({ regenerateStepUp: { maxAgeSeconds: 60 } });
    const challenge = await handler(post(accessToken()));
    expect(challenge.headers.get('www-authenticate')).toContain('max_age="60"');
    const old = idToken({ auth_time: Math.floor(Date.now() / 1000) - 120 });
    const stale = await handler(post(accessToken(), proof(old)));
    expect(stale.status).toBe(401);
    expect(stale.headers.get('www-authenticate')).toContain('max_age="60"');
  });

  it('accepts a fresh ID token of the same user and replaces the codes', async () => {
    const { handler } = await withCodes();
    const response = await handler(post(accessToken(), proof(idToken())));
    expect(response.status).toBe(201);
  });

  it('refuses an access token as the proof, and a proof of another user', async () => {
    const { handler } = await withCodes();
    const access = await handler(post(accessToken(), proof(accessToken())));
    expect(access.status).toBe(403);
    await expect(access.json()).resolves.toEqual({ error: 'STEP_UP_INVALID' });
    const other = await handler(post(accessToken(), proof(idToken({ 'cognito:username': 'mallory' }))));
    expect(other.status).toBe(403);
    await expect(other.json()).resolves.toEqual({ error: 'STEP_UP_OTHER_USER' });
    const noAuthTime = await handler(post(accessToken(), proof(idToken({ auth_time: undefined }))));
    expect(noAuthTime.status).toBe(403);
  });

  it('with requireMfa asks AdminGetUser, and refuses a user without MFA', async () => {
    const { handler, send } = await withCodes({ regenerateStepUp: { maxAgeSeconds: 300, requireMfa: true } });
    send.mockResolvedValueOnce({ UserMFASettingList: [] });
    const refused = await handler(post(accessToken(), proof(idToken())));
    expect(refused.status).toBe(403);
    expect(send.mock.calls[0]?.[0].input).toEqual({ UserPoolId: pool.userPoolId, Username: 'alice' });
    send.mockResolvedValueOnce({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    expect((await handler(post(accessToken(), proof(idToken())))).status).toBe(201);
  });

  it('without requireMfa does not ask Cognito', async () => {
    const { handler, send } = await withCodes();
    expect((await handler(post(accessToken(), proof(idToken())))).status).toBe(201);
    expect(send).not.toHaveBeenCalled();
  });

  it('regenerateStepUp: false replaces codes on the access token alone', async () => {
    const { handler } = await withCodes({ regenerateStepUp: false });
    expect((await handler(post(accessToken()))).status).toBe(201);
  });
});

describe('createMfaHandler: routes, CORS and failures', () => {
  it('serves under basePath (a trailing slash ignored) and nothing outside it', async () => {
    const { handler } = setup({ basePath: '/api/mfa/' });
    expect((await handler(get(accessToken(), '/api/mfa/recovery-codes'))).status).toBe(200);
    const outside = await handler(get(accessToken(), '/mfa/recovery-codes'));
    expect(outside.status).toBe(404);
    await expect(outside.json()).resolves.toEqual({ error: 'NOT_FOUND' });
    expect((await handler(get(accessToken(), '/api/mfa'))).status).toBe(404);
    expect((await handler(get(accessToken(), '/api/mfaX/recovery-codes'))).status).toBe(404);
    // Outside basePath even where the rest of the path would name a route.
    expect((await handler(get(accessToken(), '/api/xyz/recovery-codes'))).status).toBe(404);
  });

  it('answers unknown paths 404 and wrong methods 405', async () => {
    const { handler } = setup();
    const unknown = await handler(get(accessToken(), '/mfa/other'));
    expect(unknown.status).toBe(404);
    await expect(unknown.json()).resolves.toEqual({ error: 'NOT_FOUND' });
    // A POST elsewhere is not a redeem.
    const elsewhere = await handler(
      new Request(`${base}/mfa/other`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(elsewhere.status).toBe(404);
    const put = await handler(new Request(`${base}/mfa/recovery-codes`, { method: 'PUT' }));
    expect(put.status).toBe(405);
    await expect(put.json()).resolves.toEqual({ error: 'METHOD_NOT_ALLOWED' });
    expect((await handler(get(accessToken(), '/mfa/recovery-codes/redeem'))).status).toBe(405);
  });

  it('answers preflight with the methods and headers, and echoes only allowed origins', async () => {
    const { handler } = setup({ allowedOrigins: ['https://app.example.com'] });
    const preflight = await handler(
      new Request(`${base}/mfa/recovery-codes`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-step-up-proof',
    );
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('www-authenticate, retry-after');
    expect(preflight.headers.get('vary')).toBe('Origin');

    const evil = await handler(
      new Request(`${base}/mfa/recovery-codes`, { headers: { origin: 'https://evil.example' } }),
    );
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const none = setup();
    const noList = await none.handler(
      new Request(`${base}/mfa/recovery-codes`, { headers: { origin: 'https://app.example.com' } }),
    );
    expect(noList.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 500 INTERNAL when the store fails, with CORS kept', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryStore();
    store.get = () => Promise.reject(new Error('store down'));
    const { handler } = setup({ store, allowedOrigins: ['https://app.example.com'] });
    const response = await handler(
      new Request(`${base}/mfa/recovery-codes`, {
        headers: { authorization: `Bearer ${accessToken()}`, origin: 'https://app.example.com' },
      }),
    );
    expect(response.status).toBe(500);
    await expect(response.json()).resolves.toEqual({ error: 'INTERNAL' });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(spy).toHaveBeenCalledWith('mfa-kit: the MFA handler failed', expect.any(Error));
    spy.mockRestore();
  });
});

describe('createMfaHandler: redeem', () => {
  async function codeFor(handler: ReturnType<typeof setup>['handler']) {
    const response = await handler(post(accessToken()));
    return ((await response.json()) as { codes: string[] }).codes;
  }

  it('maps body errors to 400, 413 and 415 with their codes', async () => {
    const { handler } = setup();
    const bad = await handler(redeem('{not json'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'INVALID_REQUEST' });
    const large = await handler(redeem({ username: 'a', password: 'x'.repeat(20_000), code: 'c' }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    const text = await handler(redeem('{}', { 'content-type': 'text/plain' }));
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
  });

  it('refuses a malformed request with 400 before any password check', async () => {
    const { handler, identity } = setup();
    const response = await handler(redeem({ username: 'alice', password: '', code: 'ABCDE-23456' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'INVALID_REQUEST',
      message: 'Send { username, password, code } as JSON: a username of 1–128 characters, a password.',
    });
    expect(identity.verifyPassword).not.toHaveBeenCalled();
  });

  it('redeems a code, passing the request context to the password check', async () => {
    const { handler, identity } = setup();
    const [code] = await codeFor(handler);
    const response = await handler(
      redeem(
        { username: 'alice', password: 'right', code },
        { 'user-agent': 'Browser/1.0', host: 'api.example.com' },
      ),
      { clientIp: '203.0.113.9' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, remaining: 9 });
    expect(identity.verifyPassword).toHaveBeenCalledWith('alice', 'right', {
      ip: '203.0.113.9',
      serverName: 'api.example.com',
      serverPath: '/mfa/recovery-codes/redeem',
      headers: { 'user-agent': 'Browser/1.0' },
    });
    expect(identity.resetMfa).toHaveBeenCalledWith('alice');
  });

  it('sends no headers to the password check when the request has no User-Agent', async () => {
    const { handler, identity } = setup();
    const [code] = await codeFor(handler);
    await handler(redeem({ username: 'alice', password: 'right', code }));
    expect(identity.verifyPassword.mock.calls[0]?.[2]).toMatchObject({
      headers: {},
      serverName: 'api.example.com',
    });
  });

  it('names the server from the Host header, else from the URL, and cuts long names, paths and agents', async () => {
    const longBase = `/${'b'.repeat(300)}`;
    const { handler, identity } = setup({ basePath: longBase });
    const longHost = `https://${'h'.repeat(300)}.example`;
    const request = (headers: Record<string, string>) =>
      new Request(`${longHost}${longBase}/recovery-codes/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'alice', password: 'wrong', code: 'ABCDE-23456' }),
      });
    await handler(request({ 'user-agent': 'u'.repeat(600) }));
    const context = identity.verifyPassword.mock.calls[0]?.[2];
    expect(context?.serverName).toBe(new URL(longHost).host.slice(0, 256));
    expect(context?.serverName).toHaveLength(256);
    expect(context?.serverPath).toBe(`${longBase}/recovery-codes/redeem`.slice(0, 256));
    expect(context?.headers).toEqual({ 'user-agent': 'u'.repeat(512) });
    await handler(request({ host: 'proxy.example' }));
    expect(identity.verifyPassword.mock.calls[1]?.[2]?.serverName).toBe('proxy.example');
  });

  it('answers a wrong code 400 CODE_INVALID and a used code 400 CODE_USED', async () => {
    const { handler } = setup();
    const [code] = await codeFor(handler);
    const wrong = await handler(redeem({ username: 'alice', password: 'right', code: 'ABCDE-23456' }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ ok: false, reason: 'CODE_INVALID' });
    expect((await handler(redeem({ username: 'alice', password: 'right', code }))).status).toBe(200);
    const used = await handler(redeem({ username: 'alice', password: 'right', code }));
    expect(used.status).toBe(400);
    expect(await used.json()).toEqual({ ok: false, reason: 'CODE_USED' });
  });

  it('answers 429 with Retry-After once the per-IP limit is spent', async () => {
    const { handler } = setup({ perIpLimit: { limit: 1, windowSeconds: 60 } });
    const body = { username: 'alice', password: 'wrong', code: 'ABCDE-23456' };
    expect((await handler(redeem(body), { clientIp: '198.51.100.1' })).status).toBe(400);
    const limited = await handler(redeem(body), { clientIp: '198.51.100.1' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    });
  });

  it('honours trustedProxies for the per-IP bucket, and a custom clientIp over both', async () => {
    const proxied = setup({ perIpLimit: { limit: 1, windowSeconds: 60 }, trustedProxies: 1 });
    const body = { username: 'alice', password: 'wrong', code: 'ABCDE-23456' };
    const from = (ip: string) => redeem(body, { 'x-forwarded-for': ip });
    expect((await proxied.handler(from('192.0.2.1'))).status).toBe(400);
    expect((await proxied.handler(from('192.0.2.2'))).status).toBe(400);
    expect((await proxied.handler(from('192.0.2.1'))).status).toBe(429);

    const custom = setup({ perIpLimit: { limit: 1, windowSeconds: 60 }, clientIp: () => 'same' });
    expect((await custom.handler(redeem(body), { clientIp: '192.0.2.1' })).status).toBe(400);
    expect((await custom.handler(redeem(body), { clientIp: '192.0.2.2' })).status).toBe(429);
  });

  it('answers 500 INTERNAL, not 503, when the store fails during a redeem', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryStore();
    const { handler } = setup({ store });
    store.get = () => Promise.reject(new Error('store down'));
    const response = await handler(redeem({ username: 'alice', password: 'right', code: 'ABCDE-23456' }));
    expect(response.status).toBe(500);
    await expect(response.json()).resolves.toEqual({ error: 'INTERNAL' });
    spy.mockRestore();
  });

  it('answers 503 MFA_RESET_FAILED when the pool cannot reset MFA, and the code still works after', async () => {
    const { handler, identity } = setup();
    const [code] = await codeFor(handler);
    identity.resetMfa.mockRejectedValueOnce(new Error('Cognito down'));
    const failed = await handler(redeem({ username: 'alice', password: 'right', code }));
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: 'MFA_RESET_FAILED' });
    expect((await handler(redeem({ username: 'alice', password: 'right', code }))).status).toBe(200);
  });
});
