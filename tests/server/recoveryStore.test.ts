// @vitest-environment node
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { memoryStore, type RecoveryCodeStore } from 'mfa-kit/server';
import { dynamoDbStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startDynalite } from './support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.createTable('store-contract');
});
afterAll(() => dynamo?.stop());

const stores: Array<[string, () => RecoveryCodeStore]> = [
  ['memoryStore', () => memoryStore()],
  ['dynamoDbStore on dynalite', () => dynamoDbStore({ client: dynamo.client, tableName: 'store-contract' })],
];

const setOf = (username: string, setId: string) => ({
  username,
  setId,
  salt: 'salt',
  createdAt: '2026-11-23T00:00:00.000Z',
  codes: Array.from({ length: 10 }, (_, i) => ({ hash: `hash-${setId}-${i}` })),
});

describe.each(stores)('%s', (name, makeStore) => {
  const user = (suffix: string) => `${name}-${suffix}`;

  it('keeps and returns a set', async () => {
    const store = makeStore();
    await store.put(setOf(user('keep'), 'a'));
    expect(await store.get(user('keep'))).toEqual(setOf(user('keep'), 'a'));
    expect(await store.get(user('nobody'))).toBeUndefined();
  });

  it('lets exactly one of 100 concurrent consumers of one code win', async () => {
    const store = makeStore();
    await store.put(setOf(user('race'), 'a'));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.consume(user('race'), 'a', 3, `2026-11-23T00:00:${String(i % 60).padStart(2, '0')}Z`),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.get(user('race'));
    expect(stored?.codes.filter((code) => code.usedAt)).toHaveLength(1);
    expect(stored?.codes[3]?.usedAt).toBeDefined();
  });

  it('refuses to consume from a replaced set, so regeneration invalidates earlier codes', async () => {
    const store = makeStore();
    await store.put(setOf(user('regen'), 'old'));
    await store.put(setOf(user('regen'), 'new'));
    expect(await store.consume(user('regen'), 'old', 0, '2026-11-23T00:00:00Z')).toBe(false);
    expect(await store.consume(user('regen'), 'new', 0, '2026-11-23T00:00:00Z')).toBe(true);
  });

  it('refuses an index past the end of the set', async () => {
    const store = makeStore();
    await store.put(setOf(user('range'), 'a'));
    expect(await store.consume(user('range'), 'a', 10, '2026-11-23T00:00:00Z')).toBe(false);
  });

  it('gives a consumed code back on release, but not into a newer set', async () => {
    const store = makeStore();
    await store.put(setOf(user('release'), 'a'));
    expect(await store.consume(user('release'), 'a', 1, '2026-11-23T00:00:00Z')).toBe(true);
    await store.release(user('release'), 'a', 1);
    expect((await store.get(user('release')))?.codes[1]?.usedAt).toBeUndefined();
    expect(await store.consume(user('release'), 'a', 1, '2026-11-23T00:00:01Z')).toBe(true);
    await store.put(setOf(user('release'), 'b'));
    await store.release(user('release'), 'a', 1);
    expect(await store.get(user('release'))).toEqual(setOf(user('release'), 'b'));
  });

  it('counts concurrent increments without losing any', async () => {
    const store = makeStore();
    const key = user('counter');
    const counts = await Promise.all(
      Array.from({ length: 25 }, () => store.increment(key, Date.now() + 60_000)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});

it('the DynamoDB table holds hashes only', async () => {
  const store = dynamoDbStore({ client: dynamo.client, tableName: 'store-contract' });
  await store.put(setOf('dump-check', 'a'));
  const { Items } = await dynamo.client.send(new ScanCommand({ TableName: 'store-contract' }));
  const item = Items?.find((entry) => entry.pk?.S === 'recovery-codes#dump-check');
  expect(Object.keys(item ?? {}).sort()).toEqual(['codes', 'createdAt', 'pk', 'salt', 'setId', 'username']);
});
