// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AdminActor,
  type AdminAuditEvent,
  type AdminStore,
  createMfaAdminService,
  MAX_BYPASS_HOURS,
  MfaAdminError,
  type MfaAdminServiceOptions,
  memoryAdminStore,
  memoryStore,
  type PoolUser,
} from '../../src/server';
import { type MemoryAdminPool, memoryAdminPool } from './support/memoryAdminPool';

/**
 * Issue 21: the admin service's rules (createMfaAdminService) over a memory pool and store — who may
 * act on whom, what a justification must be, what each action changes and records, and how bypasses
 * end. adminRoutes.test.ts runs the same service on cognito-local and dynalite.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 10, 23, 12);
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';
const root: AdminActor = { username: 'root', requestId: 'req-1' };

const people = (): PoolUser[] => [
  { username: 'root', hasPhone: false, groups: ['mfa-admins'], methods: ['TOTP'], preferred: 'TOTP' },
  {
    username: 'alice',
    email: 'alice@example.com',
    hasPhone: true,
    groups: ['finance'],
    methods: ['TOTP', 'SMS'],
    preferred: 'SMS',
    createdAt: new Date(START - 2 * DAY).toISOString(),
    lastModifiedAt: new Date(START - DAY).toISOString(),
  },
  { username: 'bob', hasPhone: false, groups: [], methods: [] },
];

function setup(overrides: Partial<MfaAdminServiceOptions> = {}, users = people()) {
  const clock = { now: START };
  const pool: MemoryAdminPool = memoryAdminPool(users);
  const store: AdminStore = memoryAdminStore();
  const audited: AdminAuditEvent[] = [];
  let ids = 0;
  const service = createMfaAdminService({
    pool,
    store,
    audit: (event) => {
      audited.push(event);
    },
    now: () => clock.now,
    newId: () => `id-${++ids}`,
    ...overrides,
  });
  return { service, pool, store, audited, clock };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof MfaAdminError ? error.code : `not an admin error: ${String(error)}`,
  );

const events = async (store: AdminStore) => (await store.queryEvents({ limit: 100 })).items;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('admin service: who may act', () => {
  it('refuses an admin resetting or bypassing their own MFA, by the name typed or the one the pool resolves', async () => {
    const { service, pool, store } = setup();
    // The pool resolves an alias (an email, another case) to the canonical username.
    const getUser = pool.getUser.bind(pool);
    pool.getUser = async (name) => getUser(name === 'ROOT@example.com' ? 'root' : name);
    for (const username of ['root', 'ROOT@example.com']) {
      expect(await codeOf(service.resetUserMfa(root, { username, justification }))).toBe(
        'SELF_ACTION_FORBIDDEN',
      );
      expect(await codeOf(service.bypassUserMfa(root, { username, justification }))).toBe(
        'SELF_ACTION_FORBIDDEN',
      );
    }
    // Typed name equal to the actor, even if the pool would resolve it to someone else.
    pool.getUser = async (name) => getUser(name === 'root' ? 'alice' : name);
    expect(await codeOf(service.resetUserMfa(root, { username: 'root', justification }))).toBe(
      'SELF_ACTION_FORBIDDEN',
    );
    expect(pool.calls).toEqual([]);
    expect(await events(store)).toEqual([]);
    const error = await service
      .resetUserMfa(root, { username: 'root', justification })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'An admin cannot reset or bypass their own MFA: ask another admin.',
    );
  });

  it('needs a business justification of 10 to 1000 characters for reset, bypass and policy', async () => {
    const { service, pool } = setup();
    const policy = { requiredRoles: ['finance'], policyStart: START };
    for (const bad of [undefined, '', 'too short', ' '.repeat(12), 'x'.repeat(1001), 42]) {
      const input = { username: 'alice', justification: bad as string };
      expect(await codeOf(service.resetUserMfa(root, input)), String(bad)).toBe('JUSTIFICATION_REQUIRED');
      expect(await codeOf(service.bypassUserMfa(root, input))).toBe('JUSTIFICATION_REQUIRED');
      expect(await codeOf(service.setPolicy(root, { policy, justification: bad as string }))).toBe(
        'JUSTIFICATION_REQUIRED',
      );
    }
    expect(pool.calls).toEqual([]);
    expect(await codeOf(service.resetUserMfa(root, { username: 'alice', justification: 'ten chars!' }))).toBe(
      'resolved',
    );
    expect(await codeOf(service.setPolicy(root, { policy, justification: 'x'.repeat(1000) }))).toBe(
      'resolved',
    );
    const error = await service
      .bypassUserMfa(root, { username: 'alice', justification: 'short' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'A business justification of at least 10 characters (at most 1000) is required.',
    );
  });

  it('refuses usernames that are empty, too long, not text or with control characters', async () => {
    const { service, pool } = setup();
    for (const username of ['', 'x'.repeat(129), 'a\u0000b', 'a b', 'tab\tname', 7, undefined]) {
      const input = { username: username as string, justification };
      expect(await codeOf(service.getUser(username as string)), JSON.stringify(username)).toBe(
        'INVALID_REQUEST',
      );
      expect(await codeOf(service.resetUserMfa(root, input))).toBe('INVALID_REQUEST');
      expect(await codeOf(service.bypassUserMfa(root, input))).toBe('INVALID_REQUEST');
      expect(await codeOf(service.endBypass(root, { username: username as string }))).toBe('INVALID_REQUEST');
      expect(await codeOf(service.refreshUser(username as string))).toBe('INVALID_REQUEST');
    }
    expect(await codeOf(service.getUser('x'.repeat(128)))).toBe('USER_NOT_FOUND');
    expect(await codeOf(service.getUser('émile+1@example.com'))).toBe('USER_NOT_FOUND');
    const error = await service.getUser('').catch((e: unknown) => e);
    expect((error as Error).message).toBe('A username of 1–128 characters is required.');
    expect(pool.calls).toEqual([]);
  });

  it('answers USER_NOT_FOUND for a user the pool does not have, and POOL_ERROR when the pool fails', async () => {
    const { service, pool } = setup();
    expect(await codeOf(service.resetUserMfa(root, { username: 'nobody', justification }))).toBe(
      'USER_NOT_FOUND',
    );
    expect(await codeOf(service.bypassUserMfa(root, { username: 'nobody', justification }))).toBe(
      'USER_NOT_FOUND',
    );
    expect(await codeOf(service.endBypass(root, { username: 'nobody' }))).toBe('USER_NOT_FOUND');
    pool.failNext('getUser', Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }));
    const error = await service
      .resetUserMfa(root, { username: 'alice', justification })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaAdminError);
    expect((error as MfaAdminError).code).toBe('POOL_ERROR');
    expect((error as Error).message).toBe('The user pool refused the change (TooManyRequestsException).');
    pool.failNext('getMfaConfig', 'a string, not an Error');
    expect(((await service.getPoolMfaConfig().catch((e: unknown) => e)) as Error).message).toBe(
      'The user pool refused the change (Error).',
    );
    expect(pool.calls).toEqual([]);
  });

  it('refuses reset and bypass in a pool with MFA ON, with the alternative, before touching the user', async () => {
    const { service, pool } = setup();
    pool.config = { mode: 'ON', methods: ['TOTP'] };
    const reset = (await service
      .resetUserMfa(root, { username: 'alice', justification })
      .catch((e: unknown) => e)) as MfaAdminError;
    expect(reset.code).toBe('RESET_UNAVAILABLE_POOL_MFA_ON');
    expect(reset.message).toMatch(/so MFA cannot be reset\.$/);
    expect(reset.alternative).toMatch(/^Run the pool with MFA OPTIONAL/);
    const bypass = (await service
      .bypassUserMfa(root, { username: 'alice', justification })
      .catch((e: unknown) => e)) as MfaAdminError;
    expect(bypass.code).toBe('BYPASS_UNAVAILABLE_POOL_MFA_ON');
    expect(bypass.message).toMatch(/so MFA cannot be bypassed\.$/);
    expect(pool.calls).toEqual([]);
    pool.config = { mode: 'OPTIONAL', methods: ['TOTP'] };
    expect(await codeOf(service.bypassUserMfa(root, { username: 'alice', justification }))).toBe('resolved');
  });
});

describe('admin service: reset', () => {
  it('turns every factor off, forgets devices, invalidates recovery codes, ends a bypass, and records it all', async () => {
    const recoveryStore = memoryStore();
    await recoveryStore.put({
      username: 'alice',
      setId: 'old',
      salt: 's',
      createdAt: 'x',
      codes: [{ hash: 'h1' }, { hash: 'h2' }],
    });
    const { service, pool, store, audited } = setup({ recoveryStore });
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const row = await service.resetUserMfa(root, { username: 'alice', justification });
    expect(row).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      groups: ['finance'],
      methods: [],
      compliance: 'non_compliant',
      lastChangedAt: new Date(START - DAY).toISOString(),
    });
    expect(pool.users.get('alice')?.methods).toEqual([]);
    expect(pool.calls.map((call) => call.op)).toEqual(['setUserMfa', 'setUserMfa', 'forgetDevices']);
    expect(await store.getBypass('alice')).toBeUndefined();
    const codes = await recoveryStore.get('alice');
    expect(codes?.codes).toEqual([]);
    expect(codes?.setId).toMatch(/^reset-id-/);
    const reset = (await events(store)).find((event) => event.type === 'mfa_reset');
    expect(reset).toMatchObject({
      type: 'mfa_reset',
      actor: 'root',
      target: 'alice',
      justification,
      requestId: 'req-1',
      status: 'done',
      details: {
        previous: { methods: [] },
        recoveryCodesInvalidated: true,
        devicesForgotten: 0,
        bypassEnded: true,
      },
    });
    expect(audited.map((event) => [event.type, event.status])).toEqual([
      ['mfa_bypass', 'done'],
      ['mfa_reset', 'done'],
    ]);
  });

  it('records the factors a reset removed, and says when there were no recovery codes to invalidate', async () => {
    const { service, store } = setup();
    await service.resetUserMfa(root, { username: 'alice', justification });
    const [event] = await events(store);
    expect(event?.details).toEqual({
      previous: { methods: ['TOTP', 'SMS'], preferred: 'SMS' },
      recoveryCodesInvalidated: false,
      devicesForgotten: 0,
      bypassEnded: false,
    });
  });

  it('settles the event failed and throws POOL_ERROR when the pool refuses; an audit sink outage changes nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, pool, store } = setup({
      audit: () => {
        throw new Error('sink down');
      },
    });
    pool.failNext('setUserMfa', Object.assign(new Error('no'), { name: 'InvalidParameterException' }));
    expect(await codeOf(service.resetUserMfa(root, { username: 'alice', justification }))).toBe('POOL_ERROR');
    const [failed] = await events(store);
    expect(failed).toMatchObject({ status: 'failed', details: { error: 'InvalidParameterException' } });
    expect(await codeOf(service.resetUserMfa(root, { username: 'alice', justification }))).toBe('resolved');
    expect(error).toHaveBeenCalledWith('mfa-kit: the admin audit sink failed', expect.any(Error));
  });
});

describe('admin service: bypass', () => {
  it('turns MFA off until the given hours, records what to restore, and refuses a second bypass', async () => {
    const { service, pool, store } = setup();
    const result = await service.bypassUserMfa(root, { username: 'alice', justification, hours: 2.5 });
    expect(result).toEqual({
      username: 'alice',
      bypassUntil: new Date(START + 2.5 * HOUR).toISOString(),
      previous: { methods: ['TOTP', 'SMS'], preferred: 'SMS' },
    });
    expect(pool.users.get('alice')?.methods).toEqual([]);
    expect(await store.getBypass('alice')).toMatchObject({
      bypassId: 'id-1',
      actor: 'root',
      justification,
      startedAt: new Date(START).toISOString(),
      until: result.bypassUntil,
    });
    const [event] = await events(store);
    expect(event).toMatchObject({
      id: 'id-1',
      type: 'mfa_bypass',
      status: 'done',
      details: { until: result.bypassUntil, hours: 2.5 },
    });
    const again = (await service
      .bypassUserMfa(root, { username: 'alice', justification })
      .catch((e: unknown) => e)) as MfaAdminError;
    expect(again.code).toBe('ALREADY_BYPASSED');
    expect(again.message).toBe(`MFA is already bypassed until ${result.bypassUntil}.`);
    expect((await service.getUser('alice')).compliance).toBe('bypassed');
  });

  it('lasts 24 hours by default and refuses hours that are not more than 0 and at most 24', async () => {
    const { service, pool } = setup();
    for (const hours of [0, -1, 24.01, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number]) {
      const error = (await service
        .bypassUserMfa(root, { username: 'alice', justification, hours })
        .catch((e: unknown) => e)) as MfaAdminError;
      expect(error.code, String(hours)).toBe('INVALID_REQUEST');
      expect(error.message).toBe(`hours must be more than 0 and at most ${MAX_BYPASS_HOURS}.`);
    }
    expect(pool.calls).toEqual([]);
    const full = await service.bypassUserMfa(root, { username: 'alice', justification, hours: 24 });
    expect(full.bypassUntil).toBe(new Date(START + 24 * HOUR).toISOString());
    const { service: other } = setup();
    expect((await other.bypassUserMfa(root, { username: 'alice', justification })).bypassUntil).toBe(
      new Date(START + MAX_BYPASS_HOURS * HOUR).toISOString(),
    );
    expect(MAX_BYPASS_HOURS).toBe(24);
  });

  it('refuses to bypass a user without MFA', async () => {
    const { service, store } = setup();
    const error = (await service
      .bypassUserMfa(root, { username: 'bob', justification })
      .catch((e: unknown) => e)) as MfaAdminError;
    expect(error.code).toBe('NO_MFA_TO_BYPASS');
    expect(error.message).toBe('The user has no MFA turned on: there is nothing to bypass.');
    expect(await events(store)).toEqual([]);
  });

  it('loses a race to another admin cleanly: ALREADY_BYPASSED, the winner’s bypass kept, MFA untouched', async () => {
    const { service, pool, store } = setup();
    const putBypass = store.putBypass.bind(store);
    store.putBypass = async (record) => {
      await putBypass({ ...record, bypassId: 'the-other-admin' });
      return putBypass(record);
    };
    expect(await codeOf(service.bypassUserMfa(root, { username: 'alice', justification }))).toBe(
      'ALREADY_BYPASSED',
    );
    expect((await store.getBypass('alice'))?.bypassId).toBe('the-other-admin');
    expect(pool.calls).toEqual([]);
    expect((await events(store))[0]).toMatchObject({ status: 'failed', details: { error: 'MfaAdminError' } });
  });

  it('drops its own bypass record when the pool refuses to turn MFA off', async () => {
    const { service, pool, store } = setup();
    pool.failNext('setUserMfa', new Error('pool down'));
    expect(await codeOf(service.bypassUserMfa(root, { username: 'alice', justification }))).toBe(
      'POOL_ERROR',
    );
    expect(await store.getBypass('alice')).toBeUndefined();
    expect(pool.users.get('alice')?.methods).toEqual(['TOTP', 'SMS']);
  });

  it('an admin ends a bypass: the factors come back (with any added meanwhile), recorded as ended', async () => {
    const { service, pool, store } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 3 });
    (pool.users.get('alice') as PoolUser).methods = ['EMAIL'];
    const row = await service.endBypass({ username: 'sam', requestId: 'req-9' }, { username: 'alice' });
    expect(row.methods).toEqual(['TOTP', 'SMS', 'EMAIL']);
    expect(row.preferred).toBe('SMS');
    expect(row.compliance).toBe('compliant');
    expect(await store.getBypass('alice')).toBeUndefined();
    const ended = (await events(store)).find((event) => event.type === 'mfa_bypass_ended');
    expect(ended).toMatchObject({
      id: 'id-1.end',
      actor: 'sam',
      requestId: 'req-9',
      status: 'done',
      details: { bypassId: 'id-1', restored: { methods: ['TOTP', 'SMS'], preferred: 'SMS' } },
    });
    expect(await codeOf(service.endBypass(root, { username: 'alice' }))).toBe('NOT_BYPASSED');
    expect(await codeOf(service.endBypass(root, { username: 'bob' }))).toBe('NOT_BYPASSED');
  });

  it('keeps the preference the user set meanwhile when none was recorded', async () => {
    const users = people();
    delete (users[1] as PoolUser).preferred;
    const { service, pool } = setup({}, users);
    await service.bypassUserMfa(root, { username: 'alice', justification });
    Object.assign(pool.users.get('alice') as PoolUser, { methods: ['EMAIL'], preferred: 'EMAIL' });
    expect((await service.endBypass(root, { username: 'alice' })).preferred).toBe('EMAIL');
  });

  it('ends itself once it runs out: on the next read (lazy) or by the sweep, exactly once', async () => {
    const { service, pool, store, clock, audited } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    clock.now = START + HOUR - 1;
    expect((await service.getUser('alice')).compliance).toBe('bypassed');
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    clock.now = START + HOUR;
    const row = await service.getUser('alice');
    expect(row.compliance).toBe('compliant');
    expect(row.methods).toEqual(['TOTP', 'SMS']);
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    const expired = audited.filter((event) => event.type === 'mfa_bypass_expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actor: 'system', requestId: expect.stringMatching(/^lazy-/) });

    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    clock.now += 2 * HOUR;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 1, completed: 0 });
    expect(pool.users.get('alice')?.methods).toEqual(['TOTP', 'SMS']);
    const swept = audited.filter((event) => event.type === 'mfa_bypass_expired');
    expect(swept[1]).toMatchObject({ actor: 'system', requestId: expect.stringMatching(/^sweep-/) });
    expect(await store.getBypass('alice')).toBeUndefined();
  });

  it('records a user deleted during the bypass as gone, and the sweep survives a pool failure', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, pool, store, clock } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    await service.bypassUserMfa(root, { username: 'root', justification, hours: 1 }).catch(() => {});
    pool.users.delete('alice');
    clock.now += 2 * HOUR;
    expect(await service.sweepExpiredBypasses()).toEqual({ expired: 1, completed: 0 });
    const expired = (await events(store)).find((event) => event.type === 'mfa_bypass_expired');
    expect(expired?.details).toMatchObject({ userGone: true });

    const second = setup();
    await second.service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    second.clock.now += 2 * HOUR;
    second.pool.failNext('getUser', new Error('pool down'));
    expect(await second.service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 0 });
    expect(error).toHaveBeenCalledWith('mfa-kit: ending an expired bypass failed', expect.any(Error));
    // The end event stays pending; a later sweep completes it.
    second.clock.now += 10 * 60_000;
    expect(await second.service.sweepExpiredBypasses()).toEqual({ expired: 0, completed: 1 });
    expect(second.pool.users.get('alice')?.methods).toEqual(['TOTP', 'SMS']);
    expect(await second.store.getBypass('alice')).toBeUndefined();
  });
});

describe('admin service: pool MFA configuration', () => {
  it('validates mode and methods', async () => {
    const { service, pool } = setup();
    const cases: [unknown, string][] = [
      [{ mode: 'MAYBE', methods: [] }, 'mode must be OFF, OPTIONAL or ON.'],
      [undefined, 'mode must be OFF, OPTIONAL or ON.'],
      [{ mode: 'ON', methods: 'TOTP' }, 'methods must list TOTP, SMS or EMAIL.'],
      [{ mode: 'ON', methods: ['TOTP', 'FAX'] }, 'methods must list TOTP, SMS or EMAIL.'],
      [{ mode: 'ON', methods: [] }, 'MFA OPTIONAL or ON needs at least one method.'],
      [{ mode: 'OPTIONAL', methods: [] }, 'MFA OPTIONAL or ON needs at least one method.'],
    ];
    for (const [input, message] of cases) {
      const error = (await service
        .setPoolMfaConfig(root, input as never)
        .catch((e: unknown) => e)) as MfaAdminError;
      expect(error.code, JSON.stringify(input)).toBe('INVALID_REQUEST');
      expect(error.message).toBe(message);
    }
    expect(pool.calls).toEqual([]);
    expect(await service.setPoolMfaConfig(root, { mode: 'OFF', methods: [] })).toEqual({
      applied: true,
      config: { mode: 'OFF', methods: [] },
    });
    expect(await service.setPoolMfaConfig(root, { mode: 'ON', methods: ['TOTP', 'TOTP', 'SMS'] })).toEqual({
      applied: true,
      config: { mode: 'ON', methods: ['TOTP', 'SMS'] },
    });
  });

  it('records the change with what was before, and the justification only when given', async () => {
    const { service, store } = setup();
    await service.setPoolMfaConfig(root, { mode: 'ON', methods: ['TOTP'], justification });
    await service.setPoolMfaConfig(root, { mode: 'OPTIONAL', methods: ['TOTP'] });
    const [second, first] = await events(store);
    expect(first).toMatchObject({
      type: 'pool_mfa_changed',
      actor: 'root',
      justification,
      status: 'done',
      details: {
        previous: { mode: 'OPTIONAL', methods: ['TOTP', 'SMS', 'EMAIL'] },
        next: { mode: 'ON', methods: ['TOTP'] },
      },
    });
    expect(second).not.toHaveProperty('justification');
  });

  it('counts who a change would affect in a dry run, changing nothing', async () => {
    const users: PoolUser[] = [
      ...people(),
      { username: 'sms-only', hasPhone: true, groups: [], methods: ['SMS'] },
      { username: 'email-only', hasPhone: false, groups: [], methods: ['EMAIL'] },
    ];
    const { service, pool, store } = setup({ concurrency: 2 }, users);
    const dry = (mode: 'OFF' | 'OPTIONAL' | 'ON', methods: ('TOTP' | 'SMS' | 'EMAIL')[]) =>
      service.setPoolMfaConfig(root, { mode, methods, dryRun: true });
    expect(await dry('ON', ['SMS'])).toEqual({
      applied: false,
      config: { mode: 'ON', methods: ['SMS'] },
      impact: { scanned: 5, withoutMfa: 3, sentToSetup: 0, lockedOut: 3, losingMfa: 0 },
    });
    expect((await dry('ON', ['TOTP'])).impact).toEqual({
      scanned: 5,
      withoutMfa: 3,
      sentToSetup: 3,
      lockedOut: 0,
      losingMfa: 0,
    });
    expect((await dry('ON', ['EMAIL'])).impact).toMatchObject({
      withoutMfa: 4,
      sentToSetup: 4,
      lockedOut: 0,
    });
    expect((await dry('OPTIONAL', ['TOTP'])).impact).toEqual({
      scanned: 5,
      withoutMfa: 3,
      sentToSetup: 0,
      lockedOut: 0,
      losingMfa: 0,
    });
    expect((await dry('OFF', [])).impact).toEqual({
      scanned: 5,
      withoutMfa: 0,
      sentToSetup: 0,
      lockedOut: 0,
      losingMfa: 4,
    });
    expect(pool.calls).toEqual([]);
    expect(await events(store)).toEqual([]);
  });

  it('counts across pages of the pool, and from the status index when it is on', async () => {
    const many: PoolUser[] = Array.from({ length: 130 }, (_, index) => ({
      username: `user-${String(index).padStart(3, '0')}`,
      hasPhone: false,
      groups: [],
      methods: index % 2 === 0 ? ['TOTP'] : [],
    }));
    const { service } = setup({}, many);
    const impact = (await service.setPoolMfaConfig(root, { mode: 'OFF', methods: [], dryRun: true })).impact;
    expect(impact).toMatchObject({ scanned: 130, losingMfa: 65 });
    const indexed = setup({ statusIndex: true }, many);
    await indexed.service.backfillStatusIndex({
      sleep: async (ms) => {
        indexed.clock.now += ms;
      },
    });
    indexed.pool.getUser = async () => {
      throw new Error('the index must answer this');
    };
    const fromIndex = await indexed.service.setPoolMfaConfig(root, {
      mode: 'OFF',
      methods: [],
      dryRun: true,
    });
    expect(fromIndex.impact).toMatchObject({ scanned: 130, losingMfa: 65 });
  });
});

describe('admin service: listing and compliance', () => {
  it('lists a page with compliance from factors, a grace rule, or a bypass; filters by compliance, role and method', async () => {
    const graceUntil = vi.fn((user: { username: string }) =>
      user.username === 'bob' ? new Date(START + DAY).toISOString() : undefined,
    );
    const { service } = setup({ graceUntil });
    const page = await service.listUsers();
    expect(page.items.map((row) => [row.username, row.compliance])).toEqual([
      ['alice', 'compliant'],
      ['bob', 'in_grace'],
      ['root', 'compliant'],
    ]);
    expect(page.items[1]?.graceUntil).toBe(new Date(START + DAY).toISOString());
    expect(page).not.toHaveProperty('cursor');
    const filtered = async (filter: object) =>
      (await service.listUsers({ filter })).items.map((row) => row.username);
    expect(await filtered({ compliance: 'in_grace' })).toEqual(['bob']);
    expect(await filtered({ role: 'finance' })).toEqual(['alice']);
    expect(await filtered({ method: 'SMS' })).toEqual(['alice']);
    expect(await filtered({ method: 'NONE' })).toEqual(['bob']);
    expect(await filtered({ method: 'TOTP', role: 'mfa-admins' })).toEqual(['root']);
    expect((await service.listUsers({ search: '  bo ' })).items.map((row) => row.username)).toEqual(['bob']);
    expect((await service.listUsers({ search: '   ' })).items).toHaveLength(3);
  });

  it('a grace deadline that has passed is non-compliant', async () => {
    const { service } = setup({ graceUntil: () => new Date(START).toISOString() });
    expect((await service.getUser('bob')).compliance).toBe('non_compliant');
  });

  it('pages by a limit clamped to 1–60', async () => {
    const many: PoolUser[] = Array.from({ length: 70 }, (_, index) => ({
      username: `u${String(index).padStart(2, '0')}`,
      hasPhone: false,
      groups: [],
      methods: [],
    }));
    const { service } = setup({}, many);
    const size = async (limit: number | undefined) => (await service.listUsers({ limit })).items.length;
    expect(await size(undefined)).toBe(60);
    expect(await size(1000)).toBe(60);
    expect(await size(0)).toBe(60);
    expect(await size(-5)).toBe(1);
    expect(await size(2.9)).toBe(2);
    expect(await size(Number.NaN)).toBe(60);
    const first = await service.listUsers({ limit: 60 });
    expect(first.cursor).toBe('60');
    const second = await service.listUsers({ limit: 60, cursor: first.cursor });
    expect(second.items.map((row) => row.username)).toEqual(
      Array.from({ length: 10 }, (_, i) => `u${60 + i}`),
    );
  });

  it('judges compliance by the enforcement policy once one is set', async () => {
    const { service } = setup();
    await service.setPolicy(root, {
      policy: {
        requiredRoles: ['finance', 'mfa-admins'],
        adminRoles: ['mfa-admins'],
        allowedMethods: { finance: ['TOTP'] },
        gracePeriodDays: 7,
        policyStart: START - 30 * DAY,
      },
      justification,
    });
    const rows = Object.fromEntries((await service.listUsers()).items.map((row) => [row.username, row]));
    expect(rows.alice?.compliance).toBe('compliant');
    expect(rows.root?.compliance).toBe('compliant');
    expect(rows.bob?.compliance).toBe('compliant');
    const policyStart = START - 30 * DAY;
    expect(await service.getPolicy()).toMatchObject({
      requiredRoles: ['finance', 'mfa-admins'],
      policyStart,
    });
    await service.resetUserMfa(root, { username: 'alice', justification });
    const alice = await service.getUser('alice');
    expect(alice.compliance).toBe('in_grace');
    expect(alice.graceUntil).toBe(new Date(START - 2 * DAY + 7 * DAY).toISOString());
  });

  it('refuses an invalid policy with the reasons, and a missing one', async () => {
    const { service, store } = setup();
    const bad = (await service
      .setPolicy(root, { policy: { requiredRoles: ['x'], gracePeriodDays: -1 } as never, justification })
      .catch((e: unknown) => e)) as MfaAdminError;
    expect(bad.code).toBe('INVALID_REQUEST');
    expect(bad.message).toMatch(/^Invalid MFA policy: /);
    for (const policy of [undefined, null, 'strict']) {
      const error = (await service
        .setPolicy(root, { policy: policy as never, justification })
        .catch((e: unknown) => e)) as MfaAdminError;
      expect(error.message).toBe('A policy object is required.');
    }
    expect(await events(store)).toEqual([]);
    expect(await service.getPolicy()).toBeNull();
  });

  it('exports every user as CSV or JSON, stamped with the day', async () => {
    const { service } = setup();
    await service.bypassUserMfa(root, { username: 'alice', justification, hours: 1 });
    const csv = await service.exportCompliance(root, { format: 'csv' });
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.filename).toBe('mfa-compliance-2026-11-23.csv');
    expect(csv.body.split('\r\n')).toContainEqual(
      expect.stringMatching(/^alice,alice@example\.com,finance,,,bypassed,/),
    );
    const json = await service.exportCompliance(root, { format: 'json' });
    expect(json.contentType).toBe('application/json');
    expect(json.filename).toBe('mfa-compliance-2026-11-23.json');
    const parsed = JSON.parse(json.body) as { generatedAt: string; users: { username: string }[] };
    expect(parsed.generatedAt).toBe(new Date(START).toISOString());
    expect(parsed.users.map((user) => user.username)).toEqual(['alice', 'bob', 'root']);
    expect(await codeOf(service.exportCompliance(root, { format: 'xml' as never }))).toBe('INVALID_REQUEST');
  });
});
