// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AdminActor,
  type AdminStore,
  createMfaAdminService,
  type MfaAdminServiceOptions,
  memoryAdminStore,
  type PoolUser,
} from '../../src/server';
import { type MemoryAdminPool, memoryAdminPool } from './support/memoryAdminPool';

/**
 * Issue 21: the admin service after a crash and with the MFA-status index — interrupted actions the
 * sweep completes, the backfill's checkpoints, and listing from the index without Cognito calls.
 * adminIndex.test.ts runs the index against cognito-local and dynalite.
 */
const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 23, 12);
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';
const root: AdminActor = { username: 'root', requestId: 'req-1' };

const people = (): PoolUser[] => [
  { username: 'root', hasPhone: false, groups: ['mfa-admins'], methods: ['TOTP'], preferred: 'TOTP' },
  { username: 'alice', hasPhone: true, groups: ['finance'], methods: ['TOTP', 'SMS'], preferred: 'SMS' },
  { username: 'bob', hasPhone: false, groups: [], methods: [] },
];

function setup(overrides: Partial<MfaAdminServiceOptions> = {}, users = people()) {
  const clock = { now: START };
  const pool: MemoryAdminPool = memoryAdminPool(users);
  const store: AdminStore = memoryAdminStore();
  let ids = 0;
  const service = createMfaAdminService({
    pool,
    store,
    now: () => clock.now,
    newId: () => `id-${++ids}`,
    ...overrides,
  });
  return { service, pool, store, clock };
}

/** A process that dies right after the pool change: the event stays pending. */
function crashAfterChange(store: AdminStore) {
  const settle = store.settleEvent.bind(store);
  let crashes = 1;
  store.settleEvent = async (...args) => {
    if (crashes > 0) {
      crashes -= 1;
      throw new Error('process killed');
    }
    return settle(...args);
  };
}

const statusOf = async (store: AdminStore, id: string) => (await store.getEvent(id))?.status;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('admin service: the sweep completes interrupted actions', () => {
  it('leaves a fresh pending event alone and completes it once older than pendingAfterSeconds', async () => {
    const { service, pool, store, clock } = setup({ pendingAfterSeconds: 60 });
    const appendEvent = store.appendEvent.bind(store);
    // Simulate the crash: the event is written, then nothing else happens.
    store.appendEvent = async (event) => {
      await appendEvent(event);
      throw new Error('process killed');
    };
    await service.resetUserMfa(root, { username: 'alice', justification }).catch(() => {});
    store.appendEvent = appendEvent;
    expect(await statusOf(store, 'id-1')).toBe('pending');
    clock.now += 59_000;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    clock.now += 1_000;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 1 });
    expect(pool.users.get('alice')?.methods).toEqual([]);
    expect(await store.getEvent('id-1')).toMatchObject({
      status: 'done',
      details: { completedBySweep: true, devicesForgotten: 0 },
    });
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
  });

  it('completes an interrupted pool change, policy change and bypass', async () => {
    const { service, pool, store, clock } = setup();
    crashAfterChange(store);
    await service.setPoolMfaConfig(root, { mode: 'ON', methods: ['TOTP'] }).catch(() => {});
    crashAfterChange(store);
    await service
      .setPolicy(root, { policy: { requiredRoles: ['finance'], policyStart: START }, justification })
      .catch(() => {});
    crashAfterChange(store);
    pool.config = { mode: 'OPTIONAL', methods: ['TOTP'] };
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 5 }).catch(() => {});
    const pending = await store.pendingEvents(new Date(START).toISOString(), 10);
    expect(pending.map((event) => event.type)).toEqual(['pool_mfa_changed', 'policy_changed', 'mfa_bypass']);
    pool.config = { mode: 'OFF', methods: [] };
    (pool.users.get('alice') as PoolUser).methods = ['TOTP', 'SMS'];
    clock.now += 5 * 60_000;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 3 });
    expect(pool.config).toEqual({ mode: 'ON', methods: ['TOTP'] });
    expect((await store.getPolicy())?.requiredRoles).toEqual(['finance']);
    expect(pool.users.get('alice')?.methods).toEqual([]);
    expect(await store.getBypass('alice')).toMatchObject({ bypassId: 'id-3' });
    for (const id of ['id-1', 'id-2', 'id-3']) expect(await statusOf(store, id)).toBe('done');
  });

  it('settles an interrupted bypass failed when another bypass won meanwhile', async () => {
    const { service, pool, store, clock } = setup();
    await store.appendEvent({
      id: 'lost',
      type: 'mfa_bypass',
      at: new Date(START).toISOString(),
      actor: 'root',
      target: 'alice',
      justification,
      requestId: 'r',
      status: 'pending',
      details: { previous: { methods: ['TOTP'] }, until: new Date(START + HOUR).toISOString() },
    });
    await store.putBypass({
      username: 'alice',
      bypassId: 'winner',
      startedAt: new Date(START).toISOString(),
      until: new Date(START + 2 * HOUR).toISOString(),
      actor: 'sam',
      justification,
      previous: { methods: ['TOTP', 'SMS'] },
    });
    clock.now += 5 * 60_000;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 1 });
    expect(await store.getEvent('lost')).toMatchObject({
      status: 'failed',
      details: { error: 'ALREADY_BYPASSED' },
    });
    expect((await store.getBypass('alice'))?.bypassId).toBe('winner');
    expect(pool.calls).toEqual([]);
  });

  it('finishes an interrupted bypass end: restores MFA once, and only for the bypass the event names', async () => {
    const { service, pool, store, clock } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const deleteBypass = store.deleteBypass.bind(store);
    store.deleteBypass = async () => {
      throw new Error('process killed');
    };
    await service.endBypass(root, { username: 'alice' }).catch(() => {});
    store.deleteBypass = deleteBypass;
    expect(await statusOf(store, 'id-1.end')).toBe('pending');
    clock.now += 5 * 60_000;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 1 });
    expect(await store.getBypass('alice')).toBeUndefined();
    expect(pool.users.get('alice')?.methods).toEqual(['TOTP', 'SMS']);
    expect(await store.getEvent('id-1.end')).toMatchObject({
      status: 'done',
      details: { completedBySweep: true, restored: { methods: ['TOTP', 'SMS'], preferred: 'SMS' } },
    });
  });

  it('a failing completion is logged and retried by the next sweep', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, pool, store, clock } = setup();
    crashAfterChange(store);
    await service.setPoolMfaConfig(root, { mode: 'ON', methods: ['TOTP'] }).catch(() => {});
    clock.now += 5 * 60_000;
    pool.failNext('setMfaConfig', new Error('pool down'));
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    expect(error).toHaveBeenCalledWith(
      'mfa-kit: completing an interrupted admin action failed',
      expect.any(Error),
    );
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 1 });
  });

  it('cleans up a bypass whose end was recorded but whose record survived a crash', async () => {
    const { service, store, clock } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const record = await store.getBypass('alice');
    await store.appendEvent({
      id: 'id-1.end',
      type: 'mfa_bypass_ended',
      at: new Date(START).toISOString(),
      actor: 'root',
      target: 'alice',
      requestId: 'r',
      status: 'done',
    });
    clock.now += 2 * HOUR;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    expect(await store.getBypass('alice')).toBeUndefined();
    expect(record?.bypassId).toBe('id-1');
  });
});

