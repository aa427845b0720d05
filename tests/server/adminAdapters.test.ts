// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import { adminTargetsFor, TARGET_NAMES } from './support/adminTargets';

/**
 * One set of scenarios, two adapters: the simulator's `admin` and `httpAdminAdapter` talking to
 * `createMfaAdminHandler` on cognito-local. Same answers, same error codes.
 */
const password = 'Passw0rd-long!';
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';
const people = [
  { username: 'root', password, groups: ['admin'] },
  { username: 'bob', password, groups: ['support'] },
  { username: 'alice', password, totp: true },
  { username: 'carol', password, totp: true },
];

const targetNamed = adminTargetsFor(people);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof MfaAdminError ? error.code : `not an MfaAdminError: ${String(error)}`,
  );

describe.each(TARGET_NAMES)('AdminAdapter contract: %s', (name) => {
  const target = () => targetNamed(name);

  it('lists users with their factors and compliance', async () => {
    const page = await target().admin.listUsers();
    const rows = Object.fromEntries(page.items.map((row) => [row.username, row]));
    expect(rows.alice).toMatchObject({ methods: ['TOTP'], preferred: 'TOTP', compliance: 'compliant' });
    expect(rows.bob).toMatchObject({ methods: [], compliance: 'non_compliant', groups: ['support'] });
    expect(
      (await target().admin.listUsers({ filter: { role: 'admin' } })).items.map((r) => r.username),
    ).toEqual(['root']);
    expect(await target().admin.getPoolMfaConfig()).toMatchObject({ mode: 'OPTIONAL' });
  });

  it('bypasses, ends the bypass and resets, each in the audit log', async () => {
    const bypass = await target().admin.bypassUserMfa({ username: 'alice', justification, hours: 2 });
    expect(bypass).toMatchObject({ username: 'alice', previous: { methods: ['TOTP'], preferred: 'TOTP' } });
    const [row] = (await target().admin.listUsers({ search: 'alice' })).items;
    expect(row).toMatchObject({ compliance: 'bypassed', bypassUntil: bypass.bypassUntil });
    expect(await target().admin.endBypass({ username: 'alice' })).toMatchObject({
      compliance: 'compliant',
    });
    expect(await target().admin.resetUserMfa({ username: 'carol', justification })).toMatchObject({
      compliance: 'non_compliant',
    });
    const log = await target().admin.getAuditLog();
    expect(log.items.map((event) => [event.type, event.actor, event.target])).toEqual([
      ['mfa_reset', 'root', 'carol'],
      ['mfa_bypass_ended', 'root', 'alice'],
      ['mfa_bypass', 'root', 'alice'],
    ]);
    expect((await target().admin.getAuditLog({ type: 'mfa_reset' })).items).toHaveLength(1);
    expect((await target().admin.getAuditLog({ target: 'alice', limit: 1 })).cursor).toBeDefined();
  });

  it('refuses with the same codes', async () => {
    expect(await codeOf(target().admin.resetUserMfa({ username: 'bob', justification: 'short' }))).toBe(
      'JUSTIFICATION_REQUIRED',
    );
    expect(await codeOf(target().admin.resetUserMfa({ username: 'root', justification }))).toBe(
      'SELF_ACTION_FORBIDDEN',
    );
    expect(await codeOf(target().admin.bypassUserMfa({ username: 'bob', justification }))).toBe(
      'NO_MFA_TO_BYPASS',
    );
    expect(await codeOf(target().admin.endBypass({ username: 'bob' }))).toBe('NOT_BYPASSED');
    expect(await codeOf(target().admin.resetUserMfa({ username: 'nobody', justification }))).toBe(
      'USER_NOT_FOUND',
    );
    expect(await codeOf(target().admin.bypassUserMfa({ username: 'alice', justification, hours: 48 }))).toBe(
      'INVALID_REQUEST',
    );
    expect(await codeOf(target().nonAdmin.listUsers())).toBe('FORBIDDEN');
    if (target().unreachable)
      expect(await codeOf(target().unreachable?.listUsers() ?? Promise.resolve())).toBe('NETWORK');
  });

  it('exports compliance as CSV', async () => {
    const report = await target().admin.exportCompliance({ format: 'csv' });
    expect(report.contentType).toBe('text/csv; charset=utf-8');
    expect(report.filename).toMatch(/^mfa-compliance-\d{4}-\d\d-\d\d\.csv$/);
    expect(report.body.split('\r\n')[0]).toBe('field,value');
  });
});
