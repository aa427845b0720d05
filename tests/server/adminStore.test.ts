// @vitest-environment node
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { adminTableDefinition, dynamoDbAdminStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMfaPolicy } from '../../src/core/mfaPolicy';
import type { AdminAuditEvent } from '../../src/ports';
import { type AdminStore, type BypassRecord, type MfaStatusEntry, memoryAdminStore } from '../../src/server';
import { type LocalDynamo, startDynalite } from './support/dynalite';

/** One contract, two stores: whatever the memory store promises, DynamoDB (on dynalite) keeps too. */
let dynamo: LocalDynamo;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo?.stop();
});

async function freshDynamoStore(): Promise<AdminStore> {
  tables += 1;
  const tableName = `admin-${tables}`;
  await dynamo.client.send(new CreateTableCommand(adminTableDefinition(tableName)));
  return dynamoDbAdminStore({ client: dynamo.client, tableName });
}

const targets: Array<[string, () => Promise<AdminStore>]> = [
  ['memoryAdminStore', async () => memoryAdminStore()],
  ['dynamoDbAdminStore (dynalite)', freshDynamoStore],
];

const event = (id: string, overrides: Partial<AdminAuditEvent> = {}): AdminAuditEvent => ({
  id,
  type: 'mfa_reset',
  at: '2026-11-23T10:00:00.000Z',
  actor: 'root',
  target: 'alice',
  justification: 'Lost phone, identity checked by video call',
  requestId: `req-${id}`,
  status: 'done',
  ...overrides,
});

const bypass = (bypassId: string, overrides: Partial<BypassRecord> = {}): BypassRecord => ({
  username: 'alice',
  bypassId,
  startedAt: '2026-11-23T10:00:00.000Z',
  until: '2026-11-24T10:00:00.000Z',
  actor: 'root',
  justification: 'Travelling without the phone, ticket 4711',
  previous: { methods: ['TOTP'], preferred: 'TOTP' },
  ...overrides,
});

