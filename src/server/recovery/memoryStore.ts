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
 * runs to completion without awaiting, so consumption is atomic within the process. Keys live in
 * `Map`s, so no username (`constructor`, `__proto__` …) can reach an object's prototype.
 */
export function memoryStore(options: MemoryStoreOptions = {}): RecoveryCodeStore & {
  /** Everything held, for inspection: proves no plaintext code is kept. */
  dump(): MemoryStoreData;
} {
  const now = options.now ?? Date.now;
  const data = options.data ?? { sets: {}, counters: {} };
  const sets = new Map(Object.entries(data.sets));
  const counters = new Map(Object.entries(data.counters));
  // Only a host that hands in `data` or listens for changes reads the mirror: without one, a write
  // stays O(1) instead of copying every user's entry (a busy server would copy 10 000 counters each time).
  // Stryker disable next-line ConditionalExpression: equivalent — mirroring for nobody changes only the cost of a write (the maps stay the truth, and nothing reads the mirror).
  const mirrored = options.data !== undefined || options.onChange !== undefined;
  /** Mirrors the maps into `data` (own properties only, via fromEntries) for hosts that persist it. */
  const changed = () => {
    // Stryker disable next-line ConditionalExpression: equivalent — see `mirrored`: skipping only saves the copy.
    if (!mirrored) return;
    data.sets = Object.fromEntries(sets);
    data.counters = Object.fromEntries(counters);
    options.onChange?.();
  };

  return {
    async get(username) {
      const set = sets.get(username);
      return set ? copy(set) : undefined;
    },
    async put(codes) {
      sets.set(codes.username, copy(codes));
      changed();
    },
    async consume(username, setId, index, usedAt) {
      const set = sets.get(username);
      const code = set?.setId === setId ? set.codes[index] : undefined;
      if (!code || code.usedAt !== undefined) return false;
      code.usedAt = usedAt;
      changed();
      return true;
    },
    async release(username, setId, index) {
      const set = sets.get(username);
      if (set?.setId !== setId) return;
      delete set.codes[index]?.usedAt;
      changed();
    },
    async increment(key, expiresAt) {
      // Windows name their counters, so old ones are never read again: drop them now and then.
      if (counters.size > 10_000)
        for (const [name, counter] of counters) if (counter.expiresAt <= now()) counters.delete(name);
      const current = counters.get(key);
      const counter = current && current.expiresAt > now() ? current : { count: 0, expiresAt };
      counter.count += 1;
      counters.set(key, counter);
      changed();
      return counter.count;
    },
    dump: () => structuredClone({ sets: Object.fromEntries(sets), counters: Object.fromEntries(counters) }),
  };
}
