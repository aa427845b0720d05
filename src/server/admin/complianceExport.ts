import { MfaAdminError } from '../../core/adminErrors.js';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type {
  AdminAuditEvent,
  AdminUserRow,
  ComplianceExport,
  ComplianceExportInput,
  PoolMfaConfig,
} from '../../ports.js';
import {
  COMPLIANCE_CONTROLS,
  COMPLIANCE_EVENT_TYPES,
  COMPLIANCE_EXPORT_FORMAT,
  type ComplianceReport,
  complianceJson,
  compliancePeriod,
  complianceSummary,
} from './compliance.js';
import { complianceCsv } from './complianceCsv.js';
import type { Sha256 } from './digest.js';
import type { AdminStore } from './store.js';

/** What the export needs from the admin service. */
export interface ComplianceExportDeps {
  store: AdminStore;
  now: () => number;
  newId: () => string;
  sha256: Sha256;
  poolConfig: () => Promise<PoolMfaConfig>;
  /** The policy compliance is judged by, loaded for this export. */
  policy: () => Promise<MfaPolicy | undefined>;
  /** Every user's row now (an expired bypass ended first). */
  users: () => Promise<AdminUserRow[]>;
  /** Hands a settled event to the audit sink. */
  emit: (event: AdminAuditEvent) => Promise<void>;
  /** Keeps the adoption snapshot of the exported users (the chart's history). */
  recordSnapshot: (users: AdminUserRow[], at: string) => Promise<unknown>;
}

/** Every event of the types an auditor asks for, in the period, oldest first. */
async function eventsIn(store: AdminStore, from: string, to: string): Promise<AdminAuditEvent[]> {
  const events: AdminAuditEvent[] = [];
  for (const type of COMPLIANCE_EVENT_TYPES) {
    let cursor: string | undefined;
    do {
      const page = await store.queryEvents({ type, from, to, limit: 100, ...(cursor ? { cursor } : {}) });
      events.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return events.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1));
}

/**
 * Builds the report, renders it, digests the file and records `compliance_exported` with the digest
 * BEFORE handing the file out: an export the audit trail does not know of never leaves the server.
 */
export async function exportComplianceFile(
  deps: ComplianceExportDeps,
  actor: { username: string; requestId: string },
  input: ComplianceExportInput,
): Promise<ComplianceExport> {
  const format = input?.format;
  if (format !== 'csv' && format !== 'json')
    throw new MfaAdminError('INVALID_REQUEST', 'format must be csv or json.');
  // One instant: a default period ends exactly at the generated-at time.
  const at = deps.now();
  const period = compliancePeriod(input, at);
  const policy = (await deps.policy()) ?? null;
  const [pool, listed, events] = await Promise.all([
    deps.poolConfig(),
    deps.users(),
    eventsIn(deps.store, period.from, period.to),
  ]);
  // By username, whatever order the pool lists in, so two exports compare line by line.
  const users = listed.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  const generatedAt = new Date(at).toISOString();
  const report: ComplianceReport = {
    format: COMPLIANCE_EXPORT_FORMAT,
    generatedAt,
    period,
    pool,
    policy,
    summary: complianceSummary(users),
    controls: COMPLIANCE_CONTROLS,
    users,
    events,
  };
  const body = format === 'csv' ? complianceCsv(report) : complianceJson(report);
  const sha256 = await deps.sha256(body);
  const filename = `mfa-compliance-${generatedAt.slice(0, 10)}.${format}`;
  const event: AdminAuditEvent = {
    id: deps.newId(),
    type: 'compliance_exported',
    at: generatedAt,
    actor: actor.username,
    requestId: actor.requestId,
    status: 'done',
    details: { format, filename, sha256, period, users: users.length, events: events.length },
  };
  await deps.store.appendEvent(event);
  await deps.emit(event);
  try {
    await deps.recordSnapshot(users, generatedAt);
  } catch (error) {
    // The chart's history misses one point; the evidence itself is complete.
    console.error('mfa-kit: keeping the adoption snapshot failed', error);
  }
  return {
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    filename,
    body,
    sha256,
    auditId: event.id,
  };
}
