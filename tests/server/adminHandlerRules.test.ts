// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AdminAuditEvent,
  createMfaAdminHandler,
  MFA_ADMIN_ROUTES,
  type MfaAdminHandlerOptions,
  memoryAdminStore,
} from '../../src/server';
import { localIssuer } from './support/localIssuer';
import { type MemoryAdminPool, memoryAdminPool } from './support/memoryAdminPool';

/**
 * Issue 21: the admin handler's own rules without an emulator — who gets past authorization (tokens
 * signed by a local pool key, so tokens Cognito would not issue can be tried), how each route reads
 * its input, and what every answer carries. The same routes run on cognito-local in adminAuthz /
 * adminRoutes; these are the fast suite Stryker runs per mutant.
 */
const issuer = localIssuer();
/** Another pool: a well-formed token whose signature this pool's keys do not verify. */
const stranger = localIssuer();
const clientId = 'admin-client';
const base = 'https://api.example.com';
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';

const access = (claims: Record<string, unknown> = {}) =>
  issuer.token({
    token_use: 'access',
    client_id: clientId,
    username: 'root',
    sub: 'sub-root',
    'cognito:groups': ['mfa-admins'],
    ...claims,
  });

function setup(overrides: Partial<MfaAdminHandlerOptions> = {}) {
  const pool: MemoryAdminPool = memoryAdminPool([
    { username: 'root', hasPhone: false, groups: ['mfa-admins'], methods: ['TOTP'], preferred: 'TOTP' },
    { username: 'alice', hasPhone: false, groups: ['finance'], methods: ['TOTP'], preferred: 'TOTP' },
    { username: 'bob', hasPhone: false, groups: [], methods: [] },
  ]);
  const events: AdminAuditEvent[] = [];
  const store = memoryAdminStore();
  const handler = createMfaAdminHandler({
    userPoolId: issuer.userPoolId,
    issuer: issuer.issuer,
    jwks: issuer.jwks as never,
    clientId,
    adminGroups: ['mfa-admins'],
    pool,
    store,
    audit: (event) => {
      events.push(event);
    },
    ...overrides,
  });
  return { handler, pool, store, events };
}

const call = (
  path: string,
  {
    method = 'GET',
    token = access(),
    body,
    headers = {},
  }: {
    method?: string;
    token?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) =>
  new Request(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const bodyOf = async (response: Response) => (await response.json()) as Record<string, unknown>;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMfaAdminHandler: options', () => {
  it('refuses to start without admin groups, so nobody is an admin by a default', () => {
    const pool = memoryAdminPool([]);
    const store = memoryAdminStore();
    const common = { userPoolId: issuer.userPoolId, clientId, pool, store };
    expect(() => createMfaAdminHandler({ ...common, adminGroups: [] })).toThrow(/needs adminGroups/);
    expect(() => createMfaAdminHandler({ ...common, adminGroups: undefined as never })).toThrow(
      /needs adminGroups/,
    );
    expect(() => createMfaAdminHandler({ ...common, adminGroups: 'mfa-admins' as never })).toThrow(
      /needs adminGroups/,
    );
  });

  it('needs a pool or a Cognito client', () => {
    expect(() =>
      createMfaAdminHandler({
        userPoolId: issuer.userPoolId,
        clientId,
        adminGroups: ['mfa-admins'],
        store: memoryAdminStore(),
      }),
    ).toThrow('createMfaAdminHandler needs cognito (or pool).');
  });
});

