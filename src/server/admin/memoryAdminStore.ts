import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type { AdminAuditEvent, AdoptionSnapshot } from '../../ports.js';
import {
  type AdminStore,
  type BackfillCheckpoint,
  type BypassRecord,
  decodeCursor,
  encodeCursor,
  type MfaStatusEntry,
  statusMatches,
} from './store.js';

/** Everything a memory admin store holds: plain JSON, so the simulator can persist it. */
export interface MemoryAdminStoreData {
  events: AdminAuditEvent[];
  bypasses: Record<string, BypassRecord>;
  /** The MFA-status index. */
  statuses?: Record<string, MfaStatusEntry>;
  backfill?: BackfillCheckpoint;
  policy?: MfaPolicy;
  /** Adoption snapshots, oldest first. */
  adoption?: AdoptionSnapshot[];
}

export interface MemoryAdminStoreOptions {
  /** Backing data, changed in place. Default: fresh and empty. */
  data?: MemoryAdminStoreData;
  /** Called after every change, e.g. to persist `data`. */
  onChange?: () => void;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The admin store in this process's memory (development, tests, the simulator). Each method runs to
 * completion without awaiting in between, so its conditional writes are atomic within the process.
 */
export function memoryAdminStore(options: MemoryAdminStoreOptions = {}): AdminStore {
  const data = options.data ?? { events: [], bypasses: {} };
  const events = new Map(data.events.map((event) => [event.id, event]));
  // Events sort by time, then by the order they were written (one process: that order is known).
  const sequence = new Map(data.events.map((event, index) => [event.id, index]));
  const sortKey = (event: AdminAuditEvent) =>
    `${event.at}#${String(sequence.get(event.id) ?? 0).padStart(12, '0')}`;
  const bypasses = new Map(Object.entries(data.bypasses));
  const statuses = new Map(Object.entries(data.statuses ?? {}));
  /** Usernames in order, kept sorted on insert: a page starts with a binary search, whatever its depth. */
  const order = [...statuses.keys()].sort();
  const firstAfter = (username: string) => {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((order[middle] ?? '') <= username) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const notify = options.onChange ?? (() => {});
  const changed = () => {
    data.events = [...events.values()];
    data.bypasses = Object.fromEntries(bypasses);
    notify();
  };
  const statusChanged = () => {
    // Persisted lazily: the index can be large, and hosts that persist `data` read it on load.
    data.statuses = Object.fromEntries(statuses);
    notify();
  };

  return {
    async appendEvent(event) {
      if (events.has(event.id)) return false;
      sequence.set(event.id, sequence.size);
      events.set(event.id, copy(event));
      changed();
      return true;
    },
    async settleEvent(id, status, details) {
      const event = events.get(id);
      if (!event) return undefined;
      event.status = status;
      if (details) event.details = { ...event.details, ...details };
      changed();
      return copy(event);
    },
    async getEvent(id) {
      const event = events.get(id);
      return event ? copy(event) : undefined;
    },
    async queryEvents(query) {
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
      const after = decodeCursor<string>(query.cursor);
      const matching = [...events.values()]
        .filter(
          (event) =>
            (!query.type || event.type === query.type) &&
            (!query.target || event.target === query.target) &&
            (!query.from || event.at >= query.from) &&
            (!query.to || event.at <= query.to) &&
            (after === undefined || sortKey(event) < after),
        )
        .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
      const page = matching.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(copy),
        ...(matching.length > limit && last ? { cursor: encodeCursor(sortKey(last)) } : {}),
      };
    },
    async pendingEvents(writtenBefore, limit) {
      return [...events.values()]
        .filter((event) => event.status === 'pending' && event.at <= writtenBefore)
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
        .slice(0, limit)
        .map(copy);
    },
    async getBypass(username) {
      const record = bypasses.get(username);
      return record ? copy(record) : undefined;
    },
    async putBypass(record) {
      const current = bypasses.get(record.username);
      if (current) return current.bypassId === record.bypassId;
      bypasses.set(record.username, copy(record));
      changed();
      return true;
    },
    async deleteBypass(username, bypassId) {
      if (bypasses.get(username)?.bypassId !== bypassId) return false;
      bypasses.delete(username);
      changed();
      return true;
    },
    async putStatus(entry) {
      if (!statuses.has(entry.username)) order.splice(firstAfter(entry.username), 0, entry.username);
      statuses.set(entry.username, copy(entry));
      statusChanged();
    },
    async getStatus(username) {
      const entry = statuses.get(username);
      return entry ? copy(entry) : undefined;
    },
    async deleteStatus(username) {
      if (!statuses.delete(username)) return;
      order.splice(firstAfter(username) - 1, 1);
      statusChanged();
    },
    async listStatuses(query) {
      const after = decodeCursor<string>(query.cursor);
      let index = after === undefined ? (query.prefix ? firstAfter(query.prefix) - 1 : 0) : firstAfter(after);
      if (index < 0) index = 0;
      const items: MfaStatusEntry[] = [];
      let last: string | undefined;
      for (; index < order.length && items.length < query.limit; index += 1) {
        const username = order[index] ?? '';
        if (query.prefix && username > query.prefix && !username.startsWith(query.prefix)) break;
        last = username;
        const entry = statuses.get(username);
        if (entry && statusMatches(entry, query)) items.push(copy(entry));
      }
      const more = index < order.length && (!query.prefix || (order[index] ?? '').startsWith(query.prefix));
      return { items, ...(more && last !== undefined ? { cursor: encodeCursor(last) } : {}) };
    },
    async getPolicy() {
      return data.policy ? copy(data.policy) : undefined;
    },
    async putPolicy(policy) {
      data.policy = copy(policy);
      notify();
    },
    async getBackfill() {
      return data.backfill ? copy(data.backfill) : undefined;
    },
    async putBackfill(checkpoint) {
      data.backfill = copy(checkpoint);
      notify();
    },
    async putAdoptionSnapshot(snapshot) {
      const kept = (data.adoption ?? []).filter((earlier) => earlier.at !== snapshot.at);
      data.adoption = [...kept, copy(snapshot)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      notify();
    },
    async listAdoptionSnapshots(limit) {
      return (data.adoption ?? []).slice(-limit).map(copy);
    },
    async expiredBypasses(now, limit) {
      return [...bypasses.values()]
        .filter((record) => record.until <= now)
        .sort((a, b) => (a.until < b.until ? -1 : 1))
        .slice(0, limit)
        .map(copy);
    },
  };
}
