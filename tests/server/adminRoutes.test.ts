// @vitest-environment node
import { createHash } from 'node:crypto';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { adminTableDefinition, dynamoDbAdminStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminAuditEvent, AdminBypassResult, AdminPage, AdminUserRow } from '../../src/ports';
import {
  type AdminStore,
  cognitoAdminPool,
  createMfaAdminHandler,
  createMfaAdminService,
  createRecoveryService,
  type MfaAdminHandler,
  type MfaAdminHandlerOptions,
  type MfaAdminService,
  memoryStore,
} from '../../src/server';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { type AdminCognitoProxy, startAdminCognitoProxy } from './support/adminCognitoProxy';
import { type AdminTestPool, createAdminPool } from './support/adminPool';
import { accessTokenFor, adminClient } from './support/cognitoPool';
import { type LocalDynamo, startDynalite } from './support/dynalite';
import { parseComplianceCsv } from './support/parseComplianceCsv';

/**
 * The admin routes on cognito-local (pool MFA config, ListUsers, AdminGetUser, groups) and dynalite,
 * with the recording proxy answering the calls cognito-local lacks; each wire request asserted.
 */
const root = {
  username: 'root',
  password: 'R00t-passw0rd!',
  groups: ['mfa-admins'],
  email: 'root@example.com',
};
const second = { username: 'sam', password: 'S4m-passw0rd!!', groups: ['mfa-admins'] };
const users = [
  root,
  second,
  {
    username: 'alice',
    password: 'Al1ce-passw0rd!',
    email: 'alice@example.com',
    totp: true,
    groups: ['finance'],
  },
  { username: 'bob', password: 'B0b-passw0rd!!', email: 'bob@example.com' },
  { username: 'carol', password: 'C4rol-passw0rd!', totp: true },
  { username: 'dave', password: 'D4ve-passw0rd!!', totp: true },
  { username: 'erin', password: 'Er1n-passw0rd!!', totp: true },
  { username: 'frank', password: 'Fr4nk-passw0rd!', totp: true },
];
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';

let cognitoLocal: CognitoLocal;
let proxy: AdminCognitoProxy;
let dynamo: LocalDynamo;
let pool: AdminTestPool;
let jwks: MfaAdminHandlerOptions['jwks'];
let rootToken = '';
let samToken = '';
let tables = 0;

beforeAll(async () => {
  [cognitoLocal, dynamo] = await Promise.all([startCognitoLocal(), startDynalite()]);
  proxy = await startAdminCognitoProxy(cognitoLocal.endpoint);
  pool = await createAdminPool(adminClient(cognitoLocal.endpoint), users);
  jwks = await (await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)).json();
  rootToken = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, root);
  samToken = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, second);
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([cognitoLocal?.stop(), dynamo?.stop()]);
});
beforeEach(() => {
  proxy.calls.length = 0;
});

interface Harness {
  handler: MfaAdminHandler;
  service: MfaAdminService;
  store: AdminStore;
  sink: AdminAuditEvent[];
  clock: { now: number };
}

async function harness(overrides: Partial<MfaAdminHandlerOptions> = {}): Promise<Harness> {
  tables += 1;
  const tableName = `admin-routes-${tables}`;
  await dynamo.client.send(new CreateTableCommand(adminTableDefinition(tableName)));
  const store = dynamoDbAdminStore({ client: dynamo.client, tableName });
  const clock = { now: Date.now() };
  const sink: AdminAuditEvent[] = [];
  const options: MfaAdminHandlerOptions = {
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    issuer: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
    jwks,
    adminGroups: ['mfa-admins'],
    cognito: adminClient(proxy.endpoint),
    store,
    audit: (event) => {
      sink.push(event);
    },
    now: () => clock.now,
    ...overrides,
  };
  const handler = createMfaAdminHandler(options);
  // What the host's scheduled job (EventBridge) runs, over the same pool and store.
  const service = createMfaAdminService({
    pool: cognitoAdminPool({ cognito: adminClient(proxy.endpoint), userPoolId: pool.userPoolId }),
    store,
    now: () => clock.now,
  });
  return { handler, service, store, sink, clock };
}

