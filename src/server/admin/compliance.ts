import { MfaAdminError } from '../../core/adminErrors.js';
import { type MfaPolicy, parseInstant } from '../../core/mfaPolicy.js';
import type {
  AdminAuditEvent,
  AdminAuditEventType,
  AdminComplianceStatus,
  AdminUserRow,
  PoolMfaConfig,
} from '../../ports.js';

/** Names the layout of the file, so a reader of an old export knows which columns to expect. */
export const COMPLIANCE_EXPORT_FORMAT = 'mfa-kit.compliance-export/1';

/** Events an auditor asks for: resets, bypasses and changes of the MFA configuration or policy. */
export const COMPLIANCE_EVENT_TYPES: readonly AdminAuditEventType[] = [
  'mfa_reset',
  'mfa_recovery_used',
  'mfa_bypass',
  'mfa_bypass_ended',
  'mfa_bypass_expired',
  'pool_mfa_changed',
  'policy_changed',
];

/** One control the export is evidence for, and what in the file shows it. */
export interface ComplianceControl {
  framework: string;
  control: string;
  evidence: string;
}

export const COMPLIANCE_CONTROLS: readonly ComplianceControl[] = [
  {
    framework: 'SOC 2',
    control: 'CC6.1',
    evidence:
      'Logical access security: the pool MFA level, the enforcement policy and every user with the factors they have and their compliance under that policy.',
  },
  {
    framework: 'PCI-DSS v4.0',
    control: '8.3.1',
    evidence:
      'User authentication factors: which factor each user has besides the password (TOTP app, SMS or email code), and who had none (non_compliant, bypassed) with why.',
  },
  {
    framework: 'HIPAA',
    control: '164.312(d)',
    evidence:
      'Person or entity authentication: how identity is verified per user, and every reset and bypass of the period with its actor, time and justification.',
  },
  {
    framework: 'NIST SP 800-53',
    control: 'IA-2',
    evidence:
      'Identification and authentication (organizational users): MFA per user, with groups showing privileged (admin) accounts; IA-2(1) and IA-2(2) read from the same rows.',
  },
];

/** Longest period one export covers (a year, leap years included). */
export const MAX_EXPORT_PERIOD_DAYS = 366;
export const DEFAULT_EXPORT_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;

export interface CompliancePeriod {
  /** ISO 8601. */
  from: string;
  /** ISO 8601. */
  to: string;
}

function instant(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const at = typeof value === 'string' ? parseInstant(value) : undefined;
  if (at === undefined)
    throw new MfaAdminError(
      'INVALID_REQUEST',
      `${name} must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z).`,
    );
  return at;
}

/**
 * The period of an export: `to` defaults to, and is capped at, `now` (a day picked as "to" may
 * include the rest of today); `from` defaults to 90 days before `to`. Refused: unparseable times,
 * `from` after `to`, more than 366 days.
 */
export function compliancePeriod(input: { from?: unknown; to?: unknown }, now: number): CompliancePeriod {
  const to = Math.min(instant(input.to, 'to') ?? now, now);
  const from = instant(input.from, 'from') ?? to - DEFAULT_EXPORT_PERIOD_DAYS * DAY_MS;
  if (from > to) throw new MfaAdminError('INVALID_REQUEST', 'from must not be after to (or in the future).');
  if (to - from > MAX_EXPORT_PERIOD_DAYS * DAY_MS)
    throw new MfaAdminError(
      'INVALID_REQUEST',
      `The period may cover at most ${MAX_EXPORT_PERIOD_DAYS} days: export longer audits in parts.`,
    );
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

export type ComplianceSummary = { users: number; withMfa: number } & Record<AdminComplianceStatus, number>;

/** Everything an export holds; the CSV and the JSON are two renderings of it. */
export interface ComplianceReport {
  format: typeof COMPLIANCE_EXPORT_FORMAT;
  /** ISO 8601. */
  generatedAt: string;
  period: CompliancePeriod;
  pool: PoolMfaConfig;
  /** The enforcement policy compliance was judged by; `null` when none is set (then: has MFA or not). */
  policy: MfaPolicy | null;
  summary: ComplianceSummary;
  controls: readonly ComplianceControl[];
  users: AdminUserRow[];
  /** Resets, bypasses and configuration changes of the period, oldest first. */
  events: AdminAuditEvent[];
}

export function complianceSummary(users: readonly AdminUserRow[]): ComplianceSummary {
  const summary: ComplianceSummary = {
    users: users.length,
    withMfa: 0,
    compliant: 0,
    in_grace: 0,
    non_compliant: 0,
    bypassed: 0,
  };
  for (const user of users) {
    summary[user.compliance] += 1;
    if (user.methods.length > 0) summary.withMfa += 1;
  }
  return summary;
}

/** The JSON rendering: the report itself, two-space indented, with a final newline. */
export function complianceJson(report: ComplianceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
