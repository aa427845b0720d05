// @vitest-environment node
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { adminTableDefinition, dynamoDbAdminStore } from 'mfa-kit/server/dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type AdminStore,
  createMfaAdminHandler,
  MFA_ADMIN_ROUTES,
  type MfaAdminHandler,
  type MfaAdminHandlerOptions,
} from '../../src/server';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { type AdminCognitoProxy, startAdminCognitoProxy } from './support/adminCognitoProxy';
import { type AdminTestPool, createAdminPool } from './support/adminPool';
import { adminClient, tokensFor } from './support/cognitoPool';
import { type LocalDynamo, startDynalite } from './support/dynalite';

/**
 * Every admin route × every kind of caller, on cognito-local tokens: only a valid access token of
 * this app client whose `cognito:groups` include an admin group gets past authorization.
 */
const root = { username: 'root', password: 'R00t-passw0rd!', groups: ['mfa-admins'] };
const bob = { username: 'bob', password: 'B0b-passw0rd!', groups: ['support'] };
const dave = { username: 'dave', password: 'D4ve-passw0rd!' };
const erin = { username: 'erin', password: 'Er1n-passw0rd!', totp: true };

let cognitoLocal: CognitoLocal;
let proxy: AdminCognitoProxy;
let dynamo: LocalDynamo;
let pool: AdminTestPool;
let jwks: MfaAdminHandlerOptions['jwks'];
let handler: MfaAdminHandler;
let store: AdminStore;
const tokens: Record<string, string | undefined> = {};

beforeAll(async () => {
  [cognitoLocal, dynamo] = await Promise.all([startCognitoLocal(), startDynalite()]);
  proxy = await startAdminCognitoProxy(cognitoLocal.endpoint);
  const admin = adminClient(cognitoLocal.endpoint);
  pool = await createAdminPool(admin, [root, bob, dave, erin]);
  jwks = await (await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)).json();
  await dynamo.client.send(new CreateTableCommand(adminTableDefinition('authz')));
  store = dynamoDbAdminStore({ client: dynamo.client, tableName: 'authz' });
  handler = createMfaAdminHandler({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    issuer: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
    jwks,
    adminGroups: ['mfa-admins'],
    cognito: adminClient(proxy.endpoint),
    store,
    audit: () => {},
  });
  const rootTokens = await tokensFor(admin, pool.clientId, root);
  tokens.admin = rootTokens.accessToken;
  tokens['ID token of an admin'] = rootTokens.idToken;
  tokens['non-admin'] = (await tokensFor(admin, pool.clientId, bob)).accessToken;
  tokens['wrong client'] = (await tokensFor(admin, pool.otherClientId, root)).accessToken;
  tokens.expired = rootTokens.accessToken;
  tokens['no token'] = undefined;
  tokens.forged = `${rootTokens.accessToken.split('.').slice(0, 2).join('.')}.AAAA`;
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([cognitoLocal?.stop(), dynamo?.stop()]);
});
afterEach(() => {
  vi.useRealTimers();
});

const justification = 'Lost phone; identity checked on a video call (ticket 4711)';

/** One request per route, in an order the admin row can run for real. */
const requests: Record<string, () => Request> = {
  'GET /pool-mfa': () => new Request('https://app.example/mfa/admin/pool-mfa'),
  'PUT /pool-mfa': () =>
    new Request('https://app.example/mfa/admin/pool-mfa', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'OPTIONAL', methods: ['TOTP'], dryRun: true }),
    }),
  'GET /users': () => new Request('https://app.example/mfa/admin/users'),
  'GET /users/{username}': () => new Request('https://app.example/mfa/admin/users/dave'),
  'POST /users/{username}/mfa-reset': () =>
    new Request('https://app.example/mfa/admin/users/dave/mfa-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ justification }),
    }),
  'POST /users/{username}/mfa-bypass': () =>
    new Request('https://app.example/mfa/admin/users/erin/mfa-bypass', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ justification, hours: 1 }),
    }),
  'DELETE /users/{username}/mfa-bypass': () =>
    new Request('https://app.example/mfa/admin/users/erin/mfa-bypass', { method: 'DELETE' }),
  'GET /audit-log': () => new Request('https://app.example/mfa/admin/audit-log'),
  'GET /compliance-export': () => new Request('https://app.example/mfa/admin/compliance-export?format=csv'),
  'GET /policy': () => new Request('https://app.example/mfa/admin/policy'),
  'GET /adoption-snapshots': () => new Request('https://app.example/mfa/admin/adoption-snapshots'),
  'POST /adoption-snapshots': () =>
    new Request('https://app.example/mfa/admin/adoption-snapshots', { method: 'POST' }),
  'PUT /policy': () =>
    new Request('https://app.example/mfa/admin/policy', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        policy: { requiredRoles: ['admin'], policyStart: '2026-05-01T00:00:00Z' },
        justification,
      }),
    }),
};