describe('admin service: the MFA-status index', () => {
  const sleepOn = (clock: { now: number }) => async (ms: number) => {
    clock.now += ms;
  };

  it('backfills page by page with checkpoints, resumes, stops on abort, and starts over when done', async () => {
    const many: PoolUser[] = Array.from({ length: 150 }, (_, index) => ({
      username: `u${String(index).padStart(3, '0')}`,
      hasPhone: false,
      groups: index % 3 === 0 ? ['finance'] : [],
      methods: index % 2 === 0 ? ['TOTP'] : [],
    }));
    const { service, store, clock } = setup({ statusIndex: true }, many);
    const first = await service.backfillStatusIndex({ maxPages: 1, sleep: sleepOn(clock) });
    expect(first).toMatchObject({
      cursor: '60',
      done: false,
      indexed: 60,
      startedAt: new Date(START).toISOString(),
    });
    expect(await store.getBackfill()).toEqual(first);
    const aborted = new AbortController();
    aborted.abort();
    expect(await service.backfillStatusIndex({ signal: aborted.signal, sleep: sleepOn(clock) })).toEqual(
      first,
    );
    const rest = await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    expect(rest).toMatchObject({ done: true, indexed: 150, startedAt: first.startedAt });
    expect(rest).not.toHaveProperty('cursor');
    // 5 calls per second by default: 150 users × 2 calls + 3 pages take about a minute.
    expect(clock.now - START).toBeGreaterThanOrEqual(58_000);
    expect(clock.now - START).toBeLessThan(62_000);
    const again = await service.backfillStatusIndex({
      maxPages: 1,
      ratePerSecond: 1000,
      sleep: sleepOn(clock),
    });
    expect(again).toMatchObject({ done: false, indexed: 60, cursor: '60' });
    expect(again.startedAt).not.toBe(first.startedAt);
    const restarted = await service.backfillStatusIndex({
      restart: true,
      maxPages: 1,
      ratePerSecond: 1000,
      sleep: sleepOn(clock),
    });
    expect(restarted).toMatchObject({ indexed: 60, cursor: '60' });
    expect(await store.getStatus('u000')).toMatchObject({
      username: 'u000',
      methods: ['TOTP'],
      groups: ['finance'],
    });
  });

  it('lists from the index without Cognito: search, filters and compliance without a policy', async () => {
    const { service, pool, store, clock } = setup({ statusIndex: true });
    await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const getUser = vi.spyOn(pool, 'getUser');
    const names = async (input: Parameters<typeof service.listUsers>[0]) =>
      (await service.listUsers(input)).items.map((row) => `${row.username}:${row.compliance}`);
    expect(await names({})).toEqual(['alice:bypassed', 'bob:non_compliant', 'root:compliant']);
    expect(await names({ search: 'ro' })).toEqual(['root:compliant']);
    expect(await names({ filter: { compliance: 'compliant' } })).toEqual(['root:compliant']);
    expect(await names({ filter: { compliance: 'non_compliant' } })).toEqual(['bob:non_compliant']);
    expect(await names({ filter: { compliance: 'in_grace' } })).toEqual([]);
    expect(await names({ filter: { compliance: 'bypassed' } })).toEqual(['alice:bypassed']);
    expect(await names({ filter: { role: 'mfa-admins' } })).toEqual(['root:compliant']);
    expect(await names({ filter: { method: 'NONE' } })).toEqual(['alice:bypassed', 'bob:non_compliant']);
    const page = await service.listUsers({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(
      (await service.listUsers({ limit: 2, cursor: page.cursor })).items.map((row) => row.username),
    ).toEqual(['root']);
    expect(getUser).not.toHaveBeenCalled();
    // A bypass that ran out is ended on the way, and the entry healed from the pool.
    clock.now += 2 * HOUR;
    expect(await names({ search: 'alice' })).toEqual(['alice:compliant']);
    expect(await store.getBypass('alice')).toBeUndefined();
    expect((await store.getStatus('alice'))?.methods).toEqual(['TOTP', 'SMS']);
  });

  it('with a policy, compliance filters are judged per row, not pushed to the index', async () => {
    const { service, clock } = setup({ statusIndex: true });
    await service.setPolicy(root, {
      policy: {
        requiredRoles: ['finance'],
        allowedMethods: { finance: ['SMS'] },
        policyStart: START - 90 * 86_400_000,
      },
      justification,
    });
    await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    const names = async (compliance: 'compliant' | 'non_compliant') =>
      (await service.listUsers({ filter: { compliance } })).items.map((row) => row.username);
    expect(await names('compliant')).toEqual(['alice', 'bob', 'root']);
    expect(await names('non_compliant')).toEqual([]);
  });

  it('refreshUser re-reads one user into the index, and drops a user the pool no longer has', async () => {
    const { service, pool, store, clock } = setup({ statusIndex: true });
    await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    (pool.users.get('bob') as PoolUser).methods = ['EMAIL'];
    expect(await service.refreshUser('bob')).toMatchObject({
      username: 'bob',
      methods: ['EMAIL'],
      compliance: 'compliant',
    });
    expect((await store.getStatus('bob'))?.methods).toEqual(['EMAIL']);
    pool.users.delete('bob');
    expect(await service.refreshUser('bob')).toBeUndefined();
    expect(await store.getStatus('bob')).toBeUndefined();
    const { bypassUntil } = await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    expect(await service.refreshUser('alice')).toMatchObject({ compliance: 'bypassed', bypassUntil });
    expect((await store.getStatus('alice'))?.bypassUntil).toBe(bypassUntil);
  });

  it('getUser refreshes the entry, and forgets a user the pool no longer has', async () => {
    const { service, pool, store, clock } = setup({ statusIndex: true });
    await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    (pool.users.get('bob') as PoolUser).groups = ['finance'];
    await service.getUser('bob');
    expect((await store.getStatus('bob'))?.groups).toEqual(['finance']);
    pool.users.delete('bob');
    await expect(service.getUser('bob')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(await store.getStatus('bob')).toBeUndefined();
  });

  it('exports from the index, ending bypasses that ran out first', async () => {
    const { service, store, clock } = setup({ statusIndex: true });
    await service.backfillStatusIndex({ sleep: sleepOn(clock) });
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const json = async () =>
      (
        JSON.parse((await service.exportCompliance(root, { format: 'json' })).body) as {
          users: { username: string; compliance: string }[];
        }
      ).users.map((user) => `${user.username}:${user.compliance}`);
    expect(await json()).toEqual(['alice:bypassed', 'bob:non_compliant', 'root:compliant']);
    clock.now += 2 * HOUR;
    expect(await json()).toEqual(['alice:compliant', 'bob:non_compliant', 'root:compliant']);
    expect(await store.getBypass('alice')).toBeUndefined();
  });

  it('an index write that fails never fails the action it follows', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, pool, store } = setup({ statusIndex: true });
    store.putStatus = async () => {
      throw new Error('index down');
    };
    await service.resetUserMfa(root, { username: 'alice', justification });
    expect(pool.users.get('alice')?.methods).toEqual([]);
    await service.getUser('bob');
    expect(error).toHaveBeenCalledWith('mfa-kit: updating the MFA-status index failed', expect.any(Error));
  });
});
