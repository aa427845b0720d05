// @vitest-environment node
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { adminTableDefinition, dynamoDbAdminStore } from 'mfa-kit/server/dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MfaMethod } from '../../src/ports';
import {
  type AdminPool,
  type AdminStore,
  createMfaAdminService,
  type MfaAdminService,
  type MfaStatusEntry,
} from '../../src/server';
import { type LocalDynamo, startDynalite } from './support/dynalite';

/**
 * Listing from the MFA-status index on dynalite: per-page latency from the first page to the last.
 * `npm test` runs it with 3 000 users (pages 1, 25, 50); the bench is
 * `MFA_KIT_BENCH_USERS=100000 npx vitest run tests/server/adminIndexBench.test.ts` (pages 1, 100, 1000).
 */
const USERS = Number(process.env.MFA_KIT_BENCH_USERS ?? 3000);
const PAGE = 60;
const SAMPLES = Number(process.env.MFA_KIT_BENCH_SAMPLES ?? 30);
const lastPage = Math.floor((USERS - 1) / PAGE) + 1;
const measured = USERS >= 60_001 ? [1, 100, 1000] : [1, Math.max(2, Math.floor(lastPage / 2)), lastPage];

let dynamo: LocalDynamo;
let store: AdminStore;
let service: MfaAdminService;

/** The index alone answers: any Cognito call would be a bug here. */
const noCognito: AdminPool = {
  getMfaConfig: () => Promise.reject(new Error('no Cognito in the bench')),
  setMfaConfig: () => Promise.reject(new Error('no Cognito in the bench')),
  listUsernames: () => Promise.reject(new Error('no Cognito in the bench')),
  getUser: () => Promise.reject(new Error('no Cognito in the bench')),
  setUserMfa: () => Promise.reject(new Error('no Cognito in the bench')),
  forgetDevices: () => Promise.reject(new Error('no Cognito in the bench')),
};

function entry(i: number): MfaStatusEntry {
  const methods: MfaMethod[] = i % 5 === 0 ? [] : i % 7 === 0 ? ['TOTP', 'SMS'] : ['TOTP'];
  return {
    username: `user${String(i).padStart(6, '0')}`,
    email: `user${i}@example.com`,
    groups: i % 50 === 0 ? ['admins'] : ['staff'],
    methods,
    ...(methods.length ? { preferred: 'TOTP' as const } : {}),
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModifiedAt: '2026-11-01T00:00:00.000Z',
    indexedAt: '2026-11-23T00:00:00.000Z',
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(adminTableDefinition('bench')));
  store = dynamoDbAdminStore({ client: dynamo.client, tableName: 'bench' });
  service = createMfaAdminService({ pool: noCognito, store, statusIndex: true });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < USERS) {
        const i = next++;
        await store.putStatus(entry(i));
      }
    }),
  );
  console.info(
    `indexed ${USERS} users on dynalite in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 1_800_000);
afterAll(async () => {
  await dynamo?.stop();
});

describe(`MFA-status index bench: ${USERS} users on dynalite`, () => {
  it('reads every page from the index with flat latency from first to last', async () => {
    // Walk once to learn each measured page's cursor (and check every user is listed once).
    const cursors = new Map<number, string | undefined>([[1, undefined]]);
    let cursor: string | undefined;
    let listed = 0;
    let pageNumber = 1;
    const walkStarted = performance.now();
    for (;;) {
      const page = await service.listUsers({ limit: PAGE, ...(cursor ? { cursor } : {}) });
      listed += page.items.length;
      if (!page.cursor) break;
      cursor = page.cursor;
      pageNumber += 1;
      if (measured.includes(pageNumber)) cursors.set(pageNumber, cursor);
    }
    const walkSeconds = (performance.now() - walkStarted) / 1000;
    expect(listed).toBe(USERS);
    // DynamoDB hands a cursor back whenever a page is full, so a final empty page may follow.
    expect([lastPage, lastPage + 1]).toContain(pageNumber);

    const rows: Array<{ page: number; p50: number; p95: number }> = [];
    for (const page of measured) {
      const times: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const pageCursor = cursors.get(page);
        const started = performance.now();
        const answer = await service.listUsers({
          limit: PAGE,
          ...(pageCursor ? { cursor: pageCursor } : {}),
        });
        times.push(performance.now() - started);
        expect(answer.items[0]?.username).toBe(entry((page - 1) * PAGE).username);
      }
      times.sort((a, b) => a - b);
      rows.push({ page, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    const table = [
      `| page (of ${lastPage}, ${PAGE} users each) | p50 ms | p95 ms |`,
      '|---|---|---|',
      ...rows.map((row) => `| ${row.page} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} |`),
    ].join('\n');
    console.info(
      `${USERS} users, ${SAMPLES} samples per page; full walk ${walkSeconds.toFixed(1)} s\n${table}`,
    );
    const first = rows[0]?.p50 ?? 0;
    const last = rows.at(-1)?.p50 ?? 0;
    // Flat: the deepest page costs about what the first does (generous bound for a shared machine).
    expect(last).toBeLessThan(first * 3 + 10);
  }, 1_800_000);

  it('filters and searches from the index too', async () => {
    const search = await service.listUsers({ search: 'user00001', limit: PAGE });
    expect(search.items.map((row) => row.username)).toEqual(
      Array.from({ length: 10 }, (_, i) => entry(10 + i).username),
    );
    const none = await service.listUsers({ filter: { method: 'NONE' }, limit: PAGE });
    expect(none.items.length).toBeGreaterThan(0);
    expect(none.items.every((row) => row.compliance === 'non_compliant')).toBe(true);
  }, 60_000);
});
