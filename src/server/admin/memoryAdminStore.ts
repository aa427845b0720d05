import type { AdminAuditEvent } from '../../ports.js';
import { type AdminStore, type BypassRecord, decodeCursor, encodeCursor } from './store.js';

/** Everything a memory admin store holds: plain JSON, so the simulator can persist it. */
export interface MemoryAdminStoreData {
  events: AdminAuditEvent[];
  bypasses: Record<string, BypassRecord>;
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
  const notify = options.onChange ?? (() => {});
  const changed = () => {
    data.events = [...events.values()];
    data.bypasses = Object.fromEntries(bypasses);
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
    async expiredBypasses(now, limit) {
      return [...bypasses.values()]
        .filter((record) => record.until <= now)
        .sort((a, b) => (a.until < b.until ? -1 : 1))
        .slice(0, limit)
        .map(copy);
    },
  };
}