describe('createMfaAdminHandler: authorization', () => {
  const refused: [string, () => string | null, number][] = [
    ['no token', () => null, 401],
    ['a token that is not a JWT', () => 'not-a-jwt', 401],
    [
      'a token signed by another pool key',
      () => stranger.token({ token_use: 'access', client_id: clientId, username: 'root' }),
      401,
    ],
    ['an expired access token', () => access({ iat: 1_000, exp: 2_000 }), 401],
    ['an ID token of an admin', () => access({ token_use: 'id', aud: clientId, client_id: undefined }), 401],
    ['an access token of another app client', () => access({ client_id: 'other-client' }), 401],
    ['an access token without a username', () => access({ username: undefined }), 401],
    ['an access token whose username is not a string', () => access({ username: 42 }), 401],
    ['a member of no group', () => access({ 'cognito:groups': undefined }), 403],
    ['a member of other groups only', () => access({ 'cognito:groups': ['support', 'finance'] }), 403],
    ['groups given as a string, not a list', () => access({ 'cognito:groups': 'mfa-admins' }), 403],
  ];

  it.each(refused)('refuses %s on every route, before reading anything', async (_name, token, status) => {
    const { handler, pool } = setup();
    for (const route of MFA_ADMIN_ROUTES) {
      const path = `/mfa/admin${route.path.replace('{username}', 'alice')}`;
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : { justification };
      const response = await handler(call(path, { method: route.method, token: token(), body }));
      expect(response.status, `${route.method} ${route.path}`).toBe(status);
      const answer = await bodyOf(response);
      expect(answer.error).toBe(status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
      if (status === 401)
        expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      else expect(response.headers.get('www-authenticate')).toBeNull();
    }
    expect(pool.calls).toEqual([]);
  });

  it('says why a token is refused, without telling an outsider which paths exist', async () => {
    const { handler } = setup();
    const none = await handler(call('/mfa/admin/no-such-route', { token: null }));
    expect(none.status).toBe(401);
    expect((await bodyOf(none)).message).toBe('A Cognito access token is required.');
    const forged = await handler(call('/mfa/admin/users', { token: 'a.b.c' }));
    expect((await bodyOf(forged)).message).toMatch(/not valid/);
    const idToken = await handler(call('/mfa/admin/users', { token: access({ token_use: 'id' }) }));
    expect((await bodyOf(idToken)).message).toBe('The token is not an access token of this app client.');
    const outsider = await handler(call('/mfa/admin/users', { token: access({ 'cognito:groups': ['x'] }) }));
    expect((await bodyOf(outsider)).message).toBe('Only members of an admin group may call the admin API.');
  });

  it('lets an access token of this client through when any of its groups is an admin group', async () => {
    const { handler } = setup({ adminGroups: ['security', 'mfa-admins'] });
    const response = await handler(
      call('/mfa/admin/pool-mfa', { token: access({ 'cognito:groups': ['finance', 'mfa-admins'] }) }),
    );
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ mode: 'OPTIONAL', methods: ['TOTP', 'SMS', 'EMAIL'] });
  });

  it('acts as the username of the verified token, never one the caller names', async () => {
    const { handler, events } = setup();
    const response = await handler(
      call('/mfa/admin/users/root/mfa-reset', {
        method: 'POST',
        token: access({ username: 'root' }),
        body: { justification, actor: 'someone-else' },
      }),
    );
    expect(response.status).toBe(403);
    expect((await bodyOf(response)).error).toBe('SELF_ACTION_FORBIDDEN');
    const reset = await handler(
      call('/mfa/admin/users/alice/mfa-reset', { method: 'POST', body: { justification } }),
    );
    expect(reset.status).toBe(200);
    expect(events.map((event) => [event.type, event.actor, event.target])).toContainEqual([
      'mfa_reset',
      'root',
      'alice',
    ]);
  });
});

