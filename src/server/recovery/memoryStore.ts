import type { RecoveryCodeStore, StoredRecoveryCodes } from './store.js';

const copy = (codes: StoredRecoveryCodes): StoredRecoveryCodes => ({
  ...codes,
  codes: codes.codes.map((code) => ({ ...code })),
});

/**
 * A store in this process's memory, for development, tests and single-instance demos. Each method
 * runs to completion without awaiting, so consumption is atomic within the process.
 */
export function memoryStore(options: { now?: () => number } = {}): RecoveryCodeStore & {
  /** Everything held, for inspection: proves no plaintext code is kept. */
  dump(): unknown;
} {
  const now = options.now ?? Date.now;
  const sets = new Map<string, StoredRecoveryCodes>();
  const counters = new Map<string, { count: number; expiresAt: number }>();

  return {
    async get(username) {
      const set = sets.get(username);
      return set ? copy(set) : undefined;
    },
    async put(codes) {
      sets.set(codes.username, copy(codes));
    },
    async consume(username, setId, index, usedAt) {
      const code = sets.get(username)?.setId === setId ? sets.get(username)?.codes[index] : undefined;
      if (!code || code.usedAt !== undefined) return false;
      code.usedAt = usedAt;
      return true;
    },
    async release(username, setId, index) {
      const set = sets.get(username);
      if (set?.setId === setId) delete set.codes[index]?.usedAt;
    },
    async increment(key, expiresAt) {
      const current = counters.get(key);
      const counter = current && current.expiresAt > now() ? current : { count: 0, expiresAt };
      counter.count += 1;
      counters.set(key, counter);
      return counter.count;
    },
    dump: () => ({ sets: [...sets.values()].map(copy), counters: Object.fromEntries(counters) }),
  };
}
