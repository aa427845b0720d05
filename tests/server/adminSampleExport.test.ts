// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it } from 'vitest';
import { demoOrganisation, signInAs } from '../../stories/support/adminDemo';
import { parseComplianceCsv } from './support/parseComplianceCsv';

/**
 * The sample in tests/samples-admin/ ("what an auditor receives") is a real export of a demo
 * organisation by the simulator, which runs the server's own admin service. `UPDATE_ADMIN_SAMPLES=1`
 * rewrites it; otherwise this checks that it still has the layout the code writes today.
 */
const folder = resolve(import.meta.dirname, '../samples-admin');

async function demoExport() {
  const simulator = createCognitoSimulator({
    users: demoOrganisation(4),
    mfaConfiguration: 'OPTIONAL',
    mfaMethods: ['TOTP', 'SMS', 'EMAIL'],
  });
  simulator.pool.createUser({
    username: 'mallory',
    password: 'Passw0rd!',
    email: '=HYPERLINK("http://evil.example","Click")@example.com',
  });
  await signInAs(simulator, 'alice');
  const { admin } = simulator;
  await admin.setPolicy({
    policy: {
      requiredRoles: ['admin', 'finance'],
      optionalRoles: ['staff', 'support', 'engineering'],
      policyStart: '2026-11-01',
    },
    justification: 'Quarterly access review: MFA required for admin and finance (SOC 2 CC6.1)',
  });
  await admin.resetUserMfa({
    username: 'bob',
    justification: '- lost phone; identity checked on a video call (ticket 4711)',
  });
  await admin.bypassUserMfa({
    username: 'dave',
    justification: 'Travelling without his phone until tonight (ticket 4712)',
    hours: 8,
  });
  const csv = await admin.exportCompliance({ format: 'csv' });
  const json = await admin.exportCompliance({ format: 'json' });
  const recorded = (await admin.getAuditLog({ type: 'compliance_exported' })).items;
  return { csv, json, recorded };
}

describe('tests/samples-admin: what an auditor receives', () => {
  it('is a real export in the layout the code writes today', async () => {
    const { csv, json, recorded } = await demoExport();
    if (process.env.UPDATE_ADMIN_SAMPLES === '1') {
      writeFileSync(resolve(folder, 'sample-compliance-export.csv'), csv.body);
      writeFileSync(resolve(folder, 'sample-compliance-export.json'), json.body);
      writeFileSync(resolve(folder, 'sample-audit-events.json'), `${JSON.stringify(recorded, null, 2)}\n`);
    }
    // The committed files are exactly what the export wrote: their SHA-256 is the one the audit trail recorded.
    const recordedEvents = JSON.parse(readFileSync(resolve(folder, 'sample-audit-events.json'), 'utf8'));
    for (const name of ['sample-compliance-export.csv', 'sample-compliance-export.json']) {
      const digest = createHash('sha256')
        .update(readFileSync(resolve(folder, name)))
        .digest('hex');
      expect(recordedEvents).toContainEqual(
        expect.objectContaining({
          type: 'compliance_exported',
          details: expect.objectContaining({ sha256: digest }),
        }),
      );
    }
    const fresh = parseComplianceCsv(csv.body);
    const sample = parseComplianceCsv(readFileSync(resolve(folder, 'sample-compliance-export.csv'), 'utf8'));
    expect(sample.headers).toEqual(fresh.headers);
    expect(Object.keys(sample.report)).toEqual(Object.keys(fresh.report));
    expect(sample.controls).toEqual(fresh.controls);
    expect(sample.users.map((row) => [row.username, row.email, row.compliance])).toEqual(
      fresh.users.map((row) => [row.username, row.email, row.compliance]),
    );
    // Events of the same millisecond are ordered by their (random) id: compare them as sets.
    const events = (rows: Array<Record<string, string>>) =>
      rows.map((row) => [row.type, row.target, row.justification].join(' | ')).sort();
    expect(events(sample.events)).toEqual(events(fresh.events));
    const sampleJson = JSON.parse(readFileSync(resolve(folder, 'sample-compliance-export.json'), 'utf8'));
    const freshJson = JSON.parse(json.body);
    expect(Object.keys(sampleJson)).toEqual(Object.keys(freshJson));
    expect(sampleJson.controls).toEqual(freshJson.controls);
    expect(sampleJson.summary).toEqual(freshJson.summary);
  });
});