describe('createMfaAdminHandler: paths, CORS and request ids', () => {
  it('answers 404 outside its base path without asking for a token, and 404 for an unknown admin path', async () => {
    const { handler } = setup();
    const outside = await handler(call('/mfa/other', { token: null }));
    expect(outside.status).toBe(404);
    expect(await bodyOf(outside)).toEqual({ error: 'NOT_FOUND' });
    expect((await handler(call('/mfa/admin', { token: null }))).status).toBe(404);
    const unknown = await handler(call('/mfa/admin/nothing-here'));
    expect(unknown.status).toBe(404);
    expect(await bodyOf(unknown)).toEqual({ error: 'NOT_FOUND' });
  });

  it('serves under a custom base path, with or without a trailing slash', async () => {
    for (const basePath of ['/admin-api', '/admin-api/']) {
      const { handler } = setup({ basePath });
      expect((await handler(call('/admin-api/pool-mfa'))).status).toBe(200);
      expect((await handler(call('/mfa/admin/pool-mfa'))).status).toBe(404);
    }
  });

  it('answers a preflight with the allowed methods and headers, and CORS headers only for allowed origins', async () => {
    const { handler } = setup({ allowedOrigins: ['https://console.example.com'] });
    const allowed = await handler(
      call('/mfa/admin/users', {
        method: 'OPTIONS',
        token: null,
        headers: { origin: 'https://console.example.com' },
      }),
    );
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    expect(allowed.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-request-id',
    );
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'www-authenticate, x-request-id, content-disposition, x-mfa-export-sha256, x-mfa-audit-id',
    );
    expect(allowed.headers.get('vary')).toBe('Origin');

    const other = await handler(
      call('/mfa/admin/users', {
        method: 'OPTIONS',
        token: null,
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(other.status).toBe(204);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toBeNull();

    const sameOrigin = await handler(call('/mfa/admin/users', { method: 'OPTIONS', token: null }));
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds CORS headers to successes and errors for an allowed origin, and none by default', async () => {
    const origin = { origin: 'https://console.example.com' };
    const { handler } = setup({ allowedOrigins: ['https://console.example.com'] });
    const ok = await handler(call('/mfa/admin/pool-mfa', { headers: origin }));
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    const refused = await handler(call('/mfa/admin/pool-mfa', { token: null, headers: origin }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    const { handler: closed } = setup();
    const noCors = await closed(call('/mfa/admin/pool-mfa', { headers: origin }));
    expect(noCors.status).toBe(200);
    expect(noCors.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes a well-formed x-request-id on every answer and records it; replaces a malformed one', async () => {
    const { handler, events } = setup();
    const ok = await handler(call('/mfa/admin/pool-mfa', { headers: { 'x-request-id': 'req-1.a:b_C' } }));
    expect(ok.headers.get('x-request-id')).toBe('req-1.a:b_C');
    const refused = await handler(
      call('/mfa/admin/pool-mfa', { token: null, headers: { 'x-request-id': 'req-2' } }),
    );
    expect(refused.headers.get('x-request-id')).toBe('req-2');
    const notFound = await handler(call('/mfa/admin/nope', { headers: { 'x-request-id': 'req-3' } }));
    expect(notFound.headers.get('x-request-id')).toBe('req-3');

    for (const bad of ['has space', 'a'.repeat(129), 'semi;colon', 'x<script>']) {
      const response = await handler(call('/mfa/admin/pool-mfa', { headers: { 'x-request-id': bad } }));
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(
      (
        await handler(call('/mfa/admin/pool-mfa', { headers: { 'x-request-id': 'a'.repeat(128) } }))
      ).headers.get('x-request-id'),
    ).toBe('a'.repeat(128));
    const generated = await handler(call('/mfa/admin/pool-mfa'));
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await handler(
      call('/mfa/admin/users/alice/mfa-reset', {
        method: 'POST',
        body: { justification },
        headers: { 'x-request-id': 'ticket-4711' },
      }),
    );
    expect(events.find((event) => event.type === 'mfa_reset')?.requestId).toBe('ticket-4711');
  });

  it('answers 500 INTERNAL, with the request id, when something other than an admin error fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { handler, store } = setup();
    vi.spyOn(store, 'getPolicy').mockRejectedValue(new Error('disk on fire'));
    const response = await handler(call('/mfa/admin/policy', { headers: { 'x-request-id': 'req-500' } }));
    expect(response.status).toBe(500);
    expect(await bodyOf(response)).toEqual({ error: 'INTERNAL' });
    expect(response.headers.get('x-request-id')).toBe('req-500');
    expect(error).toHaveBeenCalledWith('mfa-kit: the MFA admin handler failed', expect.any(Error));
  });
});

describe('createMfaAdminHandler: every filter value it documents', () => {
  it('accepts each compliance status, method filter and audit event type, and names the parameter it refuses', async () => {
    const { handler } = setup();
    for (const compliance of ['compliant', 'in_grace', 'non_compliant', 'bypassed']) {
      expect((await handler(call(`/mfa/admin/users?compliance=${compliance}`))).status, compliance).toBe(200);
    }
    for (const method of ['TOTP', 'SMS', 'EMAIL', 'NONE']) {
      expect((await handler(call(`/mfa/admin/users?method=${method}`))).status, method).toBe(200);
    }
    for (const type of [
      'mfa_reset',
      'mfa_bypass',
      'mfa_bypass_ended',
      'mfa_bypass_expired',
      'pool_mfa_changed',
      'policy_changed',
      'mfa_recovery_used',
    ]) {
      expect((await handler(call(`/mfa/admin/audit-log?type=${type}`))).status, type).toBe(200);
    }
    expect((await bodyOf(await handler(call('/mfa/admin/users?compliance=maybe')))).message).toBe(
      'compliance must be one of compliant, in_grace, non_compliant, bypassed.',
    );
  });

  it('matches user paths from the start: a prefix before /users is not a user route', async () => {
    const { handler } = setup();
    expect((await handler(call('/mfa/admin/x/users/alice'))).status).toBe(404);
    expect(
      (await handler(call('/mfa/admin/x/users/alice/mfa-reset', { method: 'POST', body: { justification } })))
        .status,
    ).toBe(404);
  });

  it('pages the audit log by its cursor', async () => {
    const clock = { now: Date.UTC(2026, 10, 23, 12) };
    const { handler } = setup({ now: () => clock.now });
    for (const target of ['alice', 'bob']) {
      clock.now += 1000;
      await handler(
        call(`/mfa/admin/users/${target}/mfa-reset`, { method: 'POST', body: { justification } }),
      );
    }
    const first = await bodyOf(await handler(call('/mfa/admin/audit-log?limit=1')));
    expect((first.items as AdminAuditEvent[]).map((event) => event.target)).toEqual(['bob']);
    const second = await bodyOf(
      await handler(
        call(`/mfa/admin/audit-log?limit=1&cursor=${encodeURIComponent(first.cursor as string)}`),
      ),
    );
    expect((second.items as AdminAuditEvent[]).map((event) => event.target)).toEqual(['alice']);
  });

  it('talks to the pool of the Cognito client it is given', async () => {
    const send = vi.fn(async (_command: { input: Record<string, unknown> }) => ({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    }));
    const handler = createMfaAdminHandler({
      userPoolId: issuer.userPoolId,
      issuer: issuer.issuer,
      jwks: issuer.jwks as never,
      clientId,
      adminGroups: ['mfa-admins'],
      cognito: { send } as never,
      store: memoryAdminStore(),
    });
    const response = await handler(call('/mfa/admin/pool-mfa'));
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ mode: 'OFF', methods: [] });
    expect(send.mock.calls[0]?.[0].input).toEqual({ UserPoolId: issuer.userPoolId });
  });
});

describe('createMfaAdminHandler: routes', () => {
  const notAllowed: [string, string][] = [
    ['DELETE', '/pool-mfa'],
    ['POST', '/users'],
    ['PUT', '/users/alice'],
    ['GET', '/users/alice/mfa-reset'],
    ['PUT', '/users/alice/mfa-bypass'],
    ['GET', '/users/alice/mfa-bypass'],
    ['POST', '/audit-log'],
    ['POST', '/compliance-export'],
    ['DELETE', '/policy'],
  ];

  it.each(notAllowed)('answers 405 to %s %s and changes nothing', async (method, path) => {
    const { handler, pool, store } = setup();
    const response = await handler(
      call(`/mfa/admin${path}`, { method, body: method === 'GET' ? undefined : {} }),
    );
    expect(response.status).toBe(405);
    expect(await bodyOf(response)).toEqual({ error: 'METHOD_NOT_ALLOWED' });
    expect(pool.calls).toEqual([]);
    expect((await store.queryEvents({ limit: 10 })).items).toEqual([]);
  });

  it('GET and PUT /pool-mfa read and change the pool configuration, dry runs change nothing', async () => {
    const { handler, pool } = setup();
    const dry = await handler(
      call('/mfa/admin/pool-mfa', { method: 'PUT', body: { mode: 'OFF', methods: [], dryRun: true } }),
    );
    expect(dry.status).toBe(200);
    expect(pool.calls).toEqual([]);
    const notDry = await handler(
      call('/mfa/admin/pool-mfa', {
        method: 'PUT',
        body: { mode: 'OPTIONAL', methods: ['TOTP'], dryRun: 'yes', justification },
      }),
    );
    expect(notDry.status).toBe(200);
    expect(pool.config).toEqual({ mode: 'OPTIONAL', methods: ['TOTP'] });
    const read = await handler(call('/mfa/admin/pool-mfa'));
    expect(await bodyOf(read)).toEqual({ mode: 'OPTIONAL', methods: ['TOTP'] });
  });

  it('PUT /pool-mfa passes a given justification on (too short is refused) and works without one', async () => {
    const { handler, pool } = setup();
    const short = await handler(
      call('/mfa/admin/pool-mfa', {
        method: 'PUT',
        body: { mode: 'OFF', methods: [], justification: 'short' },
      }),
    );
    expect(short.status).toBe(400);
    expect((await bodyOf(short)).error).toBe('JUSTIFICATION_REQUIRED');
    expect(pool.calls).toEqual([]);
    const none = await handler(
      call('/mfa/admin/pool-mfa', { method: 'PUT', body: { mode: 'OFF', methods: [] } }),
    );
    expect(none.status).toBe(200);
    expect(pool.config.mode).toBe('OFF');
  });

  it('refuses a body that is not a JSON object with 400 INVALID_REQUEST', async () => {
    const { handler, pool } = setup();
    for (const path of ['/pool-mfa', '/policy', '/users/alice/mfa-reset']) {
      const response = await handler(
        new Request(`${base}/mfa/admin${path}`, {
          method: path === '/users/alice/mfa-reset' ? 'POST' : 'PUT',
          headers: { authorization: `Bearer ${access()}`, 'content-type': 'application/json' },
          body: '[1, 2',
        }),
      );
      expect(response.status, path).toBe(400);
      expect((await bodyOf(response)).error).toBe('INVALID_REQUEST');
    }
    expect(pool.calls).toEqual([]);
  });

  it('GET /users passes cursor, limit, search and filters on, and refuses unknown filter values', async () => {
    const { handler } = setup();
    const page = await bodyOf(await handler(call('/mfa/admin/users?limit=1')));
    expect((page.items as { username: string }[]).map((row) => row.username)).toEqual(['alice']);
    expect(page.cursor).toEqual(expect.any(String));
    const next = await bodyOf(
      await handler(call(`/mfa/admin/users?limit=1&cursor=${page.cursor as string}`)),
    );
    expect((next.items as { username: string }[]).map((row) => row.username)).toEqual(['bob']);
    const search = await bodyOf(await handler(call('/mfa/admin/users?search=ro')));
    expect((search.items as { username: string }[]).map((row) => row.username)).toEqual(['root']);
    const byMethod = await bodyOf(await handler(call('/mfa/admin/users?method=NONE')));
    expect((byMethod.items as { username: string }[]).map((row) => row.username)).toEqual(['bob']);
    const byRole = await bodyOf(await handler(call('/mfa/admin/users?role=finance')));
    expect((byRole.items as { username: string }[]).map((row) => row.username)).toEqual(['alice']);
    const byCompliance = await bodyOf(await handler(call('/mfa/admin/users?compliance=non_compliant')));
    expect((byCompliance.items as { username: string }[]).map((row) => row.username)).toEqual(['bob']);
    const all = await bodyOf(await handler(call('/mfa/admin/users?role=&method=&compliance=&search=')));
    expect((all.items as unknown[]).length).toBe(3);

    for (const query of ['method=FAX', 'compliance=maybe', 'method=totp']) {
      const response = await handler(call(`/mfa/admin/users?${query}`));
      expect(response.status, query).toBe(400);
      expect(await bodyOf(response)).toMatchObject({
        error: 'INVALID_REQUEST',
        message: expect.stringMatching(/must be one of/),
      });
    }
    const message = (await bodyOf(await handler(call('/mfa/admin/users?method=FAX')))).message;
    expect(message).toBe('method must be one of TOTP, SMS, EMAIL, NONE.');
  });

  it('GET /users/{username} decodes the name, 404 for an unknown user, 400 for broken percent-encoding', async () => {
    const { handler, pool } = setup();
    pool.users.set('anné+1', { username: 'anné+1', hasPhone: false, groups: [], methods: [] });
    const row = await bodyOf(await handler(call('/mfa/admin/users/ann%C3%A9%2B1')));
    expect(row.username).toBe('anné+1');
    const missing = await handler(call('/mfa/admin/users/nobody'));
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).error).toBe('USER_NOT_FOUND');
    const broken = await handler(call('/mfa/admin/users/%E0%A4%A'));
    expect(broken.status).toBe(400);
    expect(await bodyOf(broken)).toMatchObject({
      error: 'INVALID_REQUEST',
      message: 'The username is not valid percent-encoding.',
    });
    expect((await handler(call('/mfa/admin/users/alice/other'))).status).toBe(404);
  });

  it('POST /users/{username}/mfa-reset needs a justification and resets the user', async () => {
    const { handler, pool } = setup();
    const none = await handler(call('/mfa/admin/users/alice/mfa-reset', { method: 'POST', body: {} }));
    expect(none.status).toBe(400);
    expect((await bodyOf(none)).error).toBe('JUSTIFICATION_REQUIRED');
    expect(pool.calls).toEqual([]);
    const reset = await handler(
      call('/mfa/admin/users/alice/mfa-reset', { method: 'POST', body: { justification } }),
    );
    expect(reset.status).toBe(200);
    expect(await bodyOf(reset)).toMatchObject({ username: 'alice', methods: [] });
    expect(pool.users.get('alice')?.methods).toEqual([]);
  });

  it('POST and DELETE /users/{username}/mfa-bypass start (201, with the hours asked) and end a bypass', async () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const { handler, pool } = setup({ now: () => now });
    const started = await handler(
      call('/mfa/admin/users/alice/mfa-bypass', { method: 'POST', body: { justification, hours: 2 } }),
    );
    expect(started.status).toBe(201);
    expect((await bodyOf(started)).bypassUntil).toBe(new Date(now + 2 * 3_600_000).toISOString());
    expect(pool.users.get('alice')?.methods).toEqual([]);
    const again = await handler(
      call('/mfa/admin/users/alice/mfa-bypass', { method: 'POST', body: { justification } }),
    );
    expect(again.status).toBe(409);
    expect((await bodyOf(again)).error).toBe('ALREADY_BYPASSED');
    const ended = await handler(call('/mfa/admin/users/alice/mfa-bypass', { method: 'DELETE' }));
    expect(ended.status).toBe(200);
    expect(pool.users.get('alice')?.methods).toEqual(['TOTP']);
    const notBypassed = await handler(call('/mfa/admin/users/alice/mfa-bypass', { method: 'DELETE' }));
    expect(notBypassed.status).toBe(409);
    expect((await bodyOf(notBypassed)).error).toBe('NOT_BYPASSED');

    const defaultHours = await handler(
      call('/mfa/admin/users/alice/mfa-bypass', { method: 'POST', body: { justification } }),
    );
    expect(defaultHours.status).toBe(201);
    expect(Date.parse((await bodyOf(defaultHours)).bypassUntil as string)).toBeGreaterThan(now);
  });

  it('GET /audit-log filters by type, target and time, pages by limit, and refuses a bad time or type', async () => {
    const clock = { now: Date.UTC(2026, 10, 23, 12) };
    const { handler } = setup({ now: () => clock.now });
    await handler(call('/mfa/admin/users/alice/mfa-reset', { method: 'POST', body: { justification } }));
    clock.now += 3_600_000;
    await handler(call('/mfa/admin/users/bob/mfa-reset', { method: 'POST', body: { justification } }));
    const log = async (query: string) => {
      const response = await handler(call(`/mfa/admin/audit-log?${query}`));
      expect(response.status, query).toBe(200);
      return ((await bodyOf(response)).items as AdminAuditEvent[]).map((event) => event.target);
    };
    expect(await log('')).toEqual(['bob', 'alice']);
    expect(await log('type=mfa_reset&target=alice')).toEqual(['alice']);
    expect(await log('type=mfa_bypass')).toEqual([]);
    expect(await log('target=')).toEqual(['bob', 'alice']);
    expect(await log('from=2026-11-23T12:30:00Z')).toEqual(['bob']);
    expect(await log('to=2026-11-23T12:30:00%2B00:00')).toEqual(['alice']);
    expect(await log('from=&to=')).toEqual(['bob', 'alice']);
    expect(await log('limit=1')).toEqual(['bob']);
    expect(await log('limit=abc')).toEqual(['bob', 'alice']);

    for (const [query, message] of [
      ['from=yesterday', 'from must be an ISO 8601 time.'],
      ['to=soon', 'to must be an ISO 8601 time.'],
      ['type=login', expect.stringMatching(/^type must be one of mfa_reset, mfa_bypass, /)],
    ] as const) {
      const response = await handler(call(`/mfa/admin/audit-log?${query}`));
      expect(response.status, query).toBe(400);
      expect(await bodyOf(response)).toMatchObject({ error: 'INVALID_REQUEST', message });
    }
  });

  it('GET and PUT /policy read and set the enforcement policy with a justification', async () => {
    const { handler } = setup();
    expect(await bodyOf(await handler(call('/mfa/admin/policy')))).toEqual({ policy: null });
    const missing = await handler(call('/mfa/admin/policy', { method: 'PUT', body: { justification } }));
    expect(missing.status).toBe(400);
    const policy = { requiredRoles: ['finance'], gracePeriodDays: 0, policyStart: '2026-11-01T00:00:00Z' };
    const set = await handler(call('/mfa/admin/policy', { method: 'PUT', body: { policy, justification } }));
    expect(set.status, JSON.stringify(await set.clone().json())).toBe(200);
    const read = await bodyOf(await handler(call('/mfa/admin/policy')));
    expect(read.policy).toMatchObject({ requiredRoles: ['finance'] });
    const unjustified = await handler(call('/mfa/admin/policy', { method: 'PUT', body: { policy } }));
    expect(unjustified.status).toBe(400);
    expect((await bodyOf(unjustified)).error).toBe('JUSTIFICATION_REQUIRED');
  });

  it('GET /compliance-export answers an attachment (CSV by default, JSON on request), never cached', async () => {
    const { handler } = setup();
    const csv = await handler(call('/mfa/admin/compliance-export'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(await csv.text()).toMatch(/alice/);
    const json = await handler(call('/mfa/admin/compliance-export?format=json'));
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect(JSON.parse(await json.text())).toBeTruthy();
    const empty = await handler(call('/mfa/admin/compliance-export?format='));
    expect(empty.headers.get('content-type')).toMatch(/^text\/csv/);
    const xml = await handler(call('/mfa/admin/compliance-export?format=xml'));
    expect(xml.status).toBe(400);
    expect((await bodyOf(xml)).message).toBe('format must be one of csv, json.');
  });

  it('maps each admin error to its status, with the alternative when the service offers one', async () => {
    const { handler, pool } = setup();
    pool.config = { mode: 'ON', methods: ['TOTP'] };
    const reset = await handler(
      call('/mfa/admin/users/alice/mfa-reset', { method: 'POST', body: { justification } }),
    );
    expect(reset.status).toBe(409);
    const answer = await bodyOf(reset);
    expect(answer.error).toBe('RESET_UNAVAILABLE_POOL_MFA_ON');
    expect(answer.alternative).toEqual(expect.any(String));
    const bypass = await handler(
      call('/mfa/admin/users/alice/mfa-bypass', { method: 'POST', body: { justification } }),
    );
    expect(bypass.status).toBe(409);
    expect((await bodyOf(bypass)).error).toBe('BYPASS_UNAVAILABLE_POOL_MFA_ON');

    const { handler: second, pool: failing } = setup();
    failing.failNext('getMfaConfig', Object.assign(new Error('boom'), { name: 'InternalErrorException' }));
    const poolDown = await second(call('/mfa/admin/pool-mfa'));
    expect(poolDown.status).toBe(502);
    expect(await bodyOf(poolDown)).not.toHaveProperty('alternative');
  });
});
