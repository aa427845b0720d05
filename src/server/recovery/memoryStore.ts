import type { RecoveryCodeStore, StoredRecoveryCodes } from './store.js';

/** Everything a memory store holds: plain JSON, so it can be persisted (the simulator keeps it in sessionStorage). */
export interface MemoryStoreData {
  sets: Record<string, StoredRecoveryCodes>;
  counters: Record<string, { count: number; expiresAt: number }>;
}

export interface MemoryStoreOptions {
  now?: () => number;
  /** Backing data, changed in place. Default: a fresh, empty object. */
  data?: MemoryStoreData;
  /** Called after every change, e.g. to persist `data`. */
  onChange?: () => void;
}

const copy = (codes: StoredRecoveryCodes): StoredRecoveryCodes => ({
  ...codes,
  codes: codes.codes.map((code) => ({ ...code })),
});

/**
 * A store in this process's memory, for development, tests and single-instance demos. Each method
 * runs to completion without awaiting, so consumption is atomic within the process.
 */
export function memoryStore(options: MemoryStoreOptions = {}): RecoveryCodeStore & {
  /** Everything held, for inspection: proves no plaintext code is kept. */
  dump(): MemoryStoreData;
} {
  const now = options.now ?? Date.now;
  const data = options.data ?? { sets: {}, counters: {} };
  const changed = options.onChange ?? (() => {});

  return {
    async get(username) {
      const set = data.sets[username];
      return set ? copy(set) : undefined;
    },
    async put(codes) {
      data.sets[codes.username] = copy(codes);
      changed();
    },
    async consume(username, setId, index, usedAt) {
      const set = data.sets[username];
      const code = set?.setId === setId ? set.codes[index] : undefined;
      if (!code || code.usedAt !== undefined) return false;
      code.usedAt = usedAt;
      changed();
      return true;
    },
    async release(username, setId, index) {
      const set = data.sets[username];
      if (set?.setId !== setId) return;
      delete set.codes[index]?.usedAt;
      changed();
    },
    async increment(key, expiresAt) {
      const current = data.counters[key];
      const counter = current && current.expiresAt > now() ? current : { count: 0, expiresAt };
      counter.count += 1;
      data.counters[key] = counter;
      changed();
      return counter.count;
    },
    dump: () => structuredClone(data),
  };
}
