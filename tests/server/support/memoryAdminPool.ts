import type { PoolMfaConfig } from '../../../src/ports';
import type { AdminPool, PoolUser } from '../../../src/server';

/**
 * An `AdminPool` over a plain map, for the admin rules that need no emulator (issue 21): the pool
 * behaves as `cognitoAdminPool` promises — `getUser` resolves `undefined` for an unknown user,
 * `setUserMfa` sets exactly the factors asked for, listing pages by cursor. Every write is recorded
 * in `calls` so a test can state that a refused request changed nothing.
 */
export interface MemoryAdminPool extends AdminPool {
  users: Map<string, PoolUser>;
  config: PoolMfaConfig;
  calls: { op: string; username?: string; detail?: unknown }[];
  /** Makes the next pool call of this operation fail with `error`. */
  failNext(op: keyof AdminPool, error: unknown): void;
}

export function memoryAdminPool(
  users: PoolUser[],
  config: PoolMfaConfig = { mode: 'OPTIONAL', methods: ['TOTP', 'SMS', 'EMAIL'] },
): MemoryAdminPool {
  const failures = new Map<string, unknown>();
  const fail = (op: string) => {
    if (!failures.has(op)) return;
    const error = failures.get(op);
    failures.delete(op);
    throw error;
  };
  const pool: MemoryAdminPool = {
    users: new Map(users.map((user) => [user.username, structuredClone(user)])),
    config: structuredClone(config),
    calls: [],
    failNext(op, error) {
      failures.set(op, error);
    },
    async getMfaConfig() {
      fail('getMfaConfig');
      return structuredClone(pool.config);
    },
    async setMfaConfig(next) {
      fail('setMfaConfig');
      pool.calls.push({ op: 'setMfaConfig', detail: next });
      pool.config = structuredClone(next);
    },
    async listUsernames({ cursor, limit, search }) {
      fail('listUsernames');
      const names = [...pool.users.keys()].filter((name) => !search || name.startsWith(search)).sort();
      const start = Number(cursor ?? 0);
      const end = start + Math.min(limit, 60);
      return { usernames: names.slice(start, end), ...(end < names.length ? { cursor: String(end) } : {}) };
    },
    async getUser(username) {
      fail('getUser');
      const user = pool.users.get(username);
      return user ? structuredClone(user) : undefined;
    },
    async setUserMfa(username, settings) {
      fail('setUserMfa');
      pool.calls.push({ op: 'setUserMfa', username, detail: settings });
      const user = pool.users.get(username);
      if (!user) throw Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });
      user.methods = [...settings.methods];
      if (settings.preferred) user.preferred = settings.preferred;
      else delete user.preferred;
    },
    async forgetDevices(username) {
      fail('forgetDevices');
      pool.calls.push({ op: 'forgetDevices', username });
      return 0;
    },
  };
  return pool;
}
