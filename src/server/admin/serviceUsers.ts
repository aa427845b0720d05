import { MfaAdminError } from '../../core/adminErrors.js';
import type { AdminListUsersInput, AdminPage, AdminUserRow } from '../../ports.js';
import type { AdminActions } from './serviceActions.js';
import { type AdminContext, mapLimit } from './serviceContext.js';
import type { IndexedUser, MfaAdminService } from './serviceTypes.js';
import type { BackfillCheckpoint, MfaStatusEntry, MfaStatusQuery } from './store.js';
import { tokenBucket } from './tokenBucket.js';

/** Reading users: one, a page (from Cognito or the MFA-status index), all of them, and the backfill. */
export function createAdminUsers(c: AdminContext, { currentBypass }: Pick<AdminActions, 'currentBypass'>) {
  const { options, pool, store, now, iso, concurrency, rowOf, indexUser, reindex, withPool, loadPolicy } = c;
  const { requireUsername } = c;

  async function rowFor(username: string): Promise<AdminUserRow | undefined> {
    const { record, expired } = await currentBypass(username);
    const user = await pool.getUser(username);
    if (!user) return undefined;
    return rowOf(user, expired ? undefined : record);
  }

  /** Every user: from the index when it is on (no Cognito call), else page by page from the pool. */
  async function everyUser(visit: (user: IndexedUser) => void): Promise<void> {
    let cursor: string | undefined;
    if (options.statusIndex) {
      do {
        const page = await store.listStatuses({ limit: 100, ...(cursor ? { cursor } : {}) });
        for (const entry of page.items) visit(entry);
        cursor = page.cursor;
      } while (cursor);
      return;
    }
    do {
      const page = await pool.listUsernames({ cursor, limit: 60 });
      const users = await mapLimit(page.usernames, concurrency, (name) => pool.getUser(name));
      for (const user of users) if (user) visit(user);
      cursor = page.cursor;
    } while (cursor);
  }

  /** Every user's row now; an expired bypass is ended first (the lazy path). */
  async function allRows(): Promise<AdminUserRow[]> {
    const users: IndexedUser[] = [];
    await everyUser((user) => users.push(user));
    const at = iso();
    const rows = await mapLimit(users, concurrency, async (user): Promise<AdminUserRow | undefined> => {
      if (options.statusIndex && !(user.bypassUntil && user.bypassUntil <= at))
        return rowOf(user, user.bypassUntil ? { until: user.bypassUntil } : undefined);
      const { record, expired } = await currentBypass(user.username);
      const current = expired ? await pool.getUser(user.username) : user;
      return current ? rowOf(current, record) : undefined;
    });
    return rows.filter((row): row is AdminUserRow => row !== undefined);
  }

  /**
   * A page from the index: the store selects by username prefix, factor, group and bypass; the grace
   * rule is applied here. Reads no Cognito at all, except to end a bypass that ran out (lazy path).
   * A filtered page may hold fewer rows than `limit`: follow `cursor`.
   */
  async function listFromIndex(
    input: AdminListUsersInput,
    limit: number,
    search: string | undefined,
  ): Promise<AdminPage<AdminUserRow>> {
    const at = iso();
    const { compliance, role, method } = input.filter ?? {};
    const query: MfaStatusQuery = {
      ...(input.cursor ? { cursor: input.cursor } : {}),
      limit,
      ...(search ? { prefix: search } : {}),
      ...(role ? { role } : {}),
      ...(method ? { method } : {}),
      ...(compliance === 'bypassed' ? { bypassedAfter: at } : {}),
      // Without a policy, compliance is "has MFA"; with one it also depends on role and method.
      ...(compliance === 'compliant' && !c.activePolicy ? { hasMfa: true } : {}),
      ...((compliance === 'in_grace' || compliance === 'non_compliant') && !c.activePolicy
        ? { hasMfa: false }
        : {}),
    };
    const page = await store.listStatuses(query);
    const rows: AdminUserRow[] = [];
    for (const entry of page.items) {
      let current: MfaStatusEntry | undefined = entry;
      if (entry.bypassUntil && entry.bypassUntil <= at) {
        // Ran out: end it (the lazy path), and read the user again either way, so a stale entry heals.
        await withPool(() => currentBypass(entry.username));
        await reindex(entry.username);
        current = await store.getStatus(entry.username);
      }
      if (!current) continue;
      const row = rowOf(current, current.bypassUntil ? { until: current.bypassUntil } : undefined);
      if (!compliance || row.compliance === compliance) rows.push(row);
    }
    return { items: rows, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  const methods: Pick<MfaAdminService, 'listUsers' | 'getUser' | 'refreshUser' | 'backfillStatusIndex'> = {
    async listUsers(input = {}) {
      await loadPolicy();
      const limit = Math.min(Math.max(Math.floor(Number(input.limit ?? 60)) || 60, 1), 60);
      const search = input.search?.trim() || undefined;
      if (options.statusIndex) return listFromIndex(input, limit, search);
      const page = await withPool(() => pool.listUsernames({ cursor: input.cursor, limit, search }));
      const rows = await withPool(() => mapLimit(page.usernames, concurrency, rowFor));
      const { compliance, role, method } = input.filter ?? {};
      const items = rows.filter(
        (row): row is AdminUserRow =>
          row !== undefined &&
          (!compliance || row.compliance === compliance) &&
          (!role || row.groups.includes(role)) &&
          (!method || (method === 'NONE' ? row.methods.length === 0 : row.methods.includes(method))),
      );
      return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
    },

    async getUser(username) {
      await loadPolicy();
      const name = requireUsername(username);
      const row = await withPool(() => rowFor(name));
      if (!row) {
        await store.deleteStatus(name).catch(() => {});
        throw new MfaAdminError('USER_NOT_FOUND', 'The pool has no such user.');
      }
      // A single-user read is live: it also refreshes the user's index entry.
      await indexUser(row, row.bypassUntil).catch((error: unknown) =>
        console.error('mfa-kit: updating the MFA-status index failed', error),
      );
      return row;
    },

    async refreshUser(username) {
      await loadPolicy();
      const name = requireUsername(username);
      await withPool(() => currentBypass(name));
      const user = await withPool(async () => reindex(name));
      if (!user) return undefined;
      return rowOf(user, await store.getBypass(user.username));
    },

    async backfillStatusIndex(backfill = {}) {
      const bucket = tokenBucket({
        ratePerSecond: backfill.ratePerSecond ?? 5,
        now,
        ...(backfill.sleep ? { sleep: backfill.sleep } : {}),
      });
      const previous = backfill.restart ? undefined : await store.getBackfill();
      const startedAt = previous && !previous.done ? previous.startedAt : iso();
      let checkpoint: BackfillCheckpoint =
        previous && !previous.done ? previous : { done: false, indexed: 0, startedAt, updatedAt: startedAt };
      let pages = 0;
      while (!checkpoint.done && (backfill.maxPages === undefined || pages < backfill.maxPages)) {
        if (backfill.signal?.aborted) break;
        await bucket.take();
        const cursor = checkpoint.cursor;
        const page = await withPool(() => pool.listUsernames({ ...(cursor ? { cursor } : {}), limit: 60 }));
        let indexed = checkpoint.indexed;
        for (const username of page.usernames) {
          // AdminGetUser and AdminListGroupsForUser.
          await bucket.take();
          await bucket.take();
          const user = await withPool(() => pool.getUser(username));
          if (!user) continue;
          await indexUser(user, (await store.getBypass(user.username))?.until);
          indexed += 1;
        }
        checkpoint = {
          ...(page.cursor ? { cursor: page.cursor } : {}),
          done: !page.cursor,
          indexed,
          startedAt,
          updatedAt: iso(),
        };
        await store.putBackfill(checkpoint);
        pages += 1;
      }
      return checkpoint;
    },
  };
  return { rowFor, everyUser, allRows, ...methods };
}

export type AdminUsers = ReturnType<typeof createAdminUsers>;