async function call<T>(
  handler: MfaAdminHandler,
  method: string,
  path: string,
  body?: unknown,
  { token = rootToken, requestId }: { token?: string; requestId?: string } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (requestId) headers['x-request-id'] = requestId;
  const response = await handler(
    new Request(`https://app.example/mfa/admin${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed as T, headers: response.headers };
}

const targets = () => proxy.calls.map((c) => c.target);
const callsTo = (target: string) => proxy.calls.filter((c) => c.target === target).map((c) => c.body);

describe('pool MFA configuration (GetUserPoolMfaConfig / SetUserPoolMfaConfig on cognito-local)', () => {
  it('reads the pool, counts a change in a dry run without touching anything, then applies it with an event', async () => {
    const { handler, store, sink } = await harness();
    const current = await call(handler, 'GET', '/pool-mfa');
    expect(current).toMatchObject({ status: 200, body: { mode: 'OPTIONAL', methods: ['TOTP'] } });

    proxy.calls.length = 0;
    const dry = await call(handler, 'PUT', '/pool-mfa', { mode: 'ON', methods: ['TOTP'], dryRun: true });
    // root, sam and bob have no authenticator: Cognito would send them to TOTP setup at sign-in.
    expect(dry.body).toEqual({
      applied: false,
      config: { mode: 'ON', methods: ['TOTP'] },
      impact: { scanned: 8, withoutMfa: 3, sentToSetup: 3, lockedOut: 0, losingMfa: 0 },
    });
    expect(targets()).not.toContain('SetUserPoolMfaConfig');
    expect(callsTo('ListUsers')[0]).toMatchObject({ UserPoolId: pool.userPoolId, Limit: 60 });
    const smsOnly = await call(handler, 'PUT', '/pool-mfa', { mode: 'ON', methods: ['SMS'], dryRun: true });
    expect(smsOnly.body).toMatchObject({ impact: { withoutMfa: 8, sentToSetup: 0, lockedOut: 8 } });
    const off = await call(handler, 'PUT', '/pool-mfa', { mode: 'OFF', methods: [], dryRun: true });
    expect(off.body).toMatchObject({ impact: { losingMfa: 5, withoutMfa: 0 } });
    expect((await store.queryEvents({})).items).toEqual([]);

    proxy.calls.length = 0;
    const applied = await call(
      handler,
      'PUT',
      '/pool-mfa',
      { mode: 'OPTIONAL', methods: ['TOTP'], justification: 'Quarterly review: keep OPTIONAL' },
      { requestId: 'req-pool-1' },
    );
    expect(applied.body).toEqual({ applied: true, config: { mode: 'OPTIONAL', methods: ['TOTP'] } });
    expect(callsTo('SetUserPoolMfaConfig')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      },
    ]);
    const [event] = (await store.queryEvents({ type: 'pool_mfa_changed' })).items;
    expect(event).toMatchObject({
      type: 'pool_mfa_changed',
      actor: 'root',
      requestId: 'req-pool-1',
      status: 'done',
      justification: 'Quarterly review: keep OPTIONAL',
      details: {
        previous: { mode: 'OPTIONAL', methods: ['TOTP'] },
        next: { mode: 'OPTIONAL', methods: ['TOTP'] },
      },
    });
    expect(sink).toEqual([event]);
  });

  it('refuses a malformed configuration with 400', async () => {
    const { handler } = await harness();
    expect((await call(handler, 'PUT', '/pool-mfa', { mode: 'SOMETIMES', methods: [] })).status).toBe(400);
    expect((await call(handler, 'PUT', '/pool-mfa', { mode: 'ON', methods: [] })).status).toBe(400);
    expect((await call(handler, 'PUT', '/pool-mfa', { mode: 'ON', methods: ['FAX'] })).status).toBe(400);
  });
});

describe('listing users (ListUsers, AdminGetUser, AdminListGroupsForUser)', () => {
  it('shows groups, factors and compliance, filters, and searches by username prefix', async () => {
    const { handler } = await harness();
    const page = await call<AdminPage<AdminUserRow>>(handler, 'GET', '/users');
    expect(page.status).toBe(200);
    const alice = page.body.items.find((row) => row.username === 'alice');
    expect(alice).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
      groups: ['finance'],
      methods: ['TOTP'],
      preferred: 'TOTP',
      compliance: 'compliant',
    });
    expect(alice?.lastChangedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.body.items.find((row) => row.username === 'bob')).toMatchObject({
      methods: [],
      compliance: 'non_compliant',
    });
    expect(callsTo('AdminGetUser')).toContainEqual({ UserPoolId: pool.userPoolId, Username: 'alice' });
    expect(callsTo('AdminListGroupsForUser')).toContainEqual({
      UserPoolId: pool.userPoolId,
      Username: 'alice',
      Limit: 60,
    });

    const admins = await call<AdminPage<AdminUserRow>>(handler, 'GET', '/users?role=mfa-admins');
    expect(admins.body.items.map((row) => row.username).sort()).toEqual(['root', 'sam']);
    const without = await call<AdminPage<AdminUserRow>>(handler, 'GET', '/users?method=NONE');
    expect(without.body.items.map((row) => row.username).sort()).toEqual(['bob', 'root', 'sam']);
    const compliant = await call<AdminPage<AdminUserRow>>(handler, 'GET', '/users?compliance=compliant');
    expect(compliant.body.items.every((row) => row.methods.length > 0)).toBe(true);
    proxy.calls.length = 0;
    const search = await call<AdminPage<AdminUserRow>>(handler, 'GET', '/users?search=ca');
    expect(search.body.items.map((row) => row.username)).toEqual(['carol']);
    expect(callsTo('ListUsers')[0]).toMatchObject({ Filter: 'username ^= "ca"' });
    expect((await call(handler, 'GET', '/users?compliance=maybe')).status).toBe(400);
    expect((await call(handler, 'GET', '/users/nobody')).status).toBe(404);
  });

  it('marks users without MFA in their grace period from the host rule', async () => {
    const { handler } = await harness({
      graceUntil: (user) => (user.groups.includes('mfa-admins') ? undefined : '2999-01-01T00:00:00.000Z'),
    });
    const bob = await call<AdminUserRow>(handler, 'GET', '/users/bob');
    expect(bob.body).toMatchObject({ compliance: 'in_grace', graceUntil: '2999-01-01T00:00:00.000Z' });
    const rootRow = await call<AdminUserRow>(handler, 'GET', '/users/root');
    expect(rootRow.body.compliance).toBe('non_compliant');
  });
});

describe('reset (lost device)', () => {
  it('turns every factor off, invalidates recovery codes, forgets devices, and records who, whom, why', async () => {
    const recoveryStore = memoryStore();
    const recovery = createRecoveryService({
      store: recoveryStore,
      pepper: 'test-pepper-of-at-least-thirty-two-characters',
      identity: { verifyPassword: async () => undefined, resetMfa: async () => {} },
      audit: () => {},
    });
    await recovery.generate('carol');
    expect((await recovery.status('carol')).remaining).toBe(10);
    proxy.devices.set('carol', ['us-east-1_dev-1', 'us-east-1_dev-2']);
    const { handler, store, sink } = await harness({ recoveryStore });

    const reset = await call<AdminUserRow>(
      handler,
      'POST',
      '/users/carol/mfa-reset',
      { justification },
      { requestId: 'req-reset-1' },
    );
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ username: 'carol', methods: [], compliance: 'non_compliant' });
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        Username: 'carol',
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      },
    ]);
    expect(callsTo('AdminListDevices')).toEqual([
      { UserPoolId: pool.userPoolId, Username: 'carol', Limit: 60 },
    ]);
    expect(callsTo('AdminForgetDevice')).toEqual([
      { UserPoolId: pool.userPoolId, Username: 'carol', DeviceKey: 'us-east-1_dev-1' },
      { UserPoolId: pool.userPoolId, Username: 'carol', DeviceKey: 'us-east-1_dev-2' },
    ]);
    expect(proxy.devices.get('carol')).toEqual([]);
    expect(await recovery.status('carol')).toMatchObject({ remaining: 0, total: 0 });

    const user = await adminClient(proxy.endpoint).send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'carol' }),
    );
    expect(user.UserMFASettingList ?? []).toEqual([]);

    const [event] = (await store.queryEvents({ target: 'carol' })).items;
    expect(event).toMatchObject({
      type: 'mfa_reset',
      actor: 'root',
      target: 'carol',
      justification,
      requestId: 'req-reset-1',
      status: 'done',
      details: {
        previous: { methods: ['TOTP'], preferred: 'TOTP' },
        recoveryCodesInvalidated: true,
        devicesForgotten: 2,
        bypassEnded: false,
      },
    });
    expect(Date.parse(event?.at ?? '')).toBeGreaterThan(0);
    expect(sink).toEqual([event]);
  });

  it('requires a justification of at least 10 characters, and stores it exactly as given', async () => {
    const { handler, store } = await harness();
    for (const bad of [undefined, '', 'too short', '          x']) {
      const answer = await call<{ error: string }>(handler, 'POST', '/users/bob/mfa-reset', {
        justification: bad,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('JUSTIFICATION_REQUIRED');
    }
    const odd = '  <script>alert("x")</script> =HYPERLINK("evil") \n second line  ';
    expect((await call(handler, 'POST', '/users/bob/mfa-reset', { justification: odd })).status).toBe(200);
    expect((await store.queryEvents({ target: 'bob' })).items[0]?.justification).toBe(odd);
  });

  it('answers 502 and records a failed event when Cognito refuses, losing neither', async () => {
    const { handler, store } = await harness();
    proxy.failNext('AdminSetUserMFAPreference');
    const answer = await call<{ error: string }>(handler, 'POST', '/users/bob/mfa-reset', { justification });
    expect(answer).toMatchObject({ status: 502, body: { error: 'POOL_ERROR' } });
    expect((await store.queryEvents({ target: 'bob' })).items).toMatchObject([
      { type: 'mfa_reset', status: 'failed', details: { error: 'InternalErrorException' } },
    ]);
  });
});

describe('bypass for at most 24 hours, re-enabled automatically', () => {
  it('turns MFA off with the previous settings recorded and refuses a second bypass or bad hours', async () => {
    const { handler, store } = await harness();
    const bypass = await call<AdminBypassResult>(
      handler,
      'POST',
      '/users/dave/mfa-bypass',
      { justification, hours: 24 },
      { requestId: 'req-bypass-1' },
    );
    expect(bypass.status).toBe(201);
    expect(bypass.body.previous).toEqual({ methods: ['TOTP'], preferred: 'TOTP' });
    expect(Date.parse(bypass.body.bypassUntil) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        Username: 'dave',
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      },
    ]);
    const row = await call<AdminUserRow>(handler, 'GET', '/users/dave');
    expect(row.body).toMatchObject({
      compliance: 'bypassed',
      methods: [],
      bypassUntil: bypass.body.bypassUntil,
    });
    expect(
      (await call<{ error: string }>(handler, 'POST', '/users/dave/mfa-bypass', { justification })).body
        .error,
    ).toBe('ALREADY_BYPASSED');
    for (const hours of [0, 25, -1, '24'])
      expect((await call(handler, 'POST', '/users/erin/mfa-bypass', { justification, hours })).status).toBe(
        400,
      );
    expect(
      (await call<{ error: string }>(handler, 'POST', '/users/bob/mfa-bypass', { justification })).body.error,
    ).toBe('NO_MFA_TO_BYPASS');
    expect((await store.queryEvents({ type: 'mfa_bypass' })).items).toMatchObject([
      {
        actor: 'root',
        target: 'dave',
        justification,
        requestId: 'req-bypass-1',
        status: 'done',
        details: { previous: { methods: ['TOTP'], preferred: 'TOTP' }, hours: 24 },
      },
    ]);

    // Ending it early (another admin) restores the recorded preference.
    proxy.calls.length = 0;
    const ended = await call<AdminUserRow>(handler, 'DELETE', '/users/dave/mfa-bypass', undefined, {
      token: samToken,
    });
    expect(ended.body).toMatchObject({ compliance: 'compliant', methods: ['TOTP'], preferred: 'TOTP' });
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        Username: 'dave',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      },
    ]);
    expect((await store.queryEvents({ type: 'mfa_bypass_ended' })).items).toMatchObject([
      {
        actor: 'sam',
        target: 'dave',
        status: 'done',
        details: { restored: { methods: ['TOTP'], preferred: 'TOTP' } },
      },
    ]);
    expect((await call<{ error: string }>(handler, 'DELETE', '/users/dave/mfa-bypass')).body.error).toBe(
      'NOT_BYPASSED',
    );
  });

  it('lazy path: the first read after 24 h re-enables MFA and records mfa_bypass_expired once', async () => {
    const { handler, store, clock } = await harness();
    expect((await call(handler, 'POST', '/users/erin/mfa-bypass', { justification })).status).toBe(201);
    clock.now += 23 * 3_600_000;
    expect((await call<AdminUserRow>(handler, 'GET', '/users/erin')).body.compliance).toBe('bypassed');
    clock.now += 3_600_000 + 1000;
    proxy.calls.length = 0;
    const [list, single] = await Promise.all([
      call<AdminPage<AdminUserRow>>(handler, 'GET', '/users'),
      call<AdminUserRow>(handler, 'GET', '/users/erin'),
    ]);
    expect(single.body).toMatchObject({ compliance: 'compliant', methods: ['TOTP'], preferred: 'TOTP' });
    expect(list.body.items.find((row) => row.username === 'erin')).toMatchObject({ compliance: 'compliant' });
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        Username: 'erin',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      },
    ]);
    const expired = (await store.queryEvents({ type: 'mfa_bypass_expired' })).items;
    expect(expired).toMatchObject([{ actor: 'system', target: 'erin', status: 'done' }]);
    expect(await store.getBypass('erin')).toBeUndefined();
  });

  it('sweep path: sweepExpiredBypasses() re-enables MFA nobody read, and races with reads end it once', async () => {
    const { handler, service, store, clock } = await harness();
    expect((await call(handler, 'POST', '/users/frank/mfa-bypass', { justification, hours: 2 })).status).toBe(
      201,
    );
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    clock.now += 24 * 3_600_000 + 1000;
    proxy.calls.length = 0;
    const [swept] = await Promise.all([
      service.sweepExpiredBypasses(),
      call(handler, 'GET', '/users/frank'),
      service.sweepExpiredBypasses(),
    ]);
    expect(swept.expired).toBeLessThanOrEqual(1);
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([
      {
        UserPoolId: pool.userPoolId,
        Username: 'frank',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      },
    ]);
    expect((await store.queryEvents({ type: 'mfa_bypass_expired' })).items).toHaveLength(1);
    const user = await adminClient(proxy.endpoint).send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'frank' }),
    );
    // The verified software token survived being disabled: turning it back on was accepted.
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(user.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses bypass and reset when the pool requires MFA, with the reason and the alternative', async () => {
    const onPool = await harness({
      pool: {
        ...cognitoAdminPool({ cognito: adminClient(proxy.endpoint), userPoolId: pool.userPoolId }),
        getMfaConfig: async () => ({ mode: 'ON', methods: ['TOTP'] }),
      },
    });
    for (const [action, code] of [
      ['mfa-bypass', 'BYPASS_UNAVAILABLE_POOL_MFA_ON'],
      ['mfa-reset', 'RESET_UNAVAILABLE_POOL_MFA_ON'],
    ]) {
      const answer = await call<{ error: string; message: string; alternative: string }>(
        onPool.handler,
        'POST',
        `/users/alice/${action}`,
        { justification },
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe(code);
      expect(answer.body.message).toMatch(/requires MFA \(ON\)/);
      expect(answer.body.alternative).toMatch(/MFA OPTIONAL/);
    }
    expect(callsTo('AdminSetUserMFAPreference')).toEqual([]);
    expect((await onPool.store.queryEvents({})).items).toEqual([]);
  });
});

describe('compliance export', () => {
  it('exports every user as CSV with formula-looking values made inert, and as JSON', async () => {
    const { handler } = await harness();
    const csv = await call<string>(handler, 'GET', '/compliance-export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mfa-compliance-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const parsed = parseComplianceCsv(csv.body);
    expect(parsed.users).toHaveLength(users.length);
    expect(parsed.users.find((row) => row.username === 'alice')).toMatchObject({
      groups: 'finance',
      methods: 'TOTP',
      preferred: 'TOTP',
      compliance: 'compliant',
    });
    // The file's SHA-256 (node:crypto here) and its audit event travel as headers.
    const digest = createHash('sha256').update(csv.body, 'utf8').digest('hex');
    expect(csv.headers.get('x-mfa-export-sha256')).toBe(digest);
    const events = await call<{ items: Array<{ id: string; details: unknown }> }>(
      handler,
      'GET',
      '/audit-log?type=compliance_exported',
    );
    expect(events.body.items[0]).toMatchObject({
      id: csv.headers.get('x-mfa-audit-id'),
      details: { sha256: digest, format: 'csv' },
    });
    expect((await call(handler, 'GET', '/compliance-export?from=2026-13-45')).status).toBe(400);
    expect((await call(handler, 'GET', '/compliance-export?from=2020-01-01&to=2026-01-01')).status).toBe(400);
    const json = await call<{ users: AdminUserRow[] }>(handler, 'GET', '/compliance-export?format=json');
    expect(json.body.users).toHaveLength(users.length);
    expect((await call(handler, 'GET', '/compliance-export?format=xlsx')).status).toBe(400);
  });
});

describe('requests the handler refuses or answers plainly', () => {
  it('400 for malformed bodies and queries, 404/405 for unknown routes, CORS for allowed origins', async () => {
    const { handler } = await harness({ allowedOrigins: ['https://console.example'] });
    const notJson = await handler(
      new Request('https://app.example/mfa/admin/users/bob/mfa-reset', {
        method: 'POST',
        headers: { authorization: `Bearer ${rootToken}`, 'content-type': 'application/json' },
        body: '{not json',
      }),
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'INVALID_REQUEST' });
    const wrongType = await handler(
      new Request('https://app.example/mfa/admin/users/bob/mfa-reset', {
        method: 'POST',
        headers: { authorization: `Bearer ${rootToken}`, 'content-type': 'text/plain' },
        body: JSON.stringify({ justification }),
      }),
    );
    expect(wrongType.status).toBe(400);
    expect((await call(handler, 'GET', '/audit-log?type=mfa_everything')).status).toBe(400);
    expect((await call(handler, 'GET', '/audit-log?from=yesterday')).status).toBe(400);
    expect((await call(handler, 'GET', '/users/%E0%A4%A')).status).toBe(400);
    expect((await call(handler, 'GET', '/nowhere')).status).toBe(404);
    expect((await call(handler, 'DELETE', '/pool-mfa')).status).toBe(405);
    expect((await call(handler, 'PUT', '/users/bob/mfa-reset', { justification })).status).toBe(405);

    const preflight = await handler(
      new Request('https://app.example/mfa/admin/users', {
        method: 'OPTIONS',
        headers: { origin: 'https://console.example', 'access-control-request-method': 'GET' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    const foreign = await handler(
      new Request('https://app.example/mfa/admin/users', {
        headers: { authorization: `Bearer ${rootToken}`, origin: 'https://evil.example' },
      }),
    );
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('pages the audit log by cursor and filters it by time', async () => {
    const { handler, clock } = await harness();
    const start = clock.now;
    for (let i = 0; i < 3; i += 1) {
      clock.now = start + i * 60_000;
      expect((await call(handler, 'POST', '/users/bob/mfa-reset', { justification })).status).toBe(200);
    }
    const first = await call<AdminPage<AdminAuditEvent>>(handler, 'GET', '/audit-log?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await call<AdminPage<AdminAuditEvent>>(
      handler,
      'GET',
      `/audit-log?limit=2&cursor=${encodeURIComponent(first.body.cursor ?? '')}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect([...first.body.items, ...second.body.items].map((e) => e.at)).toEqual([
      new Date(start + 120_000).toISOString(),
      new Date(start + 60_000).toISOString(),
      new Date(start).toISOString(),
    ]);
    const window = await call<AdminPage<AdminAuditEvent>>(
      handler,
      'GET',
      `/audit-log?from=${new Date(start + 30_000).toISOString()}&to=${new Date(start + 90_000).toISOString()}`,
    );
    expect(window.body.items.map((e) => e.at)).toEqual([new Date(start + 60_000).toISOString()]);
  });
});
