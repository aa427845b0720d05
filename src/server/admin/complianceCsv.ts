import Papa from 'papaparse';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type { AdminAuditEvent, AdminUserRow } from '../../ports.js';
import type { ComplianceReport } from './compliance.js';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): starting with = + - @, a tab
 * or a carriage return. Papa Parse prefixes them with an apostrophe and quotes them. Its own default
 * pattern ends in `.*$`, which misses a multi-line value such as `=cmd|' /C calc'!A0\nx`; this
 * one looks only at the first character. A value that itself starts with an apostrophe gets one too,
 * so the escape is lossless (drop one leading apostrophe to read a cell back) and a spreadsheet, which
 * hides the first apostrophe, shows the value as it was.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r']/;

/** The sections of the CSV, in order, each with its header row; a blank line separates them. */
export const COMPLIANCE_CSV_SECTIONS = {
  report: ['field', 'value'],
  controls: ['framework', 'control', 'evidence'],
  users: [
    'username',
    'email',
    'groups',
    'methods',
    'preferred',
    'compliance',
    'graceUntil',
    'bypassUntil',
    'lastChangedAt',
  ],
  events: ['eventId', 'type', 'at', 'actor', 'target', 'status', 'justification', 'details'],
} as const;

const list = (values: readonly string[]) => values.join(' ');

function policyRows(policy: MfaPolicy | null): string[][] {
  if (!policy) return [['policy', 'none (compliance = has at least one MFA factor)']];
  return [
    ['policy.requiredRoles', list(policy.requiredRoles)],
    ['policy.optionalRoles', list(policy.optionalRoles)],
    ['policy.adminRoles', list(policy.adminRoles)],
    ['policy.gracePeriodDays', String(policy.gracePeriodDays)],
    ['policy.enforcementAction', policy.enforcementAction],
    [
      'policy.allowedMethods',
      Object.entries(policy.allowedMethods)
        .map(([role, methods]) => `${role}: ${list(methods)}`)
        .join('; '),
    ],
    ['policy.defaultAllowedMethods', list(policy.defaultAllowedMethods)],
    ['policy.policyStart', new Date(policy.policyStart).toISOString()],
  ];
}

function reportRows(report: ComplianceReport): string[][] {
  const { summary } = report;
  return [
    ['report', 'MFA compliance evidence'],
    ['format', report.format],
    ['generatedAt', report.generatedAt],
    ['periodFrom', report.period.from],
    ['periodTo', report.period.to],
    ['poolMfaConfiguration', report.pool.mode],
    ['poolMfaMethods', list(report.pool.methods)],
    ...policyRows(report.policy),
    ['users', String(summary.users)],
    ['usersWithMfa', String(summary.withMfa)],
    ['compliant', String(summary.compliant)],
    ['in_grace', String(summary.in_grace)],
    ['non_compliant', String(summary.non_compliant)],
    ['bypassed', String(summary.bypassed)],
  ];
}

const userRow = (user: AdminUserRow): string[] => [
  user.username,
  user.email ?? '',
  list(user.groups),
  list(user.methods),
  user.preferred ?? '',
  user.compliance,
  user.graceUntil ?? '',
  user.bypassUntil ?? '',
  user.lastChangedAt ?? '',
];

const eventRow = (event: AdminAuditEvent): string[] => [
  event.id,
  event.type,
  event.at,
  event.actor,
  event.target ?? '',
  event.status,
  event.justification ?? '',
  event.details ? JSON.stringify(event.details) : '',
];

function section(fields: readonly string[], data: string[][]): string {
  const text = Papa.unparse(
    { fields: [...fields], data },
    { escapeFormulae: CSV_FORMULA_START, newline: '\r\n', header: true },
  );
  // Without rows Papa Parse ends the header with a line break; with rows it does not.
  return data.length === 0 ? text.replace(/\r\n$/, '') : text;
}

/**
 * The report as CSV (RFC 4180, CRLF, UTF-8), written with Papa Parse: four sections, each a header
 * row and its rows, separated by one blank line — `report` (field, value: the export's period, pool
 * MFA level, policy and counts), `controls`, `users` (one row per user) and `events` (the period's
 * resets, bypasses and configuration changes). Lists inside a cell are space-separated.
 */
export function complianceCsv(report: ComplianceReport): string {
  const sections = [
    section(COMPLIANCE_CSV_SECTIONS.report, reportRows(report)),
    section(
      COMPLIANCE_CSV_SECTIONS.controls,
      report.controls.map((control) => [control.framework, control.control, control.evidence]),
    ),
    section(COMPLIANCE_CSV_SECTIONS.users, report.users.map(userRow)),
    section(COMPLIANCE_CSV_SECTIONS.events, report.events.map(eventRow)),
  ];
  return `${sections.join('\r\n\r\n')}\r\n`;
}
