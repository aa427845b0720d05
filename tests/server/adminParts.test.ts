// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { AdminUserRow } from '../../src/ports';
import {
  complianceCsv,
  memoryAdminStore,
  type RecoveryAuditEvent,
  recordRecoveryInAdminStore,
  tokenBucket,
} from '../../src/server';

/**
 * Issue 21: the small parts of the admin API, through their public names — the backfill's rate
 * limiter, the compliance CSV (spreadsheet-safe), and the recovery events filed in the admin log.
 */
describe('tokenBucket', () => {
  function bucket(ratePerSecond: number, burst?: number) {
    const clock = { now: 0 };
    const waits: number[] = [];
    const limiter = tokenBucket({
      ratePerSecond,
      ...(burst === undefined ? {} : { burst }),
      now: () => clock.now,
      sleep: async (ms) => {
        waits.push(ms);
        clock.now += ms;
      },
    });
    return { limiter, clock, waits };
  }

  it('refuses a rate that is not more than 0', () => {
    for (const rate of [0, -1, Number.NaN]) {
      expect(() => tokenBucket({ ratePerSecond: rate })).toThrow('ratePerSecond must be more than 0.');
    }
  });

  it('lets a burst of one second’s worth go at once, then one call per 1/rate seconds', async () => {
    const { limiter, waits, clock } = bucket(5);
    for (let i = 0; i < 5; i += 1) await limiter.take();
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([200]);
    await limiter.take();
    expect(waits).toEqual([200, 200]);
    expect(clock.now).toBe(400);
  });

  it('saves up at most the burst while idle', async () => {
    const { limiter, waits, clock } = bucket(2, 3);
    for (let i = 0; i < 3; i += 1) await limiter.take();
    expect(waits).toEqual([]);
    clock.now += 60_000;
    for (let i = 0; i < 3; i += 1) await limiter.take();
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([500]);
  });

  it('keeps at least one token of burst for rates under one per second', async () => {
    const { limiter, waits } = bucket(0.5);
    await limiter.take();
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([2000]);
  });

  it('serves waiters in order, and a failed wait does not block the next', async () => {
    let calls = 0;
    const limiter = tokenBucket({
      ratePerSecond: 1,
      burst: 1,
      now: () => 0,
      sleep: async () => {
        calls += 1;
        throw new Error('aborted');
      },
    });
    await limiter.take();
    await expect(limiter.take()).rejects.toThrow('aborted');
    await expect(limiter.take()).rejects.toThrow('aborted');
    expect(calls).toBe(2);
    const real = tokenBucket({ ratePerSecond: 1000, burst: 1 });
    const started = Date.now();
    await real.take();
    await real.take();
    expect(Date.now() - started).toBeGreaterThanOrEqual(0);
  });
});

describe('recordRecoveryInAdminStore', () => {
  const used: RecoveryAuditEvent = {
    type: 'mfa_recovery_used',
    username: 'alice',
    at: '2026-11-23T12:00:00.000Z',
    remaining: 7,
    ip: '203.0.113.9',
    signedOut: true,
  };

  it('files each recovery in the admin log, refreshes the user, and passes every event on', async () => {
    const store = memoryAdminStore();
    const refreshUser = vi.fn(async () => undefined);
    const next = vi.fn();
    const sink = recordRecoveryInAdminStore({ store, admin: { refreshUser }, next, newId: () => 'ev-1' });
    await sink(used);
    const other: RecoveryAuditEvent = {
      type: 'mfa_recovery_codes_generated',
      username: 'alice',
      at: used.at,
      total: 10,
    };
    await sink(other);
    const { items } = await store.queryEvents({ limit: 10 });
    expect(items).toEqual([
      {
        id: 'ev-1',
        type: 'mfa_recovery_used',
        at: '2026-11-23T12:00:00.000Z',
        actor: 'alice',
        target: 'alice',
        requestId: 'recovery',
        status: 'done',
        details: { remaining: 7, ip: '203.0.113.9', signedOut: true },
      },
    ]);
    expect(refreshUser).toHaveBeenCalledTimes(1);
    expect(refreshUser).toHaveBeenCalledWith('alice');
    expect(next.mock.calls.map(([event]) => event)).toEqual([used, other]);
  });

  it('leaves out what the event does not say, and survives a failed refresh', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryAdminStore();
    const sink = recordRecoveryInAdminStore({
      store,
      admin: {
        refreshUser: async () => {
          throw new Error('pool down');
        },
      },
    });
    await sink({ type: 'mfa_recovery_used', username: 'bob', at: '2026-11-23T12:00:00.000Z', remaining: 0 });
    const [event] = (await store.queryEvents({ limit: 10 })).items;
    expect(event?.details).toEqual({ remaining: 0 });
    expect(event?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(error).toHaveBeenCalledWith(
      'mfa-kit: refreshing the MFA-status index after a recovery failed',
      expect.any(Error),
    );
    error.mockRestore();
  });
});
