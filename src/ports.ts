import type { MfaPolicy, MfaPolicyInput } from './core/mfaPolicy.js';
import type { MfaMethod } from './ports/auth.js';

/** The ports mfa-kit talks through. Types only: no runtime code lives here. */
export type * from './ports/auth.js';
export type * from './ports/recovery.js';
export type * from './ports/stepUp.js';

// ——— Admin (issue 18): the pluggable admin adapter behind the admin console ———

/** The pool's MFA level, as Cognito names it: OFF, OPTIONAL (users choose) or ON (required for all). */
export type PoolMfaMode = 'OFF' | 'OPTIONAL' | 'ON';

export interface PoolMfaConfig {
  mode: PoolMfaMode;
  /** Factors the pool offers (TOTP: software token, SMS, EMAIL). */
  methods: MfaMethod[];
}

export interface SetPoolMfaConfigInput extends PoolMfaConfig {
  /** Only count who the change would affect; nothing is changed and no event is written. */
  dryRun?: boolean;
  /** Why, for the audit trail (optional here; at least 10 characters when given). */
  justification?: string;
}

/** Who a pool MFA change would affect, counted over every user of the pool. */
export interface PoolMfaChangeImpact {
  /** Users looked at. */
  scanned: number;
  /** Users with no factor the new configuration offers. */
  withoutMfa: number;
  /** With mode ON: users without MFA whom Cognito sends to set up TOTP or email at their next sign-in. */
  sentToSetup: number;
  /**
   * With mode ON: users without MFA who cannot set one up while signing in (Cognito never offers SMS for
   * setup there), so they are locked out until an admin helps.
   */
  lockedOut: number;
  /** With mode OFF: users whose MFA stops being asked for. */
  losingMfa: number;
}

export interface SetPoolMfaConfigResult {
  /** False for a dry run. */
  applied: boolean;
  config: PoolMfaConfig;
  /** Counted for dry runs (it reads every user, so an applied change does not repeat it). */
  impact?: PoolMfaChangeImpact;
}

export type AdminComplianceStatus = 'compliant' | 'in_grace' | 'non_compliant' | 'bypassed';

/** One user as the admin console lists them. */
export interface AdminUserRow {
  username: string;
  email?: string;
  groups: string[];
  /** Factors the user has enabled. */
  methods: MfaMethod[];
  preferred?: MfaMethod;
  compliance: AdminComplianceStatus;
  /** ISO 8601: until when a user without MFA is still allowed in (from the host's grace rule). */
  graceUntil?: string;
  /** ISO 8601: when an active bypass ends and MFA is turned back on. */
  bypassUntil?: string;
  /** ISO 8601: the pool's last change to the user (Cognito's `UserLastModifiedDate`). */
  lastChangedAt?: string;
}

export interface AdminListUsersInput {
  /** From the previous page's `cursor`. */
  cursor?: string;
  /** Users per page, 1–60 (Cognito's `ListUsers` maximum). Default 60. */
  limit?: number;
  /** Username prefix. */
  search?: string;
  filter?: { compliance?: AdminComplianceStatus; role?: string; method?: MfaMethod | 'NONE' };
}

export interface AdminPage<T> {
  items: T[];
  /** Absent on the last page. */
  cursor?: string;
}

export interface AdminResetInput {
  username: string;
  /** Why, in the admin's words: at least 10 characters, stored exactly as given. */
  justification: string;
}

export interface AdminBypassInput extends AdminResetInput {
  /** 1–24 hours. Default 24. */
  hours?: number;
}

export interface AdminBypassResult {
  username: string;
  /** ISO 8601: MFA is turned back on at this time. */
  bypassUntil: string;
  /** What was turned off, and will be restored. */
  previous: { methods: MfaMethod[]; preferred?: MfaMethod };
}

export type AdminAuditEventType =
  | 'mfa_reset'
  | 'mfa_bypass'
  | 'mfa_bypass_ended'
  | 'mfa_bypass_expired'
  | 'pool_mfa_changed'
  | 'policy_changed'
  | 'mfa_recovery_used'
  | 'compliance_exported';

/**
 * One audit record. `status` is `pending` between the moment the event is written (before the change)
 * and the moment the change is complete; `failed` when the pool refused the change.
 */
