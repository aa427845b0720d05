import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type {
  AdminAuditEvent,
  AdminAuditQuery,
  AdminPage,
  AdoptionSnapshot,
  MfaMethod,
} from '../../ports.js';
import { fromBase64Url, toBase64Url } from '../recovery/hashing.js';

/** A user's MFA as the pool holds it: what a bypass turns off and later restores. */
export interface UserMfaSettings {
  methods: MfaMethod[];
  preferred?: MfaMethod;
}

/** An active bypass: one per user at most. */
export interface BypassRecord {
  username: string;
  /** The id of the `mfa_bypass` event that started it. */
  bypassId: string;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601: when MFA is turned back on. */
  until: string;
  actor: string;
  justification: string;
  /** What was on before, and is restored. */
  previous: UserMfaSettings;
}

/**
 * One user in the MFA-status index: what `AdminGetUser` and `AdminListGroupsForUser` said, kept in
 * the store so listing, filtering and searching never page through Cognito.
 */
export interface MfaStatusEntry extends UserMfaSettings {
  username: string;
  email?: string;
  groups: string[];
  createdAt?: string;
  lastModifiedAt?: string;
  /** ISO 8601, while a bypass is active. */
  bypassUntil?: string;
  /** ISO 8601: when this entry was written. */
  indexedAt: string;
}

/** What the index can select by itself (everything else is the service's). */
export interface MfaStatusQuery {
  cursor?: string;
  limit: number;
  /** Username prefix. */
  prefix?: string;
  /** A factor the user has, or NONE for users without any. */
  method?: MfaMethod | 'NONE';
  role?: string;
  /** Only users with at least one factor (true) or none (false). */
  hasMfa?: boolean;
  /** Only users with a bypass ending after this time (ISO 8601). */
  bypassedAfter?: string;
}

/** Where a backfill stopped: the `ListUsers` cursor of the next page, and how far it got. */
export interface BackfillCheckpoint {
  cursor?: string;
  done: boolean;
  indexed: number;
  startedAt: string;
  updatedAt: string;
}

/**
 * Where admin state and the audit trail live. Every write is a single-item conditional write, so any
 * number of servers can share one store:
 * - `appendEvent` writes an event only if its id is new (the winner of a race is the one that acts);
 * - `putBypass` starts a bypass only if the user has none;
 * - `deleteBypass` ends it only if it is still the same bypass.
 * An event is written `pending` BEFORE the change it records and settled after it (an outbox):
 * a crash in between leaves a pending event that `pendingEvents` hands to the sweep, which completes
 * the change and settles the event, so neither is lost.
 */
export interface AdminStore {
  /** Writes the event unless one with its id exists; resolves false when it did. */
  appendEvent(event: AdminAuditEvent): Promise<boolean>;
  /** Sets `status` (and merges `details`) of an event. */
  settleEvent(
    id: string,
    status: 'done' | 'failed',
    details?: Record<string, unknown>,
  ): Promise<AdminAuditEvent | undefined>;
  getEvent(id: string): Promise<AdminAuditEvent | undefined>;
  /**
   * Newest first, filtered by type, target and time (inclusive ISO 8601 bounds). Events of the same
   * millisecond come in write order (memory) or id order (DynamoDB).
   */
  queryEvents(query: AdminAuditQuery): Promise<AdminPage<AdminAuditEvent>>;
  /** Events still pending that were written at or before `writtenBefore` (ISO 8601), oldest first. */
  pendingEvents(writtenBefore: string, limit: number): Promise<AdminAuditEvent[]>;
  getBypass(username: string): Promise<BypassRecord | undefined>;
  /** Starts the bypass unless the user has one already (the same `bypassId` counts as done: true). */
  putBypass(record: BypassRecord): Promise<boolean>;
  /** Ends the bypass only if it is still `bypassId`; resolves whether it did. */
  deleteBypass(username: string, bypassId: string): Promise<boolean>;
  /** Bypasses whose `until` is at or before `now` (ISO 8601), soonest first. */
  expiredBypasses(now: string, limit: number): Promise<BypassRecord[]>;
  /** Writes (replaces) a user's index entry. */
  putStatus(entry: MfaStatusEntry): Promise<void>;
  getStatus(username: string): Promise<MfaStatusEntry | undefined>;
  /** Drops a user the pool no longer has. */
  deleteStatus(username: string): Promise<void>;
  /** Index entries by username, in order; a page costs the same wherever it starts. */
  listStatuses(query: MfaStatusQuery): Promise<AdminPage<MfaStatusEntry>>;
  /** The enforcement policy as last set (the validated policy, JSON). */
  getPolicy(): Promise<MfaPolicy | undefined>;
  putPolicy(policy: MfaPolicy): Promise<void>;
  getBackfill(): Promise<BackfillCheckpoint | undefined>;
  putBackfill(checkpoint: BackfillCheckpoint): Promise<void>;
  /** Keeps an adoption snapshot (one per `at`). Optional: without it no adoption history is kept. */
  putAdoptionSnapshot?(snapshot: AdoptionSnapshot): Promise<void>;
  /** The last `limit` adoption snapshots, oldest first. */
  listAdoptionSnapshots?(limit: number): Promise<AdoptionSnapshot[]>;
}

/** Whether an index entry passes the filters a store applies (shared by the stores). */
export function statusMatches(entry: MfaStatusEntry, query: MfaStatusQuery): boolean {
  if (query.prefix && !entry.username.startsWith(query.prefix)) return false;
  if (query.method === 'NONE' && entry.methods.length > 0) return false;
  if (query.method && query.method !== 'NONE' && !entry.methods.includes(query.method)) return false;
  if (query.role && !entry.groups.includes(query.role)) return false;
  if (query.hasMfa !== undefined && query.hasMfa !== entry.methods.length > 0) return false;
  if (query.bypassedAfter && !(entry.bypassUntil && entry.bypassUntil > query.bypassedAfter)) return false;
  return true;
}

/** Opaque page cursors: base64url JSON (Web APIs only: the simulator runs this in browsers). */
export function encodeCursor(value: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64Url(cursor))) as T;
  } catch {
    return undefined;
  }
}