describe.each(targets)('admin store contract: %s', (_name, makeStore) => {
  it('writes an event id once, even when many writers race', async () => {
    const store = await makeStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.appendEvent(event('same'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.getEvent('same')).toEqual(event('same'));
  });

  it('keeps the justification exactly as given (markup, quotes, newlines, unicode)', async () => {
    const store = await makeStore();
    const justification = '<img src=x onerror=alert(1)> "quoted"\n\tحساب مقفل — ✓ =SUM(A1)';
    await store.appendEvent(event('inert', { justification }));
    expect((await store.getEvent('inert'))?.justification).toBe(justification);
  });

  it('settles a pending event, merges details, and drops it from the pending list', async () => {
    const store = await makeStore();
    await store.appendEvent(event('p1', { status: 'pending', details: { previous: { methods: ['TOTP'] } } }));
    await store.appendEvent(event('p2', { status: 'pending', at: '2026-11-23T10:05:00.000Z' }));
    expect((await store.pendingEvents('2026-11-23T10:01:00.000Z', 10)).map((e) => e.id)).toEqual(['p1']);
    expect((await store.pendingEvents('2026-11-23T11:00:00.000Z', 10)).map((e) => e.id)).toEqual([
      'p1',
      'p2',
    ]);
    const settled = await store.settleEvent('p1', 'done', { devicesForgotten: 2 });
    expect(settled).toMatchObject({
      status: 'done',
      details: { previous: { methods: ['TOTP'] }, devicesForgotten: 2 },
    });
    expect((await store.pendingEvents('2026-11-23T11:00:00.000Z', 10)).map((e) => e.id)).toEqual(['p2']);
    expect(await store.settleEvent('missing', 'done')).toBeUndefined();
  });

  it('answers audit queries newest first, by type, target and time, page by page', async () => {
    const store = await makeStore();
    const types = ['mfa_reset', 'mfa_bypass', 'pool_mfa_changed'] as const;
    for (let i = 0; i < 30; i += 1) {
      const type = types[i % 3] ?? 'mfa_reset';
      await store.appendEvent(
        event(`e${String(i).padStart(2, '0')}`, {
          type,
          at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
          ...(type === 'pool_mfa_changed' ? { target: undefined } : { target: i % 2 ? 'bob' : 'alice' }),
        }),
      );
    }
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.queryEvents({ limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      all.push(...page.items.map((e) => e.id));
      cursor = page.cursor;
    } while (cursor);
    expect(all).toHaveLength(30);
    expect(all[0]).toBe('e29');
    expect(all.at(-1)).toBe('e00');
    expect(new Set(all).size).toBe(30);

    const resets = await store.queryEvents({ type: 'mfa_reset', limit: 100 });
    expect(resets.items.map((e) => e.id)).toEqual([
      'e27',
      'e24',
      'e21',
      'e18',
      'e15',
      'e12',
      'e09',
      'e06',
      'e03',
      'e00',
    ]);
    const bob = await store.queryEvents({ target: 'bob', limit: 100 });
    expect(bob.items.every((e) => e.target === 'bob')).toBe(true);
    expect(bob.items).toHaveLength(10);
    const bobBypasses = await store.queryEvents({ target: 'bob', type: 'mfa_bypass', limit: 100 });
    expect(bobBypasses.items.map((e) => e.id)).toEqual(['e25', 'e19', 'e13', 'e07', 'e01']);
    const window = await store.queryEvents({
      from: '2026-11-01T00:10:00.000Z',
      to: '2026-11-01T00:12:00.000Z',
    });
    expect(window.items.map((e) => e.id)).toEqual(['e12', 'e11', 'e10']);
  });

  it('holds one bypass per user: a second start loses, the same bypass again is a no-op', async () => {
    const store = await makeStore();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putBypass(bypass(`b${i}`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = await store.getBypass('alice');
    expect(winner).toBeDefined();
    expect(await store.putBypass(bypass(winner?.bypassId ?? ''))).toBe(true);
    expect(await store.deleteBypass('alice', 'not-this-one')).toBe(false);
    expect(await store.deleteBypass('alice', winner?.bypassId ?? '')).toBe(true);
    expect(await store.deleteBypass('alice', winner?.bypassId ?? '')).toBe(false);
    expect(await store.getBypass('alice')).toBeUndefined();
  });

  it('lists expired bypasses, soonest first', async () => {
    const store = await makeStore();
    await store.putBypass(bypass('x1', { username: 'u1', until: '2026-11-24T09:00:00.000Z' }));
    await store.putBypass(bypass('x2', { username: 'u2', until: '2026-11-24T08:00:00.000Z' }));
    await store.putBypass(bypass('x3', { username: 'u3', until: '2026-11-24T12:00:00.000Z' }));
    const expired = await store.expiredBypasses('2026-11-24T10:00:00.000Z', 10);
    expect(expired.map((record) => record.username)).toEqual(['u2', 'u1']);
    expect(expired[0]).toEqual(bypass('x2', { username: 'u2', until: '2026-11-24T08:00:00.000Z' }));
  });

  it('keeps every one of 1000 concurrent appends', async () => {
    const store = await makeStore();
    const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const results = await Promise.all(
      ids.map((id, i) =>
        store.appendEvent(event(id, { at: new Date(Date.UTC(2026, 10, 2, 0, 0, 0, i)).toISOString() })),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await store.queryEvents({ limit: 100, cursor });
      for (const item of page.items) seen.add(item.id);
      cursor = page.cursor;
    } while (cursor);
    expect(seen.size).toBe(1000);
  }, 60_000);

  it('pages the MFA-status index by username, once each, with filters pushed down', async () => {
    const store = await makeStore();
    const entry = (i: number): MfaStatusEntry => ({
      username: `user${String(i).padStart(3, '0')}`,
      groups: i % 10 === 0 ? ['admins'] : [],
      methods: i % 3 === 0 ? [] : i % 3 === 1 ? ['TOTP'] : ['TOTP', 'SMS'],
      ...(i % 3 === 1 ? { preferred: 'TOTP' as const } : {}),
      ...(i % 50 === 7 ? { bypassUntil: '2026-11-24T10:00:00.000Z' } : {}),
      indexedAt: '2026-11-23T10:00:00.000Z',
    });
    // Written out of order: the index keeps them sorted.
    await Promise.all(Array.from({ length: 130 }, (_, i) => store.putStatus(entry(129 - i))));
    await store.putStatus({ ...entry(5), email: 'five@example.com' });
    expect(await store.getStatus('user005')).toEqual({ ...entry(5), email: 'five@example.com' });
    expect(await store.getStatus('nobody')).toBeUndefined();
    await store.putStatus(entry(200));
    await store.deleteStatus('user200');
    await store.deleteStatus('user200');
    expect(await store.getStatus('user200')).toBeUndefined();

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listStatuses({ limit: 60, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(60);
      seen.push(...page.items.map((e) => e.username));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 130 }, (_, i) => entry(i).username));

    const prefix = await store.listStatuses({ limit: 60, prefix: 'user12' });
    expect(prefix.items.map((e) => e.username)).toEqual([
      'user120',
      'user121',
      'user122',
      'user123',
      'user124',
      'user125',
      'user126',
      'user127',
      'user128',
      'user129',
    ]);
    expect(prefix.cursor).toBeUndefined();
    const none = await store.listStatuses({ limit: 100, method: 'NONE', prefix: 'user0' });
    expect(none.items.every((e) => e.methods.length === 0)).toBe(true);
    expect(none.items).toHaveLength(34);
    const sms = await store.listStatuses({ limit: 100, method: 'SMS', prefix: 'user0' });
    expect(sms.items).toHaveLength(33);
    const admins = await store.listStatuses({ limit: 100, role: 'admins' });
    expect(admins.items.map((e) => e.username)).toEqual(
      Array.from({ length: 13 }, (_, i) => entry(i * 10).username),
    );
    const withMfa = await store.listStatuses({ limit: 100, hasMfa: true, prefix: 'user1' });
    expect(withMfa.items).toHaveLength(20);
    const bypassed = await store.listStatuses({ limit: 100, bypassedAfter: '2026-11-24T09:00:00.000Z' });
    expect(bypassed.items.map((e) => e.username)).toEqual(['user007', 'user057', 'user107']);
    expect(
      (await store.listStatuses({ limit: 100, bypassedAfter: '2026-11-24T11:00:00.000Z' })).items,
    ).toEqual([]);
  });

  it('keeps the backfill checkpoint', async () => {
    const store = await makeStore();
    expect(await store.getBackfill()).toBeUndefined();
    const checkpoint = {
      cursor: 'page-token',
      done: false,
      indexed: 120,
      startedAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:01:00.000Z',
    };
    await store.putBackfill(checkpoint);
    expect(await store.getBackfill()).toEqual(checkpoint);
  });

  it('keeps adoption snapshots, oldest first, one per time', async () => {
    const store = await makeStore();
    const at = (day: number) => `2026-0${day}-01T00:00:00.000Z`;
    for (const day of [3, 1, 2])
      await store.putAdoptionSnapshot?.({ at: at(day), byRole: { '*': { withMfa: day, total: 9 } } });
    await store.putAdoptionSnapshot?.({ at: at(2), byRole: { '*': { withMfa: 7, total: 9 } } });
    expect(await store.listAdoptionSnapshots?.(2)).toEqual([
      { at: at(2), byRole: { '*': { withMfa: 7, total: 9 } } },
      { at: at(3), byRole: { '*': { withMfa: 3, total: 9 } } },
    ]);
    expect(await store.listAdoptionSnapshots?.(10)).toHaveLength(3);
  });

  it('keeps the enforcement policy, replaced as a whole', async () => {
    const store = await makeStore();
    expect(await store.getPolicy()).toBeUndefined();
    const first = createMfaPolicy({ requiredRoles: ['super_admin'], policyStart: '2026-05-01T00:00:00Z' });
    await store.putPolicy(first);
    expect(await store.getPolicy()).toEqual(first);
    const second = createMfaPolicy({
      requiredRoles: ['itsm_manager'],
      optionalRoles: ['viewer'],
      gracePeriodDays: 3,
      policyStart: '2026-06-01T00:00:00+02:00',
    });
    await store.putPolicy(second);
    expect(await store.getPolicy()).toEqual(second);
  });
});
