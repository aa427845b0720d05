import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type {
  AdminAuditEvent,
  AdminAuditQuery,
  AdminBypassInput,
  AdminBypassResult,
  AdminListUsersInput,
  AdminPage,
  AdminResetInput,
  AdminUserRow,
  AdoptionSnapshot,
  ComplianceExport,
  ComplianceExportInput,
  PoolMfaConfig,
  SetMfaPolicyInput,
  SetPoolMfaConfigInput,
  SetPoolMfaConfigResult,
} from '../../ports.js';
import type { RecoveryCodeStore } from '../recovery/store.js';
import type { Sha256 } from './digest.js';
import type { AdminPool, PoolUser } from './pool.js';
import type { AdminStore, BackfillCheckpoint } from './store.js';

/** Receives every settled admin event (after it is in the store). May be async; a throw is logged. */
export type AdminAuditSink = (event: AdminAuditEvent) => void | Promise<void>;

/** Who acts, as the handler established it from the verified access token. */
export interface AdminActor {
  username: string;
  /** The request's id, recorded with the event. */
  requestId: string;
}

export interface MfaAdminServiceOptions {
  pool: AdminPool;
  store: AdminStore;
  /** The recovery-code store of `createMfaHandler`: a reset invalidates the user's codes there. */
  recoveryStore?: RecoveryCodeStore;
  audit?: AdminAuditSink;
  /**
   * Until when (ISO 8601) a user without MFA is still in their grace period. Used while no enforcement
   * policy is set (`setPolicy`); with one, the policy decides (required roles, methods each role
   * accepts, grace from account creation or policy start). Default: no grace, so `non_compliant`.
   */
  graceUntil?: (user: GraceSubject) => string | undefined;
  /**
   * List, filter and search from the MFA-status index in the store instead of paging through Cognito
   * (one `AdminGetUser` per listed user). Fill it with `backfillStatusIndex()` first; every change
   * made here, and every single-user read, keeps it current. Default false.
   */
  statusIndex?: boolean;
  /** A pending event older than this was interrupted (a crash): the sweep completes it. Default 120. */
  pendingAfterSeconds?: number;
  /** How many `AdminGetUser` calls run at once while listing. Default 4. */
  concurrency?: number;
  /**
   * SHA-256 of an export, recorded in its `compliance_exported` event. Default WebCrypto
   * (`crypto.subtle`); `createMfaAdminHandler` passes Node's crypto module.
   */
  sha256?: Sha256;
  now?: () => number;
  newId?: () => string;
}

/** A user as the pool or the index knows them. */
export type IndexedUser = Omit<PoolUser, 'hasPhone'> & { bypassUntil?: string };

/** What a grace rule may look at. */
export type GraceSubject = Pick<PoolUser, 'username' | 'groups' | 'createdAt' | 'email'>;

export interface BackfillOptions {
  /**
   * Cognito calls per second, all kinds together (ListUsers, AdminGetUser, AdminListGroupsForUser).
   * Default 5: far under Cognito's default quotas (UserRead 120/s, UserList 30/s), so the pool's own
   * sign-ins and your other admin calls keep their share.
   */
  ratePerSecond?: number;
  /** Stop after this many `ListUsers` pages (60 users each); the next call resumes. Default: all. */
  maxPages?: number;
  /** Start from the first page even if an earlier run stopped midway. */
  restart?: boolean;
  signal?: AbortSignal;
  /** For tests: how to wait for the next token. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SweepResult {
  /** Bypasses that had run out and were ended (MFA restored). */
  expired: number;
  /** Interrupted actions completed from their pending events. */
  completed: number;
}

export interface MfaAdminService {
  getPoolMfaConfig(): Promise<PoolMfaConfig>;
  setPoolMfaConfig(actor: AdminActor, input: SetPoolMfaConfigInput): Promise<SetPoolMfaConfigResult>;
  /** Each listed user with an expired bypass has it ended first (the lazy path). */
  listUsers(input?: AdminListUsersInput): Promise<AdminPage<AdminUserRow>>;
  getUser(username: string): Promise<AdminUserRow>;
  resetUserMfa(actor: AdminActor, input: AdminResetInput): Promise<AdminUserRow>;
  bypassUserMfa(actor: AdminActor, input: AdminBypassInput): Promise<AdminBypassResult>;
  endBypass(actor: AdminActor, input: { username: string }): Promise<AdminUserRow>;
  getAuditLog(query?: AdminAuditQuery): Promise<AdminPage<AdminAuditEvent>>;
  /** See `AdminAdapter.exportCompliance`; recorded as `compliance_exported` by `actor`. */
  exportCompliance(actor: AdminActor, input: ComplianceExportInput): Promise<ComplianceExport>;
  getPolicy(): Promise<MfaPolicy | null>;
  setPolicy(actor: AdminActor, input: SetMfaPolicyInput): Promise<MfaPolicy>;
  /**
   * Ends every bypass that has run out and completes interrupted actions. Schedule it (EventBridge,
   * every few minutes): the library owns no timer. Reads also end expired bypasses of the users they touch.
   */
  sweepExpiredBypasses(): Promise<SweepResult>;
  /**
   * Re-reads one user from Cognito into the MFA-status index, e.g. after the user changed their own
   * MFA (enrolment, recovery). Resolves `undefined` for a user the pool no longer has.
   */
  refreshUser(username: string): Promise<AdminUserRow | undefined>;
  /**
   * Fills the MFA-status index: pages through `ListUsers` and reads each user at `ratePerSecond`,
   * saving a checkpoint after every page, so a stopped run (timeout, deploy) resumes where it was.
   * A finished run starts over on the next call (a refresh).
   */
  backfillStatusIndex(options?: BackfillOptions): Promise<BackfillCheckpoint>;
  /** Counts every user's MFA by role now and stores the snapshot (each compliance export does too). */
  recordAdoptionSnapshot(): Promise<AdoptionSnapshot>;
  /** The last `limit` stored snapshots (default 24, at most 366), oldest first. */
  listAdoptionSnapshots(input?: { limit?: number }): Promise<AdoptionSnapshot[]>;
}

export const MAX_BYPASS_HOURS = 24;
