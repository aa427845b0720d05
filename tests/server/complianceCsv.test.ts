// @vitest-environment node
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import type { AdminUserRow } from '../../src/ports';
import {
  COMPLIANCE_CONTROLS,
  COMPLIANCE_EXPORT_FORMAT,
  type ComplianceReport,
  compliancePeriod,
  complianceSummary,
} from '../../src/server/admin/compliance';
import { complianceCsv } from '../../src/server/admin/complianceCsv';
import { webCryptoSha256 } from '../../src/server/admin/digest';
import { nodeSha256 } from '../../src/server/admin/nodeDigest';
import { parseComplianceCsv, unescapeFormula } from './support/parseComplianceCsv';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const DAY = 86_400_000;

function report(users: AdminUserRow[], justification = 'Lost phone, ticket 4711'): ComplianceReport {
  return {
    format: COMPLIANCE_EXPORT_FORMAT,
    generatedAt: new Date(NOW).toISOString(),
    period: { from: new Date(NOW - 90 * DAY).toISOString(), to: new Date(NOW).toISOString() },
    pool: { mode: 'OPTIONAL', methods: ['TOTP', 'EMAIL'] },
    policy: null,
    summary: complianceSummary(users),
    controls: COMPLIANCE_CONTROLS,
    users,
    events: [
      {
        id: 'e1',
        type: 'mfa_reset',
        at: new Date(NOW - DAY).toISOString(),
        actor: 'root',
        target: users[0]?.username ?? 'bob',
        justification,
        requestId: 'r1',
        status: 'done',
      },
    ],
  };
}

const row = (username: string, email?: string, groups: string[] = []): AdminUserRow => ({
  username,
  ...(email === undefined ? {} : { email }),
  groups,
  methods: [],
  compliance: 'non_compliant',
});

describe('complianceCsv (Papa Parse)', () => {
  it('neutralises every cell a spreadsheet would run, in every section, and parses back', () => {
    const dangerous = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=cmd|"/C calc"!A0\nsecond line'];
    const users = dangerous.map((value, i) => row(`u${i}`, value, [value]));
    const csv = parseComplianceCsv(complianceCsv(report(users, dangerous[6])));
    for (const [i, value] of dangerous.entries()) {
      expect(csv.users[i]?.email).toBe(`'${value}`);
      expect(csv.users[i]?.groups).toBe(`'${value}`);
      expect(unescapeFormula(csv.users[i]?.email ?? '')).toBe(value);
    }
    expect(csv.events[0]?.justification).toBe(`'${dangerous[6]}`);
    // Harmless text is left exactly as it was, commas, quotes and non-Latin letters included.
    const plain = parseComplianceCsv(complianceCsv(report([row('émile', 'a,"b"@example.com', ['مالية'])])));
    expect(plain.users[0]).toMatchObject({ username: 'émile', email: 'a,"b"@example.com', groups: 'مالية' });
  });

  it('keeps a value that itself starts with an apostrophe apart from an escaped formula', () => {
    const csv = parseComplianceCsv(complianceCsv(report([row('u', "'="), row('v', '=')], "'quoted")));
    expect(csv.users.map((user) => unescapeFormula(user.email ?? ''))).toEqual(["'=", '=']);
    expect(csv.users.map((user) => user.email)).toEqual(["''=", "'="]);
    expect(unescapeFormula(csv.events[0]?.justification ?? '')).toBe("'quoted");
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (email, justification) => {
        const csv = parseComplianceCsv(complianceCsv(report([row('u', email)], justification)));
        expect(unescapeFormula(csv.users[0]?.email ?? '')).toBe(email);
        expect(unescapeFormula(csv.events[0]?.justification ?? '')).toBe(justification);
        expect(/^[=+\-@\t\r]/.test(csv.users[0]?.email ?? '')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the report section: period, pool, policy (none), counts', () => {
    const csv = parseComplianceCsv(
      complianceCsv(report([row('a'), { ...row('b'), methods: ['TOTP'], compliance: 'compliant' }])),
    );
    expect(csv.report).toEqual({
      report: 'MFA compliance evidence',
      format: COMPLIANCE_EXPORT_FORMAT,
      generatedAt: '2026-11-23T12:00:00.000Z',
      periodFrom: '2026-08-25T12:00:00.000Z',
      periodTo: '2026-11-23T12:00:00.000Z',
      poolMfaConfiguration: 'OPTIONAL',
      poolMfaMethods: 'TOTP EMAIL',
      policy: 'none (compliance = has at least one MFA factor)',
      users: '2',
      usersWithMfa: '1',
      compliant: '1',
      in_grace: '0',
      non_compliant: '1',
      bypassed: '0',
    });
    // A section without rows keeps its header.
    expect(parseComplianceCsv(complianceCsv({ ...report([]), events: [] })).headers[3]).toEqual([
      'eventId',
      'type',
      'at',
      'actor',
      'target',
      'status',
      'justification',
      'details',
    ]);
  });
});

describe('compliancePeriod', () => {
  const iso = (at: number) => new Date(at).toISOString();
  const code = (input: { from?: unknown; to?: unknown }) => {
    try {
      compliancePeriod(input, NOW);
      return 'accepted';
    } catch (error) {
      return error instanceof MfaAdminError ? error.code : String(error);
    }
  };

  it('defaults to the 90 days before now, and caps `to` at now', () => {
    expect(compliancePeriod({}, NOW)).toEqual({ from: iso(NOW - 90 * DAY), to: iso(NOW) });
    expect(compliancePeriod({ to: '2026-11-23T23:59:59.999Z' }, NOW).to).toBe(iso(NOW));
    expect(compliancePeriod({ from: '2026-11-01', to: '2026-11-10' }, NOW)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-10T00:00:00.000Z',
    });
    expect(compliancePeriod({ from: '2026-11-01T10:00:00+02:00' }, NOW).from).toBe(
      '2026-11-01T08:00:00.000Z',
    );
  });

  it('refuses what is not a period', () => {
    expect(code({ from: iso(NOW - 366 * DAY) })).toBe('accepted');
    expect(code({ from: iso(NOW - 366 * DAY - 1) })).toBe('INVALID_REQUEST');
    expect(code({ from: '2026-11-10', to: '2026-11-01' })).toBe('INVALID_REQUEST');
    expect(code({ from: iso(NOW + DAY) })).toBe('INVALID_REQUEST');
    expect(code({ from: 'yesterday' })).toBe('INVALID_REQUEST');
    // A date-time without a zone means a different instant everywhere: refused.
    expect(code({ from: '2026-11-01T10:00:00' })).toBe('INVALID_REQUEST');
    expect(code({ to: 1_700_000_000_000 })).toBe('INVALID_REQUEST');
  });
});

describe('SHA-256 of the export', () => {
  it('WebCrypto (simulator) and node:crypto (server) agree, on any text', async () => {
    expect(await nodeSha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        const expected = createHash('sha256').update(text, 'utf8').digest('hex');
        expect(await webCryptoSha256(text)).toBe(expected);
        expect(await nodeSha256(text)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