function withToken(request: Request, token: string | undefined): Request {
  const headers = new Headers(request.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

const refusedCallers = ['no token', 'expired', 'wrong client', 'ID token of an admin', 'forged', 'non-admin'];
const expectedStatus: Record<string, number> = {
  'no token': 401,
  expired: 401,
  'wrong client': 401,
  'ID token of an admin': 401,
  forged: 401,
  'non-admin': 403,
};
const adminStatus: Record<string, number> = {
  'GET /pool-mfa': 200,
  'PUT /pool-mfa': 200,
  'GET /users': 200,
  'GET /users/{username}': 200,
  'POST /users/{username}/mfa-reset': 200,
  'POST /users/{username}/mfa-bypass': 201,
  'DELETE /users/{username}/mfa-bypass': 200,
  'GET /audit-log': 200,
  'GET /compliance-export': 200,
  'GET /policy': 200,
  'PUT /policy': 200,
  'GET /adoption-snapshots': 200,
  'POST /adoption-snapshots': 201,
};

/** The matrix, printed for the issue note: route → caller → status. */
const matrix: Record<string, Record<string, number>> = {};

describe('admin routes: authorization matrix', () => {
  it('covers every route the handler serves', () => {
    expect(Object.keys(requests).sort()).toEqual(MFA_ADMIN_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(refusedCallers)(
    'refuses %s on every route, before any Cognito call or audit write',
    async (caller) => {
      if (caller === 'expired') {
        // The real token, read 25 hours later: cognito-local's access tokens live 24 hours by default.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 25 * 3_600_000);
      }
      proxy.calls.length = 0;
      for (const [route, request] of Object.entries(requests)) {
        const response = await handler(withToken(request(), tokens[caller]));
        matrix[route] = { ...matrix[route], [caller]: response.status };
        expect(response.status, `${caller} on ${route}`).toBe(expectedStatus[caller]);
        const body = (await response.json()) as { error: string };
        expect(body.error).toBe(caller === 'non-admin' ? 'FORBIDDEN' : 'UNAUTHORIZED');
        if (response.status === 401)
          expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      }
      expect(proxy.calls).toEqual([]);
      expect((await store.queryEvents({})).items).toEqual([]);
    },
  );

  it('lets an admin through on every route', async () => {
    for (const [route, request] of Object.entries(requests)) {
      const response = await handler(withToken(request(), tokens.admin));
      matrix[route] = { ...matrix[route], admin: response.status };
      expect(response.status, `admin on ${route}: ${await response.clone().text()}`).toBe(adminStatus[route]);
      expect(response.headers.get('x-request-id')).toMatch(/^[\w.:-]+$/);
    }
    console.info(`authorization matrix (status per route and caller):\n${JSON.stringify(matrix, null, 1)}`);
  });

  it('refuses an admin acting on their own MFA, with no change and no event', async () => {
    proxy.calls.length = 0;
    const before = (await store.queryEvents({ limit: 100 })).items.length;
    for (const action of ['mfa-reset', 'mfa-bypass']) {
      const response = await handler(
        withToken(
          new Request(`https://app.example/mfa/admin/users/root/${action}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ justification }),
          }),
          tokens.admin,
        ),
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'SELF_ACTION_FORBIDDEN' });
    }
    expect(proxy.calls.map((call) => call.target)).not.toContain('AdminSetUserMFAPreference');
    expect((await store.queryEvents({ limit: 100 })).items).toHaveLength(before);
  });
});
