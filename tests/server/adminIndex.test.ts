// @vitest-environment node
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { adminTableDefinition, dynamoDbAdminStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AdminPool,
  cognitoAdminPool,
  createMfaAdminService,
  memoryAdminStore,
  tokenBucket,
} from '../../src/server';
import { simulatedAdminPool } from '../../src/testing/admin';
import { createOutbox } from '../../src/testing/outbox';
import { storedUserFromSeed } from '../../src/testing/pool';
import type { SimulatorState } from '../../src/testing/state';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { type AdminCognitoProxy, startAdminCognitoProxy } from './support/adminCognitoProxy';
import { type AdminTestPool, createAdminPool } from './support/adminPool';
import { adminClient } from './support/cognitoPool';
import { type LocalDynamo, startDynalite } from './support/dynalite';
import { parseComplianceCsv } from './support/parseComplianceCsv';

const actor = { username: 'root', requestId: 'req-index' };
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';

/** A virtual clock: `sleep` moves it, so rate limits are measured without waiting. */
function virtualClock(start = Date.UTC(2026, 10, 23, 10)) {
  const clock = { now: start, slept: 0 };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.now += ms;
      clock.slept += ms;
    },
  };
}

/** The simulator's pool with `count` users (a real AdminPool that pages 60 at a time). */
function simulatedPoolWith(count: number): AdminPool {
  const state: SimulatorState = {
    mfaConfiguration: 'OPTIONAL',
    mfaMethods: ['TOTP'],
    rememberedDevices: 'USER_OPT_IN',
    users: {},
    session: null,
    pendingSignIn: null,
    deviceKeys: {},
  };
  for (let i = 0; i < count; i += 1) {
    const username = `user${String(i).padStart(4, '0')}`;
    state.users[username] = storedUserFromSeed(
      {
        username,
        password: 'x',
        ...(i % 4 === 0 ? { totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' as const } : {}),
      },
      Date.now(),
    );
  }
  return simulatedAdminPool({ state, outbox: createOutbox(), now: Date.now, commit: () => {} });
}

describe('tokenBucket', () => {
  it('never lets calls exceed the rate', async () => {
    const { clock, now, sleep } = virtualClock();
    const bucket = tokenBucket({ ratePerSecond: 5, burst: 1, now, sleep });
    const start = clock.now;
    const times: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      await bucket.take();
      times.push(clock.now - start);
    }
    // The first goes at once, then one every 200 ms.
    expect(times).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  });

  it('serves concurrent takers one by one', async () => {
    const { clock, now, sleep } = virtualClock();
    const bucket = tokenBucket({ ratePerSecond: 10, burst: 2, now, sleep });
    const start = clock.now;
    await Promise.all(Array.from({ length: 12 }, () => bucket.take()));
    expect(clock.now - start).toBe(1000);
  });
});

describe('the simulated admin pool behaves as Cognito documents', () => {
  it('keeps a disabled authenticator, and refuses to turn a factor off while the pool requires MFA', async () => {
    const pool = simulatedPoolWith(1);
    const user = await pool.getUser('user0000');
    expect(user).toMatchObject({ methods: ['TOTP'], preferred: 'TOTP' });
    await pool.setUserMfa('user0000', { methods: [] }, { methods: ['TOTP'] });
    // "This operation doesn't reset an existing TOTP MFA for a user" (AdminSetUserMFAPreference).
    await pool.setUserMfa('user0000', { methods: ['TOTP'], preferred: 'TOTP' }, { methods: [] });
    expect(await pool.getUser('user0000')).toMatchObject({ methods: ['TOTP'], preferred: 'TOTP' });
    await pool.setMfaConfig({ mode: 'ON', methods: ['TOTP'] });
    await expect(pool.setUserMfa('user0000', { methods: [] }, { methods: ['TOTP'] })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('backfillStatusIndex: resumable and rate-limited', () => {
  it('pages through the pool, checkpoints each page, resumes after a stop or a crash', async () => {
    const { clock, now, sleep } = virtualClock();
    const real = simulatedPoolWith(150);
    let failAt: string | undefined = 'user0130';
    let getUserCalls = 0;
    const pool: AdminPool = {
      ...real,
      getUser: async (username) => {
        getUserCalls += 1;
        if (username === failAt) {
          failAt = undefined;
          throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
        }
        return real.getUser(username);
      },
    };
    const store = memoryAdminStore();
    const service = createMfaAdminService({ pool, store, now });
    const start = clock.now;

    const first = await service.backfillStatusIndex({ ratePerSecond: 5, maxPages: 1, sleep });
    expect(first).toMatchObject({ done: false, indexed: 60, cursor: '60' });
    const second = await service.backfillStatusIndex({ ratePerSecond: 5, maxPages: 1, sleep });
    expect(second).toMatchObject({ done: false, indexed: 120, cursor: '120' });
    // The third page fails midway (a throttle, a deploy): the checkpoint stays at the page before.
    await expect(service.backfillStatusIndex({ ratePerSecond: 5, sleep })).rejects.toMatchObject({
      code: 'POOL_ERROR',
    });
    expect(await store.getBackfill()).toMatchObject({ indexed: 120, cursor: '120', done: false });
    const last = await service.backfillStatusIndex({ ratePerSecond: 5, sleep });
    expect(last).toMatchObject({ done: true, indexed: 150 });
    expect(last.cursor).toBeUndefined();
    // Only the interrupted page was read twice.
    expect(getUserCalls).toBe(150 + 11);

    // 3 + 1 ListUsers pages and 2 calls per user read, at 5 per second (5 saved up at the start).
    const calls = 4 + 2 * getUserCalls;
    expect(clock.now - start).toBeGreaterThanOrEqual(((calls - 5 * 4) / 5) * 1000);

    const indexed = createMfaAdminService({ pool, store, now, statusIndex: true });
    const rows: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await indexed.listUsers({ limit: 60, ...(cursor ? { cursor } : {}) });
      rows.push(...page.items.map((row) => row.username));
      cursor = page.cursor;
    } while (cursor);
    expect(rows).toHaveLength(150);
    expect((await indexed.listUsers({ filter: { compliance: 'compliant' }, limit: 60 })).items).toHaveLength(
      38,
    );

    // A finished run starts over on the next call: a refresh.
    const again = await service.backfillStatusIndex({ ratePerSecond: 1000, maxPages: 1, sleep });
    expect(again).toMatchObject({ done: false, indexed: 60 });

    // A user the pool no longer has leaves the index on the next refresh or single read.
    const gone: AdminPool = {
      ...pool,
      getUser: async (username) => (username === 'user0001' ? undefined : real.getUser(username)),
    };
    const withGone = createMfaAdminService({ pool: gone, store, now, statusIndex: true });
    expect(await store.getStatus('user0001')).toBeDefined();
    expect(await withGone.refreshUser('user0001')).toBeUndefined();
    expect(await store.getStatus('user0001')).toBeUndefined();
  });
});

describe('listing from the index on cognito-local + dynalite', () => {
  let cognitoLocal: CognitoLocal;
  let proxy: AdminCognitoProxy;
  let dynamo: LocalDynamo;
  let pool: AdminTestPool;

  beforeAll(async () => {
    [cognitoLocal, dynamo] = await Promise.all([startCognitoLocal(), startDynalite()]);
    proxy = await startAdminCognitoProxy(cognitoLocal.endpoint);
    pool = await createAdminPool(adminClient(cognitoLocal.endpoint), [
      { username: 'root', password: 'R00t-passw0rd!', groups: ['mfa-admins'] },
      { username: 'alice', password: 'Al1ce-passw0rd!', totp: true, groups: ['finance'] },
      { username: 'amos', password: 'Am0s-passw0rd!!', totp: true },
      { username: 'bob', password: 'B0b-passw0rd!!' },
    ]);
    await dynamo.client.send(new CreateTableCommand(adminTableDefinition('index')));
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([cognitoLocal?.stop(), dynamo?.stop()]);
  });
  beforeEach(() => {
    proxy.calls.length = 0;
  });

  it('backfills, then lists, filters and searches without a single Cognito call; changes keep it current', async () => {
    const store = dynamoDbAdminStore({ client: dynamo.client, tableName: 'index' });
    let clock = Date.now();
    const service = createMfaAdminService({
      pool: cognitoAdminPool({ cognito: adminClient(proxy.endpoint), userPoolId: pool.userPoolId }),
      store,
      statusIndex: true,
      now: () => clock,
    });
    expect(await service.backfillStatusIndex({ ratePerSecond: 1000 })).toMatchObject({
      done: true,
      indexed: 4,
    });
    expect(proxy.calls.map((c) => c.target).sort()).toEqual([
      ...Array(4).fill('AdminGetUser'),
      ...Array(4).fill('AdminListGroupsForUser'),
      'ListUsers',
    ]);

    proxy.calls.length = 0;
    const page = await service.listUsers();
    expect(page.items.map((row) => [row.username, row.compliance])).toEqual([
      ['alice', 'compliant'],
      ['amos', 'compliant'],
      ['bob', 'non_compliant'],
      ['root', 'non_compliant'],
    ]);
    expect((await service.listUsers({ search: 'am' })).items.map((row) => row.username)).toEqual(['amos']);
    expect(
      (await service.listUsers({ filter: { role: 'finance' } })).items.map((row) => row.username),
    ).toEqual(['alice']);
    expect(
      (await service.listUsers({ filter: { compliance: 'non_compliant' } })).items.map((row) => row.username),
    ).toEqual(['bob', 'root']);
    // The dry run and the export count from the index too.
    expect(
      await service.setPoolMfaConfig(actor, { mode: 'ON', methods: ['TOTP'], dryRun: true }),
    ).toMatchObject({
      impact: { scanned: 4, withoutMfa: 2, sentToSetup: 2 },
    });
    const report = await service.exportCompliance(actor, { format: 'csv' });
    expect(parseComplianceCsv(report.body).users).toHaveLength(4);
    // One call for the pool's MFA level; no per-user Cognito read.
    expect(proxy.calls.map((call) => call.target)).toEqual(['GetUserPoolMfaConfig']);
    proxy.calls.length = 0;

    // An admin change updates the entry at once.
    await service.bypassUserMfa(actor, { username: 'alice', justification, hours: 1 });
    proxy.calls.length = 0;
    const bypassed = await service.listUsers({ filter: { compliance: 'bypassed' } });
    expect(bypassed.items).toMatchObject([{ username: 'alice', methods: [], compliance: 'bypassed' }]);
    expect(proxy.calls).toEqual([]);

    // After the hour, the index listing itself ends the bypass (lazy path) and shows MFA back on.
    clock += 3_600_000 + 1000;
    const [alice] = (await service.listUsers({ search: 'alice' })).items;
    expect(alice).toMatchObject({ compliance: 'compliant', methods: ['TOTP'] });
    expect(proxy.calls.map((c) => c.target)).toContain('AdminSetUserMFAPreference');
    expect((await store.queryEvents({ type: 'mfa_bypass_expired' })).items).toHaveLength(1);

    await service.resetUserMfa(actor, { username: 'amos', justification });
    expect(await store.getStatus('amos')).toMatchObject({ methods: [] });
    // A single-user read is live, and refreshes the entry.
    expect(await service.getUser('alice')).toMatchObject({ methods: ['TOTP'] });
  });
});
