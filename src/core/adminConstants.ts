import type { AdminAuditEventType, AdminComplianceStatus } from '../ports.js';

/** Every admin audit event type, in the order the console offers them as filters. */
export const ADMIN_AUDIT_EVENT_TYPES: readonly AdminAuditEventType[] = [
  'mfa_reset',
  'mfa_bypass',
  'mfa_bypass_ended',
  'mfa_bypass_expired',
  'pool_mfa_changed',
  'policy_changed',
  'mfa_recovery_used',
  'compliance_exported',
];

export const ADMIN_COMPLIANCE_STATUSES: readonly AdminComplianceStatus[] = [
  'compliant',
  'in_grace',
  'non_compliant',
  'bypassed',
];

/** Response headers of `GET /compliance-export`: the file's SHA-256 and its audit event's id. */
export const EXPORT_SHA256_HEADER = 'x-mfa-export-sha256';
export const EXPORT_AUDIT_ID_HEADER = 'x-mfa-audit-id';