export interface AdminAuditEvent {
  id: string;
  type: AdminAuditEventType;
  /** ISO 8601. */
  at: string;
  /** The admin's username; `system` for automatic expiry. */
  actor: string;
  /** The user acted on; absent for pool changes. */
  target?: string;
  /** As the admin typed it. Render it as text, never as markup. */
  justification?: string;
  requestId: string;
  status: 'pending' | 'done' | 'failed';
  /** What changed: previous and new settings, the bypass end time, the failure's name. */
  details?: Record<string, unknown>;
}

export interface AdminAuditQuery {
  cursor?: string;
  type?: AdminAuditEventType;
  target?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, inclusive. */
  to?: string;
  /** 1–100. Default 50. */
  limit?: number;
}

/** Users with at least one MFA factor, by role (Cognito group; `*` is everyone), at one time. */
export interface AdoptionSnapshot {
  /** ISO 8601. */
  at: string;
  byRole: Record<string, { withMfa: number; total: number }>;
}

export interface ComplianceExportInput {
  format: 'csv' | 'json';
  /**
   * ISO 8601 (a date is midnight UTC), inclusive: the period whose resets, bypasses and configuration
   * changes are listed. Default: 90 days before `to`. The period is at most 366 days.
   */
  from?: string;
  /** ISO 8601, inclusive. Default, and at most: the time of the export. */
  to?: string;
}

export interface ComplianceExport {
  /** `text/csv; charset=utf-8` or `application/json`. */
  contentType: string;
  filename: string;
  body: string;
  /** SHA-256 of `body` (UTF-8), lowercase hex, as recorded in the `compliance_exported` audit event. */
  sha256: string;
  /** The id of that `compliance_exported` event. */
  auditId: string;
}

/**
 * What the admin console needs. Implemented over HTTP (`httpAdminAdapter`, against
 * `createMfaAdminHandler` from `mfa-kit/server`) and by the simulator (`mfa-kit/testing`). Failures are
 * `MfaAdminError`s with a stable `code`.
 */
export interface AdminAdapter {
  getPoolMfaConfig(): Promise<PoolMfaConfig>;
  setPoolMfaConfig(input: SetPoolMfaConfigInput): Promise<SetPoolMfaConfigResult>;
  listUsers(input?: AdminListUsersInput): Promise<AdminPage<AdminUserRow>>;
  /** Every factor off, recovery codes invalidated, remembered devices forgotten: the user enrols again. */
  resetUserMfa(input: AdminResetInput): Promise<AdminUserRow>;
  /** MFA off for at most 24 hours, then turned back on as it was. */
  bypassUserMfa(input: AdminBypassInput): Promise<AdminBypassResult>;
  /** Ends a bypass now and restores the user's MFA. */
  endBypass(input: { username: string }): Promise<AdminUserRow>;
  /** Newest first. */
  getAuditLog(query?: AdminAuditQuery): Promise<AdminPage<AdminAuditEvent>>;
  /**
   * The compliance evidence (pool MFA level, policy, every user's MFA, resets and bypasses of the
   * period, the controls it evidences), its SHA-256 recorded as a `compliance_exported` audit event.
   */
  exportCompliance(input: ComplianceExportInput): Promise<ComplianceExport>;
  /** The enforcement policy the admin service judges compliance by; `null` before one is set. */
  getPolicy(): Promise<MfaPolicy | null>;
  /** Validated with `createMfaPolicy` (refused with the reasons), audited as `policy_changed`. */
  setPolicy(input: SetMfaPolicyInput): Promise<MfaPolicy>;
  /**
   * Stored adoption snapshots, oldest first: the last `limit` (default 24, at most 366). Each
   * compliance export records one, and so does `recordAdoptionSnapshot`. Optional for custom adapters.
   */
  listAdoptionSnapshots?(input?: { limit?: number }): Promise<AdoptionSnapshot[]>;
  /** Counts every user now and stores the snapshot (e.g. from a monthly schedule). */
  recordAdoptionSnapshot?(): Promise<AdoptionSnapshot>;
}

export interface SetMfaPolicyInput {
  policy: MfaPolicyInput;
  /** Why (at least 10 characters), recorded with the event. */
  justification: string;
}
