// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../src/server/recovery/memoryStore';
import type { StoredRecoveryCodes } from '../../src/server/recovery/store';

/** Issue 21: the memory store keeps the same promises as the DynamoDB store (single use, windows). */
const set = (setId = 's1'): StoredRecoveryCodes => ({
  username: 'alice',
  setId,
  salt: 'salt',
  createdAt: '2027-01-01T00:00:00.000Z',
  codes: [{ hash: 'h0' }, { hash: 'h1' }],
});

describe('memoryStore', () => {
  it('consumes a code once, only in the current set and only at a real position', async () => {
    const store = memoryStore();
    await store.put(set());
    expect(await store.consume('alice', 'other-set', 0, 'now')).toBe(false);
    expect(await store.consume('bob', 's1', 0, 'now')).toBe(false);
    expect(await store.consume('alice', 's1', 5, 'now')).toBe(false);
    expect(await store.consume('alice', 's1', 0, 'now')).toBe(true);
    expect(await store.consume('alice', 's1', 0, 'later')).toBe(false);
    expect((await store.get('alice'))?.codes[0]?.usedAt).toBe('now');
  });

  it('releases a consumed code only in the same set', async () => {
    const store = memoryStore();
    await store.put(set());
    await store.consume('alice', 's1', 1, 'now');
    await store.release('alice', 'other-set', 1);
    expect((await store.get('alice'))?.codes[1]?.usedAt).toBe('now');
    await store.release('bob', 's1', 1);
    await store.release('alice', 's1', 7);
    await store.release('alice', 's1', 1);
    expect((await store.get('alice'))?.codes[1]?.usedAt).toBeUndefined();
    expect(await store.consume('alice', 's1', 1, 'again')).toBe(true);
  });

  it('hands out copies: changing what get returned changes nothing stored', async () => {
    const store = memoryStore();
    const original = set();
    await store.put(original);
    original.codes[0] = { hash: 'changed', usedAt: 'x' };
    const read = await store.get('alice');
    if (read?.codes[0]) read.codes[0].usedAt = 'tampered';
    expect((await store.get('alice'))?.codes[0]).toEqual({ hash: 'h0' });
  });

  it('counts within a window and starts again once it expired', async () => {
    let now = 1000;
    const store = memoryStore({ now: () => now });
    expect(await store.increment('k', 2000)).toBe(1);
    expect(await store.increment('k', 2000)).toBe(2);
    now = 1999;
    expect(await store.increment('k', 2000)).toBe(3);
    now = 2000;
    expect(await store.increment('k', 3000)).toBe(1);
    expect(store.dump().counters.k).toEqual({ count: 1, expiresAt: 3000 });
  });

  const counters = (count: number, expiresAt: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`old-${i}`, { count: 1, expiresAt }]));

  it('drops expired counters (expiresAt <= now) once more than 10 000 are held', async () => {
    const data = { sets: {}, counters: { ...counters(10_000, 100), live: { count: 1, expiresAt: 500 } } };
    const store = memoryStore({ data, now: () => 100 });
    await store.increment('new', 500);
    expect(Object.keys(store.dump().counters).sort()).toEqual(['live', 'new']);
  });

  it('keeps up to 10 000 counters without sweeping', async () => {
    const store = memoryStore({ data: { sets: {}, counters: counters(10_000, 100) }, now: () => 200 });
    await store.increment('new', 500);
    expect(Object.keys(store.dump().counters)).toHaveLength(10_001);
  });

  it('mirrors every change into the data object it was given, and says so', async () => {
    const data = { sets: {}, counters: {} };
    const onChange = vi.fn();
    const store = memoryStore({ data, onChange });
    await store.put(set());
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(data.sets).toEqual({ alice: set() });
    await store.consume('alice', 's1', 0, 'now');
    await store.increment('k', Date.now() + 1000);
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(Object.keys(data.counters)).toEqual(['k']);
    const reloaded = memoryStore({ data });
    expect((await reloaded.get('alice'))?.codes[0]?.usedAt).toBe('now');
    expect(reloaded.dump()).toEqual({ sets: data.sets, counters: data.counters });
  });

  it('mirrors into the data object alone (no listener), and calls a listener alone (no data)', async () => {
    const data = { sets: {}, counters: {} };
    await memoryStore({ data }).put(set());
    expect(data.sets).toEqual({ alice: set() });

    const onChange = vi.fn();
    const store = memoryStore({ onChange });
    await store.put(set());
    await store.increment('k', Date.now() + 1000);
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
